// The playground's configuration, mirroring NextAuthOptions (v4) / AuthConfig (Auth.js) for the
// credentials provider with JWT sessions, and the one async interface every callback goes through.
import type { SerializedEngineError } from '../errors'

/** Which real library the flow follows. */
export type FlowFlavor = 'next-auth-v4' | 'authjs'

/** The token model shown: the real encrypted JWE, or the popular (wrong) signed-HS256 picture of it. */
export type TokenModel = 'real' | 'simplified-hs256'

export type NodeEnv = 'development' | 'production'

/** A mock user `authorize` can match: id, name, email, password, image, role and any extra fields. */
export interface MockUser {
  id: string | number
  name?: string | null
  email: string
  password: string
  image?: string | null
  role?: string
  [field: string]: unknown
}

export type CookieKey = 'sessionToken' | 'callbackUrl' | 'csrfToken' | 'pkceCodeVerifier' | 'state' | 'nonce' | 'webauthnChallenge'

export interface CookieOptionsOverride {
  httpOnly?: boolean
  sameSite?: 'lax' | 'strict' | 'none'
  path?: string
  secure?: boolean
  domain?: string
  maxAge?: number
}

export interface CookieOverride {
  name?: string
  options?: CookieOptionsOverride
}

export interface PlaygroundConfig {
  flavor: FlowFlavor
  tokenModel: TokenModel
  /** `secret`; an array only means something for Auth.js (rotation: encode with the first). Empty → NO_SECRET / MissingSecret. */
  secret: string | string[]
  /** NEXTAUTH_URL / AUTH_URL, e.g. `http://localhost:3000`. https → secure cookie names (and the Auth.js salt). */
  siteUrl: string
  useSecureCookies?: boolean
  nodeEnv: NodeEnv
  session: { maxAge: number; updateAge: number }
  /** v4: `jwt.maxAge` defaults to 30 days, independent of `session.maxAge`; Auth.js: defaults to `session.maxAge`. */
  jwt: { maxAge?: number }
  cookies?: Partial<Record<CookieKey, CookieOverride>>
  /** Auth.js: the options the app's middleware passes to `getToken({ req, secret, … })`. (v4 `withAuth` reads `cookies.sessionToken.name` instead.) */
  middleware?: MiddlewareOptions
  users: MockUser[]
  /**
   * Which callbacks the app defines; the rest use the library's defaults (`authorize` off: the
   * credentials helper's own `() => null`, so every sign-in is CredentialsSignin).
   */
  callbacks: Partial<Record<CallbackName, boolean>>
}

/** `getToken`'s options in an Auth.js middleware (`@auth/core/jwt.js`): each defaults as the real one does. */
export interface MiddlewareOptions {
  /** Default false: Auth.js does not infer it from the URL. */
  secureCookie?: boolean
  /** Default: `authjs.session-token`, or `__Secure-authjs.session-token` with `secureCookie`. */
  cookieName?: string
  /** Default: the cookie name. */
  salt?: string
}

/** Every piece of app code a flow may call. */
export type CallbackName = 'authorize' | 'signIn' | 'jwt' | 'session' | 'redirect'

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error'

export interface ConsoleEntry {
  level: ConsoleLevel
  /** The arguments, each already rendered to text inside the sandbox. */
  text: string
}

export type CallbackResult =
  | {
      ok: true
      value: unknown
      logs: ConsoleEntry[]
      durationMs: number
      /**
       * Optional: the name of the argument property the callback returned *as the same object*
       * (e.g. `'token'` for `return token`), when the runner can tell. The v4 session route builds
       * `session.user` from the decoded token, so an in-place edit shows there and a new object does not.
       */
      returnedArgument?: string
    }
  | { ok: false; error: SerializedEngineError; logs: ConsoleEntry[]; durationMs: number }

/** What a callback can see besides its arguments: the mock users (for `authorize`), and how to run it. */
export interface CallbackContext {
  users: MockUser[]
  /** Milliseconds from a monotonic timer, for `durationMs`; the playground passes its own (inject one for byte-identical traces). */
  timer: () => number
  /**
   * Auth.js's `authorize(credentials, request)`: `args[1]` is the plain `{ url, method, headers, body }`
   * @auth/core builds its Web `Request` from. A runner that can (the sandbox worker) hands the callback a
   * real `Request`; v4's `req` is a plain object and never has this flag.
   */
  webRequestArg?: boolean
}

/**
 * The one async interface the flows call app code through. The default runner calls plain
 * functions; the editors plug in the Web Worker sandbox without the engine changing.
 */
export interface CallbackRunner {
  run(name: CallbackName, args: unknown[], context: CallbackContext): Promise<CallbackResult>
}

/** `signIn('credentials', { email, password, redirect: false, callbackUrl })`. */
export interface SignInInput {
  email: string
  password: string
  callbackUrl?: string
  /** Post this CSRF token instead of the one `/csrf` returned (a hand-made form, a stale tab): shows the CSRF check failing. */
  csrfTokenOverride?: string
}

/** `useSession().update(data)`; `data` undefined is `update()` with no argument (a GET in the Auth.js client). */
export interface UpdateSessionInput {
  data?: unknown
  /** Post this CSRF token instead of the one `/csrf` returned. */
  csrfTokenOverride?: string
}

/** `signOut({ redirect: false })`. */
export interface SignOutInput {
  /** Post this CSRF token instead of the one `/csrf` returned. */
  csrfTokenOverride?: string
}

/** A page request that middleware guards, e.g. `/dashboard`. */
export interface ProtectedPageInput {
  path?: string
}

export type FlowInput = SignInInput | UpdateSessionInput | SignOutInput | ProtectedPageInput | undefined
