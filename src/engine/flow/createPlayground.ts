// The playground: one simulated browser (cookie jar, useSession state) talking to one simulated
// NextAuth app (route handler, callbacks, middleware) on a simulated clock. Every action returns a
// Trace (src/engine/trace.ts), the plain data the UI animates.
import { createSimClock, readonlyClock, type ReadonlyClock, type SimClock } from '../clock/createSimClock'
import { DATE_LIMIT_SEC } from '../clock/dateLimit'
import { EngineError, isEngineError } from '../errors'
import { createCookieJar, type CookieJar } from './ports'
import { cryptoRandom, type RandomSource } from '../random'
import type { FlowName, FlowResult, Trace, TraceName } from '../trace'
import { expireCookies } from './browser'
import { SOURCES } from './constants'
import { createDefaultRunner } from './defaultCallbacks'
import { defaultPlaygroundConfig, realNowSec, realTimerMs } from './defaults'
import type { ClientState, FlowContext, ServerState } from './flowContext'
import { getCsrfTokenFlow } from './getCsrfToken'
import { getSessionFlow } from './getSession'
import { toTraceValue } from './plain'
import { resolveOptions, siteUrlOrError, type SiteUrl } from './resolveOptions'
import { noError, signInFlow } from './signIn'
import { signOutFlow } from './signOut'
import { tamperSessionCookie } from './tamper'
import { createTraceBuilder } from './traceBuilder'
import type { CallbackRunner, FlowInput, PlaygroundConfig, ProtectedPageInput, SignInInput, SignOutInput, UpdateSessionInput } from './types'
import { updateSessionFlow } from './updateSession'
import { visitProtectedPageFlow } from './visitProtectedPage'

export interface PlaygroundOptions {
  config?: Partial<PlaygroundConfig>
  clock?: SimClock
  runner?: CallbackRunner
  random?: RandomSource
  /** Where a new clock starts (Unix seconds); defaults to the real time. Ignored when `clock` is given. */
  nowSec?: number
  /**
   * Milliseconds from a monotonic timer, for the `durationMs` of callback steps; defaults to
   * the page's monotonic clock (see `realTimerMs`). With a fixed timer and a seeded `random`, a trace is byte-identical run to run.
   */
  timer?: () => number
}

export interface Playground {
  /** The simulated clock, to read. It moves only through `advanceClock` / `advanceClockTo`, which record the move. */
  readonly clock: ReadonlyClock
  readonly jar: CookieJar
  getConfig(): PlaygroundConfig
  /** Changes the app's configuration; the next request uses it (the server process restarts). */
  setConfig(patch: Partial<PlaygroundConfig>): void
  setRunner(runner: CallbackRunner): void
  /** Runs one flow and returns its trace. Runs are queued: one at a time. */
  run(flow: FlowName, input?: FlowInput): Promise<Trace>
  /** Moves the clock forward; the trace lists the cookies that expired. A negative amount throws `CLOCK_BACKWARDS`. */
  advanceClock(bySec: number): Trace
  /**
   * Moves the clock forward to `unixSec` (a date), recorded as `clock.advanced` with `toSec`, then the
   * cookies that expired. An earlier time throws `EngineError('CLOCK_BACKWARDS')`: time only moves forward.
   * @example playground.advanceClockTo(Date.UTC(2026, 1, 1) / 1000)
   */
  advanceClockTo(unixSec: number): Trace
  /** Flips a real byte in the session cookie's ciphertext, as an attacker or a curious learner would. */
  tamperSessionCookie(): Trace
  clearCookies(): Trace
}

/**
 * @example
 * const playground = createPlayground({ nowSec: 1_767_225_600 })
 * const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
 * trace.result // { flow: 'signIn', value: { ok: true, status: 200, error: null, url: 'http://localhost:3000/' } }
 */
