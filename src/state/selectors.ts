// Pure views of the store for the panels: the steps up to the playback cursor, the cookie jar and
// the token and session as they stand at that step. Results are memoised per (trace, cursor), and a
// view equal field by field to the previous one is returned as that same object, so a panel whose
// view did not change at a step does not re-render.
import { isSandboxCallback, sessionCookieName, type CallbackName, type CookieView, type FlowFlavor, type GetTokenNullReason, type SandboxCallbackName, type SerializedEngineError, type Trace, type TraceEvent, type TraceName, type UseSessionStatus } from '../engine/index'
import { shallow } from 'zustand/vanilla/shallow'
import type { AppState } from './createAppStore'
import type { LabSlice } from './labSlice'

export type TokenEvent = Extract<TraceEvent, { kind: 'jwt.encoded' | 'jwt.decoded' }>
export type CookieEvent = Extract<TraceEvent, { kind: 'cookie.set' | 'cookie.deleted' | 'cookie.expired' | 'cookie.rejected' | 'cookie.tampered' }>

export interface SessionView {
  /** What `getSession()` / `useSession().data` holds; null when unauthenticated. */
  session: Record<string, unknown> | null
  status: UseSessionStatus
  /** The trace the session came from. */
  traceId: string
  /** What went wrong in that request when it left no session (e.g. JWT_DECRYPT_FAILED after tampering). */
  error?: SerializedEngineError
}

type Slice = Pick<AppState, 'lastTrace' | 'cursor' | 'traces'>
type SignInValue = Extract<Trace['result'], { flow: 'signIn' }>['value']

/**
 * Memoises a selector of (lastTrace, cursor, traces) on the identity of its inputs. A new result
 * shallowly equal to the previous one (zustand's `shallow`: same fields, or same items) is replaced by
 * the previous one.
 */
function memoByCursor<T>(compute: (state: Slice) => T): (state: Slice) => T {
  let last: { trace: Trace | null; cursor: number; traces: Trace[]; value: T } | null = null
  return (state) => {
    if (last && last.trace === state.lastTrace && last.cursor === state.cursor && last.traces === state.traces) return last.value
    let value = compute(state)
    if (last && shallow(last.value, value)) value = last.value
    last = { trace: state.lastTrace, cursor: state.cursor, traces: state.traces, value }
    return value
  }
}

const NO_EVENTS: TraceEvent[] = []

/** The steps of the shown trace up to and including the cursor. */
export const selectEventsUpToCursor = memoByCursor(({ lastTrace, cursor }) =>
  lastTrace ? lastTrace.events.slice(0, Math.max(0, cursor + 1)) : NO_EVENTS,
)

/** The step at the cursor, or null before the first step. */
export function selectCurrentEvent(state: Pick<AppState, 'lastTrace' | 'cursor'>): TraceEvent | null {
  return (state.cursor >= 0 && state.lastTrace?.events[state.cursor]) || null
}

/** The browser's cookies as they stand at the cursor. */
export const selectJarAtCursor = memoByCursor(({ lastTrace, cursor }) => (lastTrace ? replayJar(lastTrace, cursor) : NO_COOKIES))
const NO_COOKIES: CookieView[] = []

/** The cookie event at the cursor, if the current step changed the jar (for highlighting). */
export function selectCookieChangeAtCursor(state: Pick<AppState, 'lastTrace' | 'cursor'>): CookieEvent | null {
  const event = selectCurrentEvent(state)
  return event && event.kind.startsWith('cookie.') ? (event as CookieEvent) : null
}

/**
 * The newest `jwt.encoded`/`jwt.decoded` step up to the cursor. When the shown trace has none so
 * far (a clock jump, a cleared jar), the newest one of the earlier traces: the token the app last saw.
 */
export const selectTokenAtCursor = memoByCursor(({ lastTrace, cursor, traces }): TokenEvent | null => {
  for (const [event] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind === 'jwt.encoded' || event.kind === 'jwt.decoded') return event
  }
  return null
})

