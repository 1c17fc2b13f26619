// The configuration panel: NextAuthOptions / AuthConfig for credentials with JWT sessions.
export const config = {
  intro: 'What you would put in NextAuthOptions. Every change applies to the next request.',
  flavor: {
    label: 'Library',
    'next-auth-v4': 'NextAuth v4',
    authjs: 'Auth.js v5',
  },
  tokenModel: {
    label: 'Token model',
    real: 'Real: encrypted JWE',
    'simplified-hs256': 'Simplified: signed HS256 — not what NextAuth does',
  },
  secret: {
    label: 'secret',
    hint: {
      'next-auth-v4': 'NEXTAUTH_SECRET: the encryption key is derived from it with HKDF. Empty means no secret.',
      authjs: 'AUTH_SECRET: the encryption key is derived from it with HKDF (the salt is the cookie name). Empty means no secret.',
    },
    hintSimplified: 'In the simplified model the raw secret is the HMAC key (no HKDF); real NextAuth derives an encryption key from it. Empty means no secret.',
    generate: 'Generate',
  },
  siteUrl: {
    label: 'Site URL',
    hint: 'NEXTAUTH_URL. https:// gives the __Secure- cookie names (and, in Auth.js, another salt).',
    invalid: 'Enter an http:// or https:// URL.',
  },
  nodeEnv: {
    label: 'NODE_ENV',
    development: 'development',
    production: 'production',
  },
  sessionMaxAge: {
    label: 'session.maxAge (seconds)',
    hint: 'Cookie Expires and session.expires: now + this, on every session request.',
  },
  jwtMaxAge: {
    label: 'jwt.maxAge (seconds)',
    hintV4: 'Empty: 30 days. v4 uses it for the sign-in token only; refreshes use session.maxAge.',
    hintAuthjs: 'Empty: the same as session.maxAge.',
  },
  number: {
    invalid: 'Enter a whole number of seconds greater than 0.',
    human: '= {duration}',
  },
  cookies: {
    label: 'cookies (overrides, JSON)',
    hint: 'NextAuthOptions.cookies, e.g. { "sessionToken": { "name": "my-session", "options": { "httpOnly": true, "sameSite": "lax", "path": "/", "secure": false } } }. v4 replaces a key’s name and options; Auth.js merges them.',
    apply: 'Apply cookie overrides',
    invalid: 'Not valid: {message}',
    notObject: 'Expected a JSON object keyed by cookie (sessionToken, csrfToken, callbackUrl…).',
    notEntry: '{key}: expected an object with a name and options.',
    badName: '{key}.name "{name}" is not a valid cookie name: only letters, digits and ! # $ % & \' * + - . ^ _ ` | ~ are allowed (no spaces, quotes or ( ) < > @ , ; : \\ / [ ] ? = { }).',
    applied: 'Applied.',
  },
  users: {
    label: 'Mock users (JSON)',
    hint: 'The users the default authorize() checks email and password against. Any extra field (role, team…) is allowed; the first user pre-fills the sign-in form.',
    apply: 'Apply users',
    invalid: 'Not valid: {message}',
    notList: 'Expected a JSON array of users, each with a string email and password.',
    applied: 'Applied. Mock users: {count}.',
  },
}
