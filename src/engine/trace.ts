// The trace: the contract between the engine and the UI. Each flow returns an ordered list of
// plain, serialisable events; the UI only renders and animates them. The engine emits data and
// codes, never words: the UI turns `kind` (and the data) into text through i18n.
import type { SerializedEngineError } from './errors'
import type { CallbackName, ConsoleEntry, FlowFlavor, TokenModel } from './flow/types'

/** Who does something in a step; one swimlane each in the pipeline. */
export type Actor = 'browser' | 'routeHandler' | 'callbacks' | 'jose' | 'cookieJar' | 'middleware'

export type FlowName = 'getCsrfToken' | 'signIn' | 'getSession' | 'updateSession' | 'signOut' | 'visitProtectedPage'

/** Playground actions that are not NextAuth flows but still return a (small) trace. */
export type PlaygroundActionName = 'advanceClock' | 'tamperSessionCookie' | 'clearCookies'

/** What a trace is about: a flow, or one of the playground's own actions. */
export type TraceName = FlowName | PlaygroundActionName

/** Something about the configuration the learner should notice (each has an i18n text in the UI). */
export type ConfigNote =
  | 'update-age-ignored'        // session.updateAge is used only by the database strategy
  | 'jwt-max-age-differs'       // v4: the sign-in token uses jwt.maxAge, the cookie uses session.maxAge
  | 'fallback-secret-unstable'  // v4 development without a secret: a hash of the options; any option change invalidates every cookie
  | 'secret-missing'            // production v4 / any Auth.js: every API action answers 500
  | 'simplified-token-model'    // tokenModel 'simplified-hs256': not what NextAuth does
  | 'secret-array-ignored'      // v4 has no secret rotation: only the first secret is used

/** A header as it travels: one entry per line, so several Set-Cookie headers stay separate. */
export type HeaderLine = [name: string, value: string]

export interface HttpRequestView {
  method: 'GET' | 'POST'
  /** Full URL, e.g. `http://localhost:3000/api/auth/callback/credentials`. */
  url: string
  headers: HeaderLine[]
  /** The body as sent (form-encoded or JSON text), if any. */
  body?: string
}

export interface HttpResponseView {
  status: number
  headers: HeaderLine[]
  /** Parsed JSON body (`{ url }`, the session, `{}`, `null`…), or the raw text for a redirect page. */
  body?: unknown
}

/** The HKDF inputs and the derived key, for the key ladder. Same shape as `deriveKey()` returns. */
export interface KeyView {
  hash: string
  salt: string
  info: string
  lengthBytes: number
  keyHex: string
  kid?: string
}

/** A cookie as the jar holds it, with what the cookie-jar panel shows. */
export interface CookieView {
  name: string
  value: string
  domain: string
  path: string
  /** Absolute expiry in simulated seconds; undefined for a session cookie. */
  expiresAtSec?: number
  httpOnly: boolean
  secure: boolean
  sameSite?: 'Lax' | 'Strict' | 'None'
  /** UTF-8 bytes of name + value: what the browser's 4096-byte limit counts. */
  sizeBytes: number
}

/** Why `getToken()` answered null; the "why is it null?" ladder. */
export type GetTokenNullReason =
  | 'no-cookie'            // no cookie under the expected name (e.g. plain name but secureCookie inferred true)
  | 'no-secret'
  | 'decrypt-failed'       // wrong secret, wrong salt, tampered
  | 'no-matching-secret'   // Auth.js: no secret's kid matches
  | 'wrong-salt'           // Auth.js: the secret is right but getToken's salt is not the cookie name the token was made under
  | 'expired'
  | 'malformed'
  | 'not-yet-valid'

/** Why "tamper with the session cookie" found nothing to change. */
export type TamperSkipReason = 'no-session-cookie' | 'not-a-token' | 'not-base64url' | 'empty-part'

export type UseSessionStatus = 'loading' | 'authenticated' | 'unauthenticated'

