export const editor = {
  intro: 'Edit the app code NextAuth calls. Your code runs in a Web Worker with a {timeoutMs} ms limit per call; edits are saved in this browser.',
  keyboardHint: 'In an editor, Tab inserts a tab. Press Ctrl+M (on a Mac: Ctrl+Shift+M) to make Tab move focus instead; press it again to switch back.',
  loading: 'Loading the code editor…',
  reset: 'Reset',
  resetLabel: 'Reset {name} to its starting code',
  flavorNote: {
    'next-auth-v4': 'Types: next-auth 4 (NextAuthOptions, next-auth/jwt).',
    authjs: 'Types: Auth.js (@auth/core AuthConfig, @auth/core/jwt).',
  },
  names: {
    authorize: 'authorize',
    jwt: 'jwt callback',
    session: 'session callback',
  },
  descriptions: {
    authorize: 'Checks the submitted email and password against the mock users; what it returns becomes `user`.',
    jwt: 'Builds the session token: at sign-in from `user`, later from the decoded token.',
    session: 'Builds what useSession() / getSession() return, from the token.',
  },
  diagnostics: {
    syntax: '{name}: syntax error at line {line}, column {column}: {message}. This callback will not run until it is fixed.',
    types: '{name}: {count} type problem(s), first at line {line}: {message}. Type errors only warn: the code still runs, as with next dev.',
  },
  failure: {
    heading: 'Your {name} failed in the last run',
    where: 'line {line}, column {column}',
    timeout: 'stopped after {elapsedMs} ms (limit {timeoutMs} ms)',
    elapsed: 'after {elapsedMs} ms',
    size: 'returned {sizeBytes} bytes (limit {limitBytes} bytes)',
    api: 'used {api}',
    badReturn: {
      function: 'returned a function at {path}',
      symbol: 'returned a symbol at {path}',
      bigint: 'returned a BigInt at {path}',
      circular: 'returned a circular structure at {path}',
      'class-instance': 'returned a class instance at {path}',
      undefined: 'returned undefined, and NextAuth needs an object here',
      'not-cloneable': 'returned something that cannot be copied out of the worker',
    },
    message: 'Message: {message}',
    logs: 'Console output of that call',
  },
}
