export const app = {
  name: 'NextAuth JWT Playground',
  tagline: 'Watch NextAuth.js and Auth.js create, store, read and verify the JWT session — step by step, with the real crypto.',
  nav: {
    label: 'Views',
    playground: 'Playground',
    lab: 'Token lab',
  },
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  language: {
    label: 'Language',
  },
  panels: {
    controls: 'Sign-in and actions',
    pipeline: 'Pipeline',
    cookieJar: 'Cookie jar',
    tokenInspector: 'Token inspector',
    editors: 'Callbacks',
    session: 'Session',
  },
  empty: {
    controls: 'The sign-in form and the actions (get session, update, sign out, middleware) appear here.',
    pipeline: 'Sign in to watch each step of the flow travel between the browser, the route handler, your callbacks, jose and the cookie jar.',
    cookieJar: 'No cookies yet. Sign in to see the session cookie land here.',
    tokenInspector: 'Sign in to see the token.',
    editors: 'The authorize, jwt and session callbacks are edited here.',
    session: 'No session yet. Sign in, then get the session to see what useSession() returns.',
  },
}