/**
 * Every cookie step carries the browser's whole jar after it, as the engine's jar computed it, so
 * the cookie-jar panel shows the state at any step without re-implementing the browser's rules.
 */
interface JarAfter {
  jar: CookieView[]
}

interface EventBase {
  /** Place in the trace, from 0. */
  step: number
  /** Simulated time of the step, Unix seconds. */
  atSec: number
  actor: Actor
  /** The real source file this step follows, e.g. `next-auth/core/routes/session.js`. */
  source?: string
}

export type TraceEvent = EventBase &
  (
    | { kind: 'flow.started'; flow: TraceName; flavor: FlowFlavor; tokenModel: TokenModel; input?: unknown }
    | { kind: 'http.requested'; requestId: number; from: Actor; to: Actor; request: HttpRequestView }
    | { kind: 'http.responded'; requestId: number; from: Actor; to: Actor; response: HttpResponseView }
    | {
        kind: 'csrf.checked'
        cookiePresent: boolean
        hashValid: boolean
        bodyTokenMatches: boolean | null
        verified: boolean
        issuedNew: boolean
        /** With `issuedNew`: the route does not send the cookies `init` made (`GET /providers`), so the new CSRF cookie never reaches the browser. */
        withheld?: true
      }
    | { kind: 'cookies.read'; cookieName: string; names: string[]; chunked: boolean; value: string | null }
    | { kind: 'callback.called'; callback: CallbackName; args: Record<string, unknown>; undefinedArgs: string[]; trigger?: string; isDefault: boolean }
    | { kind: 'callback.returned'; callback: CallbackName; value: unknown; logs: ConsoleEntry[]; durationMs: number }
    | {
        kind: 'callback.failed'
        callback: CallbackName
        error: SerializedEngineError
        logs: ConsoleEntry[]
        durationMs: number
        /** The app refused on purpose (Auth.js's authorize threw CredentialsSignin with this code): an answer, not a failure of the code. */
        refused?: { code: string }
      }
    | { kind: 'token.defaulted'; token: Record<string, unknown> }
    | { kind: 'jwt.encoded'; claimsIn: Record<string, unknown>; claims: Record<string, unknown>; maxAgeSec: number; maxAgeFrom: 'jwt.maxAge' | 'session.maxAge' | 'default'; key: KeyView; header: Record<string, unknown>; token: string }
    | { kind: 'jwt.decoded'; token: string; key: KeyView; header: Record<string, unknown>; claims: Record<string, unknown> }
    | {
        kind: 'jwt.decodeFailed'
        token: string
        key?: KeyView
        /** Why there is no `key`: the key derivation itself failed (e.g. no secret). */
        keyError?: SerializedEngineError
        error: SerializedEngineError
      }
    | ({ kind: 'cookie.set'; name: string; value: string; setCookie: string; expiresAtSec?: number; chunk?: { index: number; total: number } } & JarAfter)
    | ({ kind: 'cookie.deleted'; name: string; setCookie: string } & JarAfter)
    | ({ kind: 'cookie.rejected'; name: string; setCookie: string; error: SerializedEngineError } & JarAfter)
    | ({ kind: 'cookie.expired'; name: string; expiresAtSec: number } & JarAfter)
    | {
        kind: 'session.built'
        session: Record<string, unknown>
        expiresIso: string
        /**
         * Where `session.user` came from: v4 reads the token it decoded, so a `jwt` callback that returns a
         * new object leaves it stale; Auth.js reads the token the callback returned.
         */
        userFrom: 'decodedToken' | 'returnedToken'
        /** v4: the `session.user` fields (`name`, `email`, `image`) whose claims the returned token changed, which the session does not show. */
        staleFields?: string[]
      }
    | {
        kind: 'log.written'
        level: 'error' | 'warn' | 'debug'
        code: string
        text: string
        /**
         * Who printed the line: absent for the library's own logger (v4 `logger.error(code, …)`, Auth.js
         * `logger.error(new SomeError(…))`); `nextjs` for an exception nothing in NextAuth caught, which
         * Next.js prints with console.error before it answers its bare 500 (NextAuth's logger is not called).
         */
        logger?: 'nextjs'
      }
    | {
        kind: 'getToken.resolved'
        cookieName: string
        secureCookie: boolean
        token: Record<string, unknown> | null
        nullReason?: GetTokenNullReason
        /** Auth.js: the salt getToken derived its key with (the cookie name unless `salt` is passed). */
        salt?: string
        /** With `nullReason: 'wrong-salt'`: the salt that does open the token. */
        workingSalt?: string
      }
    | { kind: 'middleware.decided'; authorized: boolean; redirectTo?: string }
    /** `toSec`: set when the learner moved the clock to a date (`advanceClockTo`) rather than by an amount. */
    | { kind: 'clock.advanced'; bySec: number; toSec?: number }
    | { kind: 'flow.failed'; error: SerializedEngineError }
    | {
        kind: 'config.resolved'
        /** Where the secret came from; `fallback` is v4's development-only hash of the options. */
        secretSource: 'config' | 'fallback' | 'none'
        useSecureCookies: boolean
        cookieNames: { sessionToken: string; csrfToken: string; callbackUrl: string }
        sessionMaxAgeSec: number
        jwtMaxAgeSec: number
        updateAgeSec: number
        basePath: string
        notes: ConfigNote[]
      }
    | { kind: 'client.skipped'; reason: 'update-without-session' }
    | { kind: 'client.updated'; status: UseSessionStatus; session: Record<string, unknown> | null }
    | ({ kind: 'cookie.tampered'; name: string; valueBefore: string; value: string; part: 'ciphertext' | 'signature'; byteIndex: number } & JarAfter)
    | { kind: 'session.expiries'; tokenExpSec?: number; cookieExpiresAtSec?: number; sessionExpiresIso?: string }
    | { kind: 'flow.finished'; result: FlowResult }
  )