export interface TokenOrigin {
  /** The flow whose trace holds the token step. */
  flow: TraceName
  /** The library that run modelled. */
  flavor: Trace['flavor']
  /**
   * The salt that library derives the session token's key with: v4 `''`; Auth.js the run's session
   * cookie name, or the default name when the run did not record one.
   */
  salt: string
  /** True when that trace is the one on screen. */
  fromThisRun: boolean
  /** A later decode in the shown trace (up to the cursor) that failed: the token shown is the last one that could be read. */
  failedAfter: Extract<TraceEvent, { kind: 'jwt.decodeFailed' }> | null
}

/** Where the token at the cursor came from, and whether a decode after it failed in the shown run. */
export const selectTokenOriginAtCursor = memoByCursor(({ lastTrace, cursor, traces }): TokenOrigin | null => {
  let failedAfter: TokenOrigin['failedAfter'] = null
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind === 'jwt.decodeFailed' && from === lastTrace && !failedAfter) failedAfter = event
    if (event.kind === 'jwt.encoded' || event.kind === 'jwt.decoded') {
      const resolved = from.events.find((e) => e.kind === 'config.resolved')
      const cookieName = resolved?.kind === 'config.resolved' ? resolved.cookieNames.sessionToken : sessionCookieName('authjs', false)
      return { flow: from.flow, flavor: from.flavor, salt: from.flavor === 'authjs' ? cookieName : '', fromThisRun: from === lastTrace, failedAfter }
    }
  }
  return null
})

/** What `useSession()` shows at the cursor: the session JSON and status (null before any session request). */
export const selectSessionAtCursor = memoByCursor(({ lastTrace, cursor, traces }) => sessionAt(traces, lastTrace, cursor))

/** The value the newest finished `signIn()` resolved to, at the cursor. */
export const selectSignInResultAtCursor = memoByCursor(({ lastTrace, cursor, traces }) => {
  for (const [event] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind === 'flow.finished' && event.result.flow === 'signIn') return event.result.value
  }
  return null
})

export interface SignInOutcomeView {
  value: SignInValue
  /** True when the run on screen made it; else it is the last result of an earlier run, kept by the form. */
  fromThisRun: boolean
  /** When that run started, on the simulated clock. */
  runStartedAtSec: number
  /** It signed in, and a later run ended that session: useSession() no longer holds one. */
  sessionEndedSince: boolean
}

/** The newest finished `signIn()` at the cursor, with the run it came from and whether its session has ended since. */
export const selectSignInOutcomeAtCursor = memoByCursor(({ lastTrace, cursor, traces }): SignInOutcomeView | null => {
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind !== 'flow.finished' || event.result.flow !== 'signIn') continue
    const value = event.result.value
    const fromThisRun = from === lastTrace
    const sessionEndedSince = !fromThisRun && isSignInSuccess(value) && sessionAt(traces, lastTrace, cursor)?.status !== 'authenticated'
    return { value, fromThisRun, runStartedAtSec: from.startedAtSec, sessionEndedSince }
  }
  return null
})

/**
 * Whether a `signIn()` result is a sign-in: it resolved ok without an error, neither rejecting nor
 * sending the page elsewhere.
 */
export function isSignInSuccess(value: SignInValue): boolean {
  return value.ok && !value.error && !value.rejectedWith && !value.navigatedTo
}

/**
 * The engine error that made the newest finished `signIn()` fail, at the cursor: the first
 * `flow.failed` step of that run (`CREDENTIALS_SIGNIN` for a wrong password, `NO_SECRET`,
 * `SANDBOX_TIMEOUT`…). Null when it succeeded, or failed without one.
 */
export function selectSignInFailureAtCursor(state: Parameters<typeof selectSignInFailureViewAtCursor>[0]): SerializedEngineError | null {
  return selectSignInFailureViewAtCursor(state)?.error ?? null
}

