// The session panel: what useSession() / getSession() return, and the three expiry times.
export const session = {
  status: 'useSession().status',
  statuses: {
    loading: 'loading',
    authenticated: 'authenticated',
    unauthenticated: 'unauthenticated',
  },
  dataLabel: 'useSession().data',
  jsonLabel: 'session JSON',
  empty: 'No session yet. Sign in, then press “Get session” to see what useSession() returns.',
  nullData: 'null: the client has no session.',
  whyEnded: 'Why there is no session',
  loading: 'The first session request is on its way.',
  expiries: {
    title: 'Three expiry times',
    cookie: 'Cookie Expires',
    cookieHint: 'The browser drops the cookie then, even if the token would still decrypt.',
    tokenExp: 'token.exp',
    tokenExpHint: 'jose rejects the token 15 s after this, even if the cookie still exists.',
    sessionExpires: 'session.expires',
    sessionExpiresHint: 'The time of that session request plus session.maxAge; not the token’s exp.',
    none: '—',
    in: 'in {duration}',
    ago: '{duration} ago',
    explain: 'With the default settings all three move forward together on every session request, and advancing the clock moves none of them. Set jwt.maxAge different from session.maxAge (NextAuth v4) to see them drift apart.',
  },
}
