// The handler's internal request and response, as `next-auth/core/index.js` and
// `@auth/core/lib/index.js` pass them between `init`, the routes and the framework adapter.
import type { SerializedEngineError } from '../../errors'
import type { OutgoingCookie } from '../ports'
import type { HeaderLine } from '../../trace'
import type { ResolvedOptions } from '../resolveOptions'

export type AuthAction = 'providers' | 'csrf' | 'session' | 'callback' | 'signout'

export interface InternalRequest {
  method: 'GET' | 'POST'
  action: AuthAction
  providerId?: string
  /** The full request URL. */
  url: string
  headers: HeaderLine[]
  /** Parsed from the `Cookie` header. */
  cookies: Record<string, string>
  /** Parsed form or JSON body; values as the real parsers give them (form values are strings). */
  body?: Record<string, unknown>
  query: Record<string, string>
}

/** An Auth.js `AuthError` thrown out of a route: `Auth()` turns it into an error-page URL. */
export interface AuthjsError {
  type: string
  kind: 'signIn' | 'error'
  code?: string
  /** The error's own message (before Auth.js appends "Read more at …"). */
  message?: string
  /** The message of the error it wraps (`cause.err`), printed as `[auth][cause]`. */
  causeMessage?: string
  /** An error the app threw (a CredentialsSignin from authorize): its message as it is, "Read more at …" included, printed as the logger prints it. */
  loggedMessage?: string
}

export interface RouteResult {
  status?: number
  headers?: HeaderLine[]
  body?: unknown
  /**
   * Where to send the browser, as the route has it: usually a URL, but a `redirect` callback's odd
   * return travels as it is (v4 answers `{ url: 42 }`; Auth.js writes it into `Location` as text).
   */
  redirect?: unknown
  cookies: OutgoingCookie[]
  /** Auth.js only: the route threw this error (the cookies collected so far are then lost). */
  authjsError?: AuthjsError
  /**
   * An exception nothing in the route catches (v4 sign-in when encode throws): v4's framework answers 500;
   * Auth.js wraps it as `CallbackRouteError` inside the callback route, but logs it as it is when it came
   * from `init` (`fromInit`, e.g. a throwing `redirect` callback), then answers `Configuration`.
   */
  unhandled?: UnhandledError
}

export interface UnhandledError {
  message: string
  /** The thrown error's name (`Error`, `TypeError`…), when known. */
  name?: string
  fromInit?: boolean
}

/** What `init` prepared for the routes. */
export interface InitResult {
  options: ResolvedOptions
  csrfToken: string
  csrfTokenVerified: boolean
  /** A POST whose token did not verify: the `flow.failed` error a route refusing it reports. */
  csrfFailure?: SerializedEngineError
  /** The `redirect` callback's answer as it is (a URL unless the callback returned something odd). */
  callbackUrl: unknown
  /** The CSRF and callback-URL cookies `init` sends before the route's own. */
  cookies: OutgoingCookie[]
}

/** The HTTP response as the browser receives it. */
export interface HttpResult {
  status: number
  headers: HeaderLine[]
  /** JSON value, or text; absent for an empty body. */
  body?: unknown
  /** The cookies the framework adapter wrote, each with its `Set-Cookie` line, in order. */
  setCookies: WrittenCookie[]
}

/** A cookie and the `Set-Cookie` line the framework adapter serialised it to. */
export interface WrittenCookie {
  cookie: OutgoingCookie
  line: string
}