export function createPlayground(options: PlaygroundOptions = {}): Playground {
  let config: PlaygroundConfig = { ...defaultPlaygroundConfig(), ...options.config }
  const clock = options.clock ?? createSimClock(options.nowSec ?? realNowSec())
  const jar = createCookieJar(clock)
  const random = options.random ?? cryptoRandom
  const timer = options.timer ?? realTimerMs
  let runner = options.runner ?? createDefaultRunner()
  let server: ServerState = { warnedNoSecret: false, knownCsrfCookies: new Set() }
  const client: ClientState = { session: undefined, pageUrl: '' }
  let queue: Promise<unknown> = Promise.resolve()

  function context(site: SiteUrl | EngineError = siteUrlOrError(config.siteUrl)): FlowContext {
    // An unparsable site URL leaves the page where it was; the flow then fails before its first request.
    if (!(site instanceof EngineError)) client.pageUrl = `${site.origin}/`
    return { config, clock, jar, runner, random, timer, trace: createTraceBuilder(clock, jar), sources: SOURCES[config.flavor], server, client }
  }

  function finish(ctx: FlowContext, name: TraceName, startedAtSec: number, jarBefore: Trace['jarBefore'], result: FlowResult): Trace {
    ctx.trace.emit('browser', undefined, { kind: 'flow.finished', result })
    return { id: random.uuid(), flow: name, flavor: config.flavor, startedAtSec, endedAtSec: clock.nowSec(), jarBefore, jarAfter: jar.list(), events: ctx.trace.events, result }
  }

  async function runFlow(flow: FlowName, input: FlowInput): Promise<Trace> {
    const site = siteUrlOrError(config.siteUrl)
    const ctx = context(site)
    const startedAtSec = clock.nowSec()
    const jarBefore = jar.list()
    ctx.trace.emit('browser', undefined, { kind: 'flow.started', flow, flavor: config.flavor, tokenModel: config.tokenModel, ...(input === undefined ? {} : { input: toTraceValue(input) }) })
    // Both clients parse NEXTAUTH_URL when they load (`parseUrl`): a URL that does not parse stops the page there.
    if (site instanceof EngineError) {
      ctx.trace.emit('browser', ctx.sources.client, { kind: 'flow.failed', error: site.toJSON() })
      return finish(ctx, flow, startedAtSec, jarBefore, failedResult(flow, ctx, site))
    }
    const options = await resolveOptions(ctx)
    ctx.trace.emit('routeHandler', ctx.sources.init, {
      kind: 'config.resolved',
      secretSource: options.secretSource,
      useSecureCookies: options.useSecureCookies,
      cookieNames: { sessionToken: options.cookies.sessionToken.name, csrfToken: options.cookies.csrfToken.name, callbackUrl: options.cookies.callbackUrl.name },
      sessionMaxAgeSec: options.sessionMaxAgeSec,
      jwtMaxAgeSec: options.jwtMaxAgeSec,
      updateAgeSec: options.updateAgeSec,
      basePath: options.url.path,
      notes: options.notes,
    })
    let result: FlowResult
    try {
      result = await runFlowBody(ctx, flow, input)
    } catch (error) {
      // A learner-caused error no step turned into an answer still ends the trace, never the run.
      if (!isEngineError(error)) throw error
      ctx.trace.emit('routeHandler', undefined, { kind: 'flow.failed', error: error.toJSON() })
      result = failedResult(flow, ctx, error)
    }
    return finish(ctx, flow, startedAtSec, jarBefore, result)
  }

  async function runFlowBody(ctx: FlowContext, flow: FlowName, input: FlowInput): Promise<FlowResult> {
    let result: FlowResult
    switch (flow) {
      case 'getCsrfToken':
        result = await getCsrfTokenFlow(ctx)
        break
      case 'signIn': {
        const signIn = (input ?? {}) as Partial<SignInInput>
        result = await signInFlow(ctx, { email: signIn.email ?? '', password: signIn.password ?? '', ...(signIn.callbackUrl ? { callbackUrl: signIn.callbackUrl } : {}), ...(signIn.csrfTokenOverride !== undefined ? { csrfTokenOverride: signIn.csrfTokenOverride } : {}) })
        break
      }
      case 'getSession':
        result = await getSessionFlow(ctx)
        break
      case 'updateSession':
        result = await updateSessionFlow(ctx, (input ?? {}) as UpdateSessionInput)
        break
      case 'signOut':
        result = await signOutFlow(ctx, (input ?? {}) as SignOutInput)
        break
      case 'visitProtectedPage':
        result = await visitProtectedPageFlow(ctx, (input ?? {}) as ProtectedPageInput)
        break
      default:
        throw new TypeError(`unknown flow ${String(flow satisfies never)}`)
    }
    return result
  }

  /** Moves the clock (already checked to go forward), records it, then drops the cookies that expired. */
  function moveClock(ctx: FlowContext, move: { bySec: number } | { toSec: number }): FlowResult {
    const bySec = 'bySec' in move ? move.bySec : move.toSec - clock.nowMs() / 1000
    if ('bySec' in move) clock.advanceBy(move.bySec)
    else clock.setTo(move.toSec)
    ctx.trace.emit('browser', undefined, { kind: 'clock.advanced', bySec, ...('toSec' in move ? { toSec: move.toSec } : {}) })
    const expired = expireCookies(ctx)
    return { flow: 'advanceClock', bySec, nowSec: clock.nowSec(), expired }
  }

  /** A move the learner asked for: forward only, and never past the end of JavaScript dates (every expiry on the screen is one). */
  function assertMove(toMs: number, asked: Record<string, number>): void {
    if (toMs < clock.nowMs()) {
      throw new EngineError('CLOCK_BACKWARDS', `the simulated clock only moves forward (now ${clock.nowMs() / 1000}, asked ${JSON.stringify(asked)})`, { details: { nowSec: clock.nowMs() / 1000, ...asked } })
    }
    if (toMs > DATE_LIMIT_SEC * 1000) {
      throw new EngineError('CLOCK_OUT_OF_RANGE', `the simulated clock cannot pass ${DATE_LIMIT_SEC} s, where JavaScript dates end (now ${clock.nowMs() / 1000}, asked ${JSON.stringify(asked)})`, { details: { nowSec: clock.nowMs() / 1000, limitSec: DATE_LIMIT_SEC, ...asked } })
    }
  }

  function action(name: Exclude<TraceName, FlowName>, body: (ctx: FlowContext) => FlowResult): Trace {
    const ctx = context()
    const startedAtSec = clock.nowSec()
    const jarBefore = jar.list()
    ctx.trace.emit('browser', undefined, { kind: 'flow.started', flow: name, flavor: config.flavor, tokenModel: config.tokenModel })
    return finish(ctx, name, startedAtSec, jarBefore, body(ctx))
  }

  return {
    clock: readonlyClock(clock),
    jar,
    getConfig: () => config,
    setConfig(patch) {
      config = { ...config, ...patch }
      server = { warnedNoSecret: false, knownCsrfCookies: new Set() }
    },
    setRunner(next) {
      runner = next
    },
    run(flow, input) {
      const next = queue.then(() => runFlow(flow, input))
      queue = next.catch(() => undefined)
      return next
    },
    advanceClock(bySec) {
      assertFiniteSeconds(bySec, 'bySec')
      const toMs = clock.nowMs() + bySec * 1000
      assertMove(toMs, { bySec })
      return action('advanceClock', (ctx) => moveClock(ctx, { bySec }))
    },
    advanceClockTo(unixSec) {
      assertFiniteSeconds(unixSec, 'unixSec')
      assertMove(unixSec * 1000, { toSec: unixSec })
      return action('advanceClock', (ctx) => moveClock(ctx, { toSec: unixSec }))
    },
    tamperSessionCookie() {
      return action('tamperSessionCookie', (ctx) => {
        const tampered = tamperSessionCookie(ctx)
        return { flow: 'tamperSessionCookie', cookieName: tampered.cookieName, ...(tampered.reason ? { reason: tampered.reason } : {}) }
      })
    },
    clearCookies() {
      return action('clearCookies', (ctx) => {
        const removed = jar.list()
        // One cookie at a time, so each step's jar shows the ones still left.
        removed.forEach((cookie, i) => {
          jar.restore(removed.slice(i + 1))
          ctx.trace.emit('cookieJar', undefined, { kind: 'cookie.deleted', name: cookie.name, setCookie: '' })
        })
        jar.clear()
        // useSession() keeps its (now stale) data until the page asks again, as in a real browser.
        return { flow: 'clearCookies', removed: removed.map((cookie) => cookie.name) }
      })
    },
  }
}

function assertFiniteSeconds(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new TypeError(`${name} must be a finite number of seconds, got ${value}`)
}

/**
 * What a flow resolves to when a learner-caused error stopped it before it could answer (an unparsable
 * site URL): nothing changed, nothing resolved.
 */
function failedResult(flow: FlowName, ctx: FlowContext, error: EngineError): FlowResult {
  const rejectedWith = `${error.cause instanceof Error ? error.cause.name : 'Error'}: ${error.cause instanceof Error ? error.cause.message : error.message}`
  const session = ctx.client.session ?? null
  const status = session ? 'authenticated' : 'unauthenticated'
  switch (flow) {
    case 'getCsrfToken':
      return ctx.config.flavor === 'authjs' ? { flow, csrfToken: '' } : { flow }
    case 'signIn':
      return { flow, value: { ok: false, status: 0, url: null, ...noError(ctx.config.flavor === 'next-auth-v4'), rejectedWith } }
    case 'getSession':
    case 'updateSession':
      return { flow, session, status }
    case 'signOut':
      return { flow, value: {}, rejectedWith }
    case 'visitProtectedPage':
      return { flow, token: null, authorized: false }
    default:
      throw new TypeError(`unknown flow ${String(flow satisfies never)}`)
  }
}
