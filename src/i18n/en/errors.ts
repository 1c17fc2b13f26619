// What every EngineError code means to a learner: what happened, why, and what to do.
// Typed against ENGINE_ERROR_CODES, so a new code does not compile until it is explained here.
import type { EngineErrorCode } from '../../engine/errors'

interface ErrorText {
  title: string
  explanation: string
  fix: string
}

export const errors: Record<EngineErrorCode, ErrorText> = {
  JWT_DECRYPT_FAILED: {
    title: 'The session token could not be decrypted',
    explanation: 'The key derived from the secret does not open this token: the secret changed, the token was tampered with, or it was made with another salt or library.',
    fix: 'Use the secret the token was made with (for Auth.js, keep old secrets in the list while rotating), and check the cookie name: it is the Auth.js salt.',
  },
  JWT_EXPIRED: {
    title: 'The session token has expired',
    explanation: 'Its exp claim is in the past by 15 seconds or more: that is the clock tolerance NextAuth allows, and a token exactly at the limit is already rejected.',
    fix: 'Sign in again. Each session request re-issues the token, so an active user never hits this; an idle one does after maxAge.',
  },
  JWT_NOT_YET_VALID: {
    title: 'The session token is not valid yet',
    explanation: 'Its nbf (not before) claim lies in the future by more than the 15 seconds of tolerance. (A future iat is accepted, as in NextAuth.)',
    fix: 'Check the clocks of the machines that make and read the token.',
  },
  JWT_MALFORMED: {
    title: 'This is not a well-formed token',
    explanation: 'A compact JWE has five base64url parts separated by dots (a JWS has three); one of them is missing or cannot be decoded.',
    fix: 'Copy the whole cookie value, without quotes, spaces or the cookie name.',
  },
  JWT_NO_MATCHING_SECRET: {
    title: 'No secret matches this token',
    explanation: "Auth.js picks the key by the token's kid (a thumbprint of the derived key); none of the configured secrets derives a key with that kid.",
    fix: 'Add the secret the token was made with to the list, and check the salt: it is the session cookie name, including any __Secure- prefix.',
  },
  JWT_INVALID_KEY: {
    title: 'The key has the wrong length for this token',
    explanation: 'The token asks for a content encryption that needs another key length (for example an Auth.js A256CBC-HS512 token read by NextAuth v4, which derives 32 bytes).',
    fix: 'Read the token with the library that made it: v4 and Auth.js tokens are not interchangeable.',
  },
  JWT_UNSUPPORTED_ALG: {
    title: 'This token uses an algorithm the library does not accept',
    explanation: 'The header names an alg or enc that this flavour refuses.',
    fix: 'NextAuth v4 makes dir + A256GCM tokens; Auth.js makes dir + A256CBC-HS512.',
  },
  JWT_CLAIMS_INVALID: {
    title: 'The token claims are invalid',
    explanation: 'A claim has the wrong type (exp, iat and nbf must be numbers) or the payload is not a plain JSON object.',
    fix: 'Return a plain object from the jwt callback, with only JSON values; leave iat, exp and jti to NextAuth.',
  },
  JWT_SIGNATURE_INVALID: {
    title: 'The signature does not match',
    explanation: 'In the simplified model the token is signed with HS256; the payload or header changed, or another secret signed it.',
    fix: 'Use the same secret. Remember that real NextAuth tokens are encrypted, not signed.',
  },
  NO_SECRET: {
    title: 'No secret is configured',
    explanation: 'NextAuth derives the encryption key from the secret. Without one, v4 warns in development (and uses an unstable fallback) and fails in production; Auth.js always fails.',
    fix: 'Set NEXTAUTH_SECRET (v4) or AUTH_SECRET (Auth.js), for example with `openssl rand -base64 32`.',
  },
  COOKIE_MALFORMED: {
    title: 'This Set-Cookie line cannot be read',
    explanation: 'A Set-Cookie header needs name=value first, then attributes separated by semicolons.',
    fix: 'Copy the whole header line from the browser devtools.',
  },
  COOKIE_REJECTED: {
    title: 'The browser refused this cookie',
    explanation: 'Browsers refuse Secure cookies over plain http, and __Secure-/__Host- names without the attributes their prefix requires.',
    fix: 'Serve the site over https (or use non-secure cookie names on http), as useSecureCookies decides.',
  },
  COOKIE_TOO_LARGE: {
    title: 'The cookie is larger than a browser keeps',
    explanation: 'Browsers drop a cookie whose name and value exceed 4096 bytes. NextAuth splits large session tokens into chunks (.0, .1, …) to stay under it.',
    fix: 'Keep the token small: put only ids and short claims in it, and look up the rest on the server.',
  },
  CSRF_MISSING: {
    title: 'The CSRF token is missing',
    explanation: 'Every POST to NextAuth must carry the csrfToken that matches the signed CSRF cookie.',
    fix: 'Use signIn(), update() and signOut() from next-auth/react: they fetch and send the token for you.',
  },
  CSRF_INVALID: {
    title: 'The CSRF token does not match',
    explanation: "The token in the request body differs from the CSRF cookie, or the cookie's hash does not match the secret.",
    fix: 'Fetch a fresh token from /api/auth/csrf; if the secret changed, the old CSRF cookie is no longer trusted.',
  },
  CREDENTIALS_SIGNIN: {
    title: 'The credentials were not accepted',
    explanation: 'authorize() returned null (or false), or in Auth.js threw CredentialsSignin, so NextAuth answers with the CredentialsSignin error (in Auth.js with the thrown error’s code, by default "credentials").',
    fix: 'Check the email and password against the mock users, or what your authorize callback compares.',
  },
  ACCESS_DENIED: {
    title: 'The signIn callback denied access',
    explanation: 'The signIn callback returned false (or nothing), so NextAuth answers with AccessDenied. Auth.js answers a throwing signIn callback the same way.',
    fix: 'Return true from the signIn callback for users who may sign in.',
  },
  CALLBACK_BAD_RETURN: {
    title: 'A callback returned something NextAuth cannot use',
    explanation: 'The jwt callback must return the token object and the session callback the session object; signIn returns true, false or a URL, and redirect returns a URL. Anything else (null, a number, nothing) makes NextAuth do something you did not mean.',
    fix: 'Return the (changed) token or session object, true or a URL, at the end of the callback.',
  },
  CALLBACK_THREW: {
    title: 'A callback threw an error',
    explanation: 'An exception inside your callback stops the request the way it would in NextAuth.',
    fix: 'Look at the message and line, fix the code, and run again.',
  },
  SESSION_ABSENT: {
    title: 'There is no session',
    explanation: 'useSession() has no session, so the v4 update() returns without sending anything (the v5 client sends the update anyway).',
    fix: 'Sign in first, or get the session once so useSession() has it.',
  },
  CONFIG_INVALID: {
    title: 'The configuration is not valid',
    explanation: 'A setting has a value NextAuth cannot work with: a site URL that does not parse, or a cookie name or option the cookie library refuses to write (v4 then answers a bare 500, Auth.js its Configuration error).',
    fix: 'Check the highlighted setting.',
  },
  CLOCK_BACKWARDS: {
    title: 'The clock only moves forward',
    explanation: 'The simulated clock never goes back: a time earlier than now would make the cookie jar and every expiry on the screen disagree with what already happened.',
    fix: 'Pick a later date, or start over with a fresh playground.',
  },
  CLOCK_OUT_OF_RANGE: {
    title: 'The clock cannot go that far',
    explanation: 'JavaScript dates end at 275760-09-13 (UTC), and every cookie Expires, token exp and session.expires on the screen is one: the simulated clock stops there.',
    fix: 'Pick an earlier date or a smaller jump; the clock stays where it was.',
  },
  SANDBOX_TIMEOUT: {
    title: 'The callback took too long',
    explanation: 'It ran past the time limit (an endless loop, or a promise that never settles), so its worker was stopped and a fresh one started.',
    fix: 'Make sure every loop ends and every awaited promise resolves.',
  },
  SANDBOX_THREW: {
    title: 'The callback threw an error',
    explanation: 'An exception (or a rejected promise) came out of your code.',
    fix: 'Read the message and the line it points to.',
  },
  SANDBOX_SYNTAX_ERROR: {
    title: 'The code has a syntax error',
    explanation: 'It cannot be compiled, so it was not run.',
    fix: 'Fix the marked line; type errors only warn, syntax errors block.',
  },
  SANDBOX_BAD_RETURN: {
    title: 'The callback returned a value that cannot be used',
    explanation: 'Callbacks must return plain data (objects, arrays, strings, numbers, booleans, null): not functions, symbols, BigInts, class instances, circular structures, or undefined where NextAuth needs an object.',
    fix: 'Return a plain object built from JSON values.',
  },
  SANDBOX_RETURN_TOO_LARGE: {
    title: 'The callback returned too much data',
    explanation: 'The returned value is larger than 1 MB when serialised; a session token that big could never fit in cookies.',
    fix: 'Keep only small claims in the token and the session.',
  },
  SANDBOX_FORBIDDEN_API: {
    title: 'Callbacks in the playground cannot reach the outside',
    explanation: 'Callbacks in the playground cannot make network requests or touch the page (fetch, XMLHttpRequest, WebSocket, importScripts, storage, document).',
    fix: 'Mock the data instead: put it in the mock users or in a constant.',
  },
  SANDBOX_CRASHED: {
    title: 'The callback sandbox stopped unexpectedly',
    explanation: 'The worker running your callback crashed; a fresh one has been started.',
    fix: 'Run again; if it keeps happening, simplify the callback.',
  },
  SANDBOX_UNAVAILABLE: {
    title: 'The callback sandbox is not available',
    explanation: 'This browser could not start the Web Worker that runs callbacks.',
    fix: 'Use a current browser; the default callbacks keep working meanwhile.',
  },
}