export interface SignInFailureView {
  /** The engine error the run recorded first (CREDENTIALS_SIGNIN, NO_SECRET, CALLBACK_THREW, SANDBOX_TIMEOUT…). */
  error: SerializedEngineError
  /**
   * The callback failure behind it, when there is one: the root cause, with the sandbox's own code
   * (SANDBOX_THREW, SANDBOX_TIMEOUT, SANDBOX_SYNTAX_ERROR…), message and the line and column in the learner's code.
   */
  callback?: { name: CallbackName; error: SerializedEngineError; line?: number; column?: number; editor?: SandboxCallbackName }
  /** What NextAuth then did: the answer to the request the failure happened in. */
  outcome: FailureOutcome | null
}

/** Why the newest finished `signIn()` failed, root cause first, at the cursor. Null when it succeeded or failed without an engine error. */
export const selectSignInFailureViewAtCursor = memoByCursor(({ lastTrace, cursor, traces }): SignInFailureView | null => {
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind !== 'flow.finished' || event.result.flow !== 'signIn') continue
    const at = from.events.findIndex((e) => e.kind === 'flow.failed')
    const failed = from.events[at]
    if (failed?.kind !== 'flow.failed') return null
    // The root cause is a callback that failed, not one that refused on purpose (the failure step says that).
    const called = from.events.slice(0, at + 1).find((e) => e.kind === 'callback.failed' && !e.refused)
    const callback = called?.kind === 'callback.failed' ? called : undefined
    const { line, column } = callback?.error.details ?? {}
    const editor = callback && isSandboxCallback(callback.callback) ? callback.callback : undefined
    return {
      error: failed.error,
      ...(callback
        ? {
            callback: {
              name: callback.callback,
              error: callback.error,
              ...(typeof line === 'number' ? { line } : {}),
              ...(typeof column === 'number' ? { column } : {}),
              ...(editor ? { editor } : {}),
            },
          }
        : {}),
      outcome: failureOutcome(from, at),
    }
  }
  return null
})

/**
 * What the handler did with a failure: the answer to the request it happened in. Read from the trace,
 * so it is what the engine modelled (and the side-by-side tests compare with the real handlers).
 */
export interface FailureOutcome {
  flavor: FlowFlavor
  /** Nothing in NextAuth caught it: Next.js printed it and answered its bare 500. */
  uncaught: boolean
  /** The status of the answer. */
  status: number
  /** The `error` the answer's URL carries (`?error=Configuration`, `CredentialsSignin`…). */
  urlError?: string
  /** What the library's logger printed for it (a v4 code such as JWT_SESSION_ERROR, an Auth.js error type); debug lines left out. */
  logged?: string
}

/** The outcome of the failure at `index` of `trace`, or null when no answer follows it (a failure in the browser, a playground action). */
export function failureOutcome(trace: Trace, index: number): FailureOutcome | null {
  const { events } = trace
  let start = -1
  for (let i = Math.min(index, events.length - 1); i >= 0; i--) {
    const event = events[i]!
    if (event.kind === 'http.responded') return null
    if (event.kind === 'http.requested') {
      start = i
      break
    }
  }
  const request = events[start]
  if (request?.kind !== 'http.requested') return null
  const end = events.findIndex((e, i) => i > index && e.kind === 'http.responded' && e.requestId === request.requestId)
  const answer = events[end]
  if (answer?.kind !== 'http.responded') return null
  const logs = events.slice(start, end).filter((e): e is Extract<TraceEvent, { kind: 'log.written' }> => e.kind === 'log.written' && e.level !== 'debug')
  const uncaught = logs.some((log) => log.logger === 'nextjs')
  const logged = logs.find((log) => log.logger === undefined)?.code
  const urlError = errorParam(answer.response)
  return { flavor: trace.flavor, uncaught, status: answer.response.status, ...(urlError ? { urlError } : {}), ...(logged && !uncaught ? { logged } : {}) }
}