export type TraceEventKind = TraceEvent['kind']

/** What the flow resolves to, as the app's code would see it. */
export type FlowResult =
  /** `csrfToken` is absent when the v4 client resolved to undefined (its fetch failed); the v5 client resolves to "" instead. */
  | { flow: 'getCsrfToken'; csrfToken?: string }
  | {
      flow: 'signIn'
      /**
       * `rejectedWith`: the client's `signIn()` promise rejected (e.g. `res.json()` on a 500 page) instead of resolving.
       * `navigatedTo`: `signIn()` resolved to undefined and sent the page there (e.g. the providers request failed).
       */
      /**
       * v4 resolves `error: null` when the URL has no error; the v5 client resolves `error` and `code` to
       * undefined (`searchParams.get(…) ?? undefined`), so in the (JSON) trace those keys are absent.
       */
      value: { ok: boolean; status: number; error?: string | null; url: string | null; code?: string; rejectedWith?: string; navigatedTo?: string }
    }
  | { flow: 'getSession' | 'updateSession'; session: Record<string, unknown> | null; status: UseSessionStatus }
  /** `value` is the JSON the server answered, as `signOut({ redirect: false })` returns it (usually `{ url }`). */
  | { flow: 'signOut'; value: { url?: string; [key: string]: unknown }; rejectedWith?: string }
  | { flow: 'visitProtectedPage'; token: Record<string, unknown> | null; authorized: boolean; redirectTo?: string }
  | { flow: 'advanceClock'; bySec: number; nowSec: number; expired: string[] }
  /** `reason` says why nothing was tampered with when `cookieName` is null. */
  | { flow: 'tamperSessionCookie'; cookieName: string | null; reason?: TamperSkipReason }
  | { flow: 'clearCookies'; removed: string[] }

export interface Trace {
  id: string
  flow: TraceName
  flavor: FlowFlavor
  startedAtSec: number
  endedAtSec: number
  /** The browser's cookies before the first step (each `cookie.*` step carries the jar after it). */
  jarBefore: CookieView[]
  /** The browser's cookies after the last step. */
  jarAfter: CookieView[]
  events: TraceEvent[]
  result: FlowResult
}
