// The real libraries' constants the flows depend on, each pinned by a test against next-auth@4.24.15
// and @auth/core@0.41.3 (test/engine/flow/constants.test.ts).
import type { FlowFlavor } from './types'

/** `DEFAULT_MAX_AGE` of both `jwt` modules and the `session.maxAge` default of both `init` files: 30 days. */
export const DEFAULT_MAX_AGE_SEC = 30 * 24 * 60 * 60

/** `session.updateAge` default (used by the database strategy only). */
export const DEFAULT_UPDATE_AGE_SEC = 24 * 60 * 60

/** v4 `parseUrl` and next-auth v5 both mount the handler here (`@auth/core` alone defaults to `/auth`). */
export const BASE_PATH = '/api/auth'

/** v4 `parseUrl` falls back to this origin when NEXTAUTH_URL is not set. */
export const DEFAULT_ORIGIN = 'http://localhost:3000'

/** The credentials provider's `id` and `name` (`next-auth/providers/credentials.js`, `@auth/core/providers/credentials.js`). */
export const CREDENTIALS_PROVIDER = { id: 'credentials', name: 'Credentials', type: 'credentials' } as const

/** The body of the HTTP 500 every API action answers when the configuration is invalid (the wording differs). */
export const CONFIG_ERROR_MESSAGE: Record<FlowFlavor, string> = {
  'next-auth-v4': 'There is a problem with the server configuration. Check the server logs for more information.',
  authjs: 'There was a problem with the server configuration. Check the server logs for more information.',
}

/** The Auth.js error types `isClientError` lets into the error page URL (`@auth/core/errors.js`); any other becomes `Configuration`. */
export const AUTHJS_CLIENT_SAFE_ERRORS: readonly string[] = ['CredentialsSignin', 'OAuthAccountNotLinked', 'OAuthCallbackError', 'AccessDenied', 'Verification', 'MissingCSRF', 'AccountNotLinked', 'WebAuthnVerificationError']

/** The no-cache headers of `GET /csrf` and `GET /session`, in each library's order. */
export const NO_CACHE_HEADERS: Record<FlowFlavor, [string, string][]> = {
  'next-auth-v4': [
    ['Content-Type', 'application/json'],
    ['Cache-Control', 'private, no-cache, no-store'],
    ['Pragma', 'no-cache'],
    ['Expires', '0'],
  ],
  authjs: [
    ['Content-Type', 'application/json'],
    ['Cache-Control', 'private, no-cache, no-store'],
    ['Expires', '0'],
    ['Pragma', 'no-cache'],
  ],
}

/** The real file each kind of step follows, per flavour; trace events carry these as `source`. */
export const SOURCES = {
  'next-auth-v4': {
    client: 'next-auth/react/index.js',
    clientFetch: 'next-auth/client/_utils.js',
    adapter: 'next-auth/next/index.js',
    serialize: 'next-auth/next/utils.js',
    handler: 'next-auth/core/index.js',
    assert: 'next-auth/core/lib/assert.js',
    init: 'next-auth/core/init.js',
    csrf: 'next-auth/core/lib/csrf-token.js',
    callbackUrl: 'next-auth/core/lib/callback-url.js',
    defaultCallbacks: 'next-auth/core/lib/default-callbacks.js',
    providers: 'next-auth/core/routes/providers.js',
    callback: 'next-auth/core/routes/callback.js',
    session: 'next-auth/core/routes/session.js',
    signout: 'next-auth/core/routes/signout.js',
    sessionStore: 'next-auth/core/lib/cookie.js',
    jwt: 'next-auth/jwt/index.js',
    getToken: 'next-auth/jwt/index.js',
    middleware: 'next-auth/next/middleware.js',
    logger: 'next-auth/utils/logger.js',
  },
  authjs: {
    client: 'next-auth/react.js',
    clientFetch: 'next-auth/lib/client.js',
    adapter: '@auth/core/index.js',
    serialize: '@auth/core/lib/utils/web.js',
    handler: '@auth/core/lib/index.js',
    assert: '@auth/core/lib/utils/assert.js',
    init: '@auth/core/lib/init.js',
    csrf: '@auth/core/lib/actions/callback/oauth/csrf-token.js',
    callbackUrl: '@auth/core/lib/utils/callback-url.js',
    defaultCallbacks: '@auth/core/lib/init.js',
    providers: '@auth/core/lib/pages/index.js',
    callback: '@auth/core/lib/actions/callback/index.js',
    session: '@auth/core/lib/actions/session.js',
    signout: '@auth/core/lib/actions/signout.js',
    sessionStore: '@auth/core/lib/utils/cookie.js',
    jwt: '@auth/core/jwt.js',
    getToken: '@auth/core/jwt.js',
    middleware: '@auth/core/jwt.js',
    logger: '@auth/core/lib/utils/logger.js',
  },
} as const satisfies Record<FlowFlavor, Record<string, string>>

export type SourceKey = keyof (typeof SOURCES)['next-auth-v4']