/** `?error=` of the answer's `{ url }` body or Location header. */
function errorParam(response: Extract<TraceEvent, { kind: 'http.responded' }>['response']): string | undefined {
  const body = response.body
  const bodyUrl = body !== null && typeof body === 'object' && typeof (body as { url?: unknown }).url === 'string' ? (body as { url: string }).url : undefined
  const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1]
  const url = bodyUrl ?? location
  if (!url) return undefined
  try {
    return new URL(url).searchParams.get('error') ?? undefined
  } catch {
    return undefined
  }
}

/** Why a cookie was not in a request, as the history of the cookie jar tells it. */
export type MissingCookie =
  /** The browser dropped it when its Expires passed; `duringClockJump` when that was the "advance the clock" action itself. */
  | { how: 'expired'; expiresAtSec: number; duringClockJump: boolean }
  /** A `Set-Cookie` with `Max-Age=0` deleted it, during `flow`. */
  | { how: 'deleted'; flow: TraceName }
  /** The learner cleared the jar. */
  | { how: 'cleared' }
  /** The browser refused to store it. */
  | { how: 'rejected' }
  /** No run ever set it. */
  | { how: 'never-set' }

/** What broke a token that no longer opens, as the history tells it. */
export type DecodeCause = 'secret-changed' | 'tampered'

/** What a step means in the light of the run and the earlier ones: the narration and the hints word it. */
export interface StepContext {
  flavor: FlowFlavor
  /** `flow.failed`: what the handler answered the request it failed in. */
  outcome?: FailureOutcome
  /** `cookies.read` that found nothing, and the `getToken.resolved` after it: why the cookie is not there. */
  missingCookie?: MissingCookie
  /** `jwt.decodeFailed`, and the `flow.failed` / `getToken.resolved` after it: what broke the token. */
  decodeCause?: DecodeCause
}

const CONTEXTS = new WeakMap<Trace, { traces: Trace[]; contexts: StepContext[] }>()

/**
 * The context of every step of `trace` (index for index), looking back through `traces` before it.
 * Kept per (trace, history), so the same objects come back while the history is the same.
 */
export function stepContexts(traces: Trace[], trace: Trace | null): StepContext[] {
  if (!trace) return []
  const cached = CONTEXTS.get(trace)
  if (cached?.traces === traces) return cached.contexts
  const contexts = computeStepContexts(traces, trace)
  CONTEXTS.set(trace, { traces, contexts })
  return contexts
}

function computeStepContexts(traces: Trace[], trace: Trace): StepContext[] {
  const contexts: StepContext[] = []
  let missingCookie: MissingCookie | undefined
  let decodeCause: DecodeCause | undefined
  trace.events.forEach((event, index) => {
    const context: StepContext = { flavor: trace.flavor }
    if (event.kind === 'http.requested') {
      missingCookie = undefined
      decodeCause = undefined
    }
    if (event.kind === 'cookies.read' && event.value === null) missingCookie = whyNoCookie(traces, trace, index, event.cookieName)
    if (event.kind === 'jwt.decodeFailed') decodeCause = whyNoDecode(traces, trace, index, event)
    if (event.kind === 'flow.failed') {
      const outcome = failureOutcome(trace, index)
      if (outcome) context.outcome = outcome
    }
    if ((event.kind === 'cookies.read' || (event.kind === 'getToken.resolved' && event.nullReason === 'no-cookie')) && missingCookie) context.missingCookie = missingCookie
    if ((event.kind === 'jwt.decodeFailed' || event.kind === 'flow.failed' || (event.kind === 'getToken.resolved' && !event.token)) && decodeCause) context.decodeCause = decodeCause
    contexts.push(context)
  })
  return contexts
}

