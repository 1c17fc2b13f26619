// Pure views of the store for the panels: the steps up to the playback cursor, the cookie jar and
// the token and session as they stand at that step. Results are memoised per (trace, cursor), and a
// view equal field by field to the previous one is returned as that same object, so a panel whose
// view did not change at a step does not re-render.
import { sessionCookieName, type CookieView, type GetTokenNullReason, type SerializedEngineError, type Trace, type TraceEvent, type TraceName, type UseSessionStatus } from '../engine/index'
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
export const selectSignInFailureAtCursor = memoByCursor(({ lastTrace, cursor, traces }): SerializedEngineError | null => {
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind !== 'flow.finished' || event.result.flow !== 'signIn') continue
    const failed = from.events.find((e) => e.kind === 'flow.failed')
    return failed?.kind === 'flow.failed' ? failed.error : null
  }
  return null
})

export interface ProtectedPageView {
  path: string | null
  authorized: boolean
  redirectTo?: string
  token: Record<string, unknown> | null
  /** Why `getToken()` answered null (the real one stays silent). */
  nullReason?: GetTokenNullReason
  cookieName?: string
}

/** What the newest finished visit to a protected page found, at the cursor. */
export const selectProtectedPageAtCursor = memoByCursor(({ lastTrace, cursor, traces }): ProtectedPageView | null => {
  for (const [event, from] of walkBack(traces, lastTrace, cursor)) {
    if (event.kind !== 'flow.finished' || event.result.flow !== 'visitProtectedPage') continue
    const resolved = from.events.find((e) => e.kind === 'getToken.resolved')
    const started = from.events.find((e) => e.kind === 'flow.started')
    const input = started?.kind === 'flow.started' ? (started.input as { path?: unknown } | undefined) : undefined
    const { authorized, redirectTo, token } = event.result
    return {
      path: typeof input?.path === 'string' ? input.path : null,
      authorized,
      ...(redirectTo === undefined ? {} : { redirectTo }),
      token,
      ...(resolved?.kind === 'getToken.resolved' ? { cookieName: resolved.cookieName, ...(resolved.nullReason ? { nullReason: resolved.nullReason } : {}) } : {}),
    }
  }
  return null
})

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
