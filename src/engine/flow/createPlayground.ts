// The playground: one simulated browser (cookie jar, useSession state) talking to one simulated
// NextAuth app (route handler, callbacks, middleware) on a simulated clock. Every action returns a
// Trace (src/engine/trace.ts), the plain data the UI animates.
import { createSimClock, type SimClock } from '../clock/createSimClock'
import { createCookieJar, type CookieJar } from './ports'
import { cryptoRandom, type RandomSource } from '../random'
import type { FlowName, FlowResult, Trace, TraceName } from '../trace'
import { expireCookies } from './browser'
import { SOURCES } from './constants'
import { createDefaultRunner } from './defaultCallbacks'
import { defaultPlaygroundConfig, realNowSec } from './defaults'
import type { ClientState, FlowContext, ServerState } from './flowContext'
import { getCsrfTokenFlow } from './getCsrfToken'
import { getSessionFlow } from './getSession'
import { toTraceValue } from './plain'
import { parseSiteUrl, resolveOptions } from './resolveOptions'
import { signInFlow } from './signIn'
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
}

export interface Playground {
  readonly clock: SimClock
  readonly jar: CookieJar
  getConfig(): PlaygroundConfig
  /** Changes the app's configuration; the next request uses it (the server process restarts). */
  setConfig(patch: Partial<PlaygroundConfig>): void
  setRunner(runner: CallbackRunner): void
  /** Runs one flow and returns its trace. Runs are queued: one at a time. */
  run(flow: FlowName, input?: FlowInput): Promise<Trace>
  /** Moves the clock forward; the trace lists the cookies that expired. */
  advanceClock(bySec: number): Trace
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
  let runner = options.runner ?? createDefaultRunner()
  let server: ServerState = { warnedNoSecret: false, knownCsrfCookies: new Set() }
  const client: ClientState = { session: undefined, pageUrl: '' }
  let queue: Promise<unknown> = Promise.resolve()

  function context(): FlowContext {
    client.pageUrl = `${parseSiteUrl(config.siteUrl).origin}/`
    return { config, clock, jar, runner, random, trace: createTraceBuilder(clock, jar), sources: SOURCES[config.flavor], server, client }
  }

  function finish(ctx: FlowContext, name: TraceName, startedAtSec: number, jarBefore: Trace['jarBefore'], result: FlowResult): Trace {
    ctx.trace.emit('browser', undefined, { kind: 'flow.finished', result })
    return { id: random.uuid(), flow: name, flavor: config.flavor, startedAtSec, endedAtSec: clock.nowSec(), jarBefore, jarAfter: jar.list(), events: ctx.trace.events, result }
  }

  async function runFlow(flow: FlowName, input: FlowInput): Promise<Trace> {
    const ctx = context()
    const startedAtSec = clock.nowSec()
    const jarBefore = jar.list()
    ctx.trace.emit('browser', undefined, { kind: 'flow.started', flow, flavor: config.flavor, tokenModel: config.tokenModel, ...(input === undefined ? {} : { input: toTraceValue(input) }) })
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
    return finish(ctx, flow, startedAtSec, jarBefore, result)
  }

  function action(name: Exclude<TraceName, FlowName>, body: (ctx: FlowContext) => FlowResult): Trace {
    const ctx = context()
    const startedAtSec = clock.nowSec()
    const jarBefore = jar.list()
    ctx.trace.emit('browser', undefined, { kind: 'flow.started', flow: name, flavor: config.flavor, tokenModel: config.tokenModel })
    return finish(ctx, name, startedAtSec, jarBefore, body(ctx))
  }

  return {
    clock,
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
      return action('advanceClock', (ctx) => {
        clock.advanceBy(bySec)
        ctx.trace.emit('browser', undefined, { kind: 'clock.advanced', bySec })
        const expired = expireCookies(ctx)
        return { flow: 'advanceClock', bySec, nowSec: clock.nowSec(), expired }
      })
    },
    tamperSessionCookie() {
      return action('tamperSessionCookie', (ctx) => ({ flow: 'tamperSessionCookie', cookieName: tamperSessionCookie(ctx) }))
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