/** The newest jar event about `name` (or its chunks) before `index`: why the request carried none. */
function whyNoCookie(traces: Trace[], trace: Trace, index: number, name: string): MissingCookie {
  const isIt = (cookie: string) => cookie === name || (cookie.startsWith(`${name}.`) && /^\d+$/.test(cookie.slice(name.length + 1)))
  for (const [event, from] of walkBack(traces, trace, index - 1)) {
    if (!event.kind.startsWith('cookie.') || !('name' in event) || !isIt(event.name)) continue
    if (event.kind === 'cookie.expired') return { how: 'expired', expiresAtSec: event.expiresAtSec, duringClockJump: from.flow === 'advanceClock' }
    if (event.kind === 'cookie.deleted') return from.flow === 'clearCookies' ? { how: 'cleared' } : { how: 'deleted', flow: from.flow }
    if (event.kind === 'cookie.rejected') return { how: 'rejected' }
    if (event.kind === 'cookie.set' && event.value !== '') break
  }
  return { how: 'never-set' }
}

/**
 * Why a token did not open: the same token was made (jwt.encoded) with another key under the same salt,
 * so the secret changed since; or a tamper step changed its bytes. Undefined when the history does not say.
 */
function whyNoDecode(traces: Trace[], trace: Trace, index: number, failed: Extract<TraceEvent, { kind: 'jwt.decodeFailed' }>): DecodeCause | undefined {
  for (const [event] of walkBack(traces, trace, index - 1)) {
    if (event.kind === 'cookie.tampered' && event.value !== '' && failed.token.includes(event.value)) return 'tampered'
    if (event.kind === 'jwt.encoded' && event.token === failed.token) {
      if (failed.key ? event.key.salt === failed.key.salt && event.key.keyHex !== failed.key.keyHex : failed.error.code === 'JWT_NO_MATCHING_SECRET') return 'secret-changed'
      return undefined
    }
  }
  return undefined
}

export interface ProtectedPageView {
  path: string | null
  authorized: boolean
  redirectTo?: string
  token: Record<string, unknown> | null
  /** Why `getToken()` answered null (the real one stays silent). */
  nullReason?: GetTokenNullReason
  cookieName?: string
  /** What the history says broke the token, or why the cookie was not there (see StepContext). */
  decodeCause?: DecodeCause
  missingCookie?: MissingCookie
}

/** What the newest finished visit to a protected page found, at the cursor. */
export const selectProtectedPageAtCursor = memoByCursor(({ lastTrace, cursor, traces }): ProtectedPageView | null => {
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind !== 'flow.finished' || event.result.flow !== 'visitProtectedPage') continue
    const resolvedAt = from.events.findIndex((e) => e.kind === 'getToken.resolved')
    const resolved = from.events[resolvedAt]
    const context = resolvedAt >= 0 ? stepContexts(traces, from)[resolvedAt] : undefined
    const started = from.events.find((e) => e.kind === 'flow.started')
    const input = started?.kind === 'flow.started' ? (started.input as { path?: unknown } | undefined) : undefined
    const { authorized, redirectTo, token } = event.result
    return {
      path: typeof input?.path === 'string' ? input.path : null,
      authorized,
      ...(redirectTo === undefined ? {} : { redirectTo }),
      token,
      ...(resolved?.kind === 'getToken.resolved' ? { cookieName: resolved.cookieName, ...(resolved.nullReason ? { nullReason: resolved.nullReason } : {}) } : {}),
      ...(context?.decodeCause ? { decodeCause: context.decodeCause } : {}),
      ...(context?.missingCookie ? { missingCookie: context.missingCookie } : {}),
    }
  }
  return null
})

/**
 * The secret changed since the run on screen: the session token in the jar was made (or last read)
 * with the old one, so the next request cannot open it. False before any run (or when the run's secret is not known).
 */
export function selectSecretChangedSinceLastRun(state: Pick<AppState, 'lastTrace' | 'lastTraceSecret' | 'config'>): boolean {
  return state.lastTrace !== null && state.lastTraceSecret !== null && JSON.stringify(state.config.secret) !== JSON.stringify(state.lastTraceSecret)
}

/** Cookies that JavaScript can read (`document.cookie`): HttpOnly ones are absent. */
export function documentCookie(jar: CookieView[]): string {
  return jar
    .filter((cookie) => !cookie.httpOnly)
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ')
}

/** The session at `cursor` of `trace`, looking back through the earlier traces of the history. */
export function sessionAt(traces: Trace[], trace: Trace | null, cursor: number): SessionView | null {
  for (const [event, from] of walkBack(traces, trace, cursor)) {
    // The client's own record of what useSession() holds, when the flow shows it.
    if (event.kind === 'client.updated') return withError({ session: event.session, status: event.status, traceId: from.id }, from, event.step)
    if (event.kind !== 'flow.finished') continue
    const { result } = event
    if (result.flow === 'getSession' || result.flow === 'updateSession') return withError({ session: result.session, status: result.status, traceId: from.id }, from, event.step)
    if (result.flow === 'signOut') return { session: null, status: 'unauthenticated', traceId: from.id }
    if (result.flow === 'signIn' && isSignInSuccess(result.value)) {
      // The client refreshes the session after a successful sign-in: what it holds is its newest
      // client.updated of that run (the session callback's return value), not the session NextAuth built
      // before calling the session callback. session.built is only the fallback of a run that has none.
      const held = newestBefore(from, event.step, 'client.updated')
      if (held) return withError({ session: held.session, status: held.status, traceId: from.id }, from, held.step)
      const built = newestBefore(from, event.step, 'session.built')
      return { session: built ? built.session : null, status: 'authenticated', traceId: from.id }
    }
  }
  // A first session request still in flight: useSession() reports "loading".
  const fetching = trace && (trace.flow === 'getSession' || trace.flow === 'updateSession') && !trace.events.slice(0, cursor + 1).some((e) => e.kind === 'flow.finished')
  return fetching ? { session: null, status: 'loading', traceId: trace.id } : null
}

/** The newest step of `kind` in `trace` before `step`. */
function newestBefore<K extends TraceEvent['kind']>(trace: Trace, step: number, kind: K): Extract<TraceEvent, { kind: K }> | undefined {
  for (let i = Math.min(step, trace.events.length) - 1; i >= 0; i--) {
    const event = trace.events[i]!
    if (event.kind === kind) return event as Extract<TraceEvent, { kind: K }>
  }
  return undefined
}

/** Adds the error that ended the session in `trace` (up to `step`), when there is no session. */
function withError(view: SessionView, trace: Trace, step: number): SessionView {
  if (view.session) return view
  for (let i = Math.min(step, trace.events.length - 1); i >= 0; i--) {
    const event = trace.events[i]!
    if (event.kind === 'jwt.decodeFailed' || event.kind === 'flow.failed') return { ...view, error: event.error }
  }
  return view
}

/** Events from newest to oldest, each with its trace: the shown trace up to `cursor`, then every earlier trace in full. */
function* walkBack(traces: Trace[], trace: Trace | null, cursor: number): Generator<[TraceEvent, Trace]> {
  if (!trace) return
  for (let i = Math.min(cursor, trace.events.length - 1); i >= 0; i--) yield [trace.events[i]!, trace]
  const index = traces.indexOf(trace)
  const older = index >= 0 ? traces.slice(0, index) : traces.filter((t) => t !== trace)
  for (let t = older.length - 1; t >= 0; t--) {
    const from = older[t]!
    for (let i = from.events.length - 1; i >= 0; i--) yield [from.events[i]!, from]
  }
}

/** The browser's jar at `cursor`: what the engine recorded after the newest cookie step so far, else `jarBefore`. */
export function replayJar(trace: Trace, cursor: number): CookieView[] {
  for (let i = Math.min(cursor, trace.events.length - 1); i >= 0; i--) {
    const event = trace.events[i]!
    if ('jar' in event) return event.jar
  }
  return trace.jarBefore
}

/** True when the token or secret text changed since the shown result was decoded. */
export function selectLabResultStale(state: Pick<LabSlice, 'labOpen'>): boolean {
  const { result, resultFor, input, secretsText } = state.labOpen
  return result !== null && resultFor !== null && (resultFor.input !== input || resultFor.secretsText !== secretsText)
}
