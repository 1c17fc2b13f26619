// Runs the same steps on our engine and on the real handlers and gives back what to compare: every
// exchange (status, Set-Cookie, headers, body, log codes), the app's callback calls, and the claims
// of the session token each browser ends up with (decoded by the real library).
import { expect, vi } from 'vitest'
import type { PlaygroundConfig, Trace } from '../../../../src/engine/index'
import { engineCalls, engineExchanges, normalizeCalls, normalizeExchange } from './exchanges'
import { realDecode } from './realDecode'
import { createRealSide, type ScenarioCallbacks } from './realHandlers'
import { ADA, playgroundFor, seedScenario } from './scenario'
import { tamperedToken } from './tamper'

export type Step =
  | { flow: 'signIn'; input?: Record<string, unknown> }
  | { flow: 'getSession' | 'signOut' | 'getCsrfToken' }
  | { flow: 'signOut'; input: Record<string, unknown> }
  | { flow: 'updateSession'; input: Record<string, unknown> }
  | { advance: number }
  | { tamper: true }
  /** The app is redeployed with changed options, on both sides. */
  | { config: Partial<PlaygroundConfig> }

/** `ourCallbacks`: the callbacks our engine runs instead, when they must differ (an error class of each side's own, e.g. CredentialsSignin). */
export async function sideBySide(config: PlaygroundConfig, steps: Step[], callbacks: ScenarioCallbacks = seedScenario(), ourCallbacks: ScenarioCallbacks = callbacks) {
  // The real handlers read Date: each exchange runs with it faked to the simulated clock, and the
  // real clock comes back afterwards, even when a step throws.
  vi.useFakeTimers({ toFake: ['Date'] })
  try {
    return await runSideBySide(config, steps, callbacks, ourCallbacks)
  } finally {
    vi.useRealTimers()
  }
}

async function runSideBySide(config: PlaygroundConfig, steps: Step[], callbacks: ScenarioCallbacks, ourCallbacks: ScenarioCallbacks) {
  const playground = playgroundFor(config, ourCallbacks)
  const real = createRealSide(config, callbacks)
  const ours: ReturnType<typeof normalizeExchange>[] = []
  const theirs: ReturnType<typeof normalizeExchange>[] = []
  const traces: Trace[] = []
  let current = config
  for (const step of steps) {
    if ('advance' in step) {
      playground.advanceClock(step.advance)
      continue
    }
    if ('config' in step) {
      current = { ...current, ...step.config }
      playground.setConfig(step.config)
      real.setConfig(step.config)
      continue
    }
    if ('tamper' in step) {
      const trace = playground.tamperSessionCookie()
      expect(trace.result).toMatchObject({ cookieName: expect.stringContaining('session-token') })
      const name = [...real.cookieHeader().split('; ')].map((p) => p.split('=')[0]!).find((n) => n.endsWith('session-token'))!
      real.setCookieValue(name, tamperedToken(real.cookieValue(name)!))
      continue
    }
    const trace = await playground.run(step.flow, 'input' in step ? (step.input as never) : step.flow === 'signIn' ? ADA : undefined)
    traces.push(trace)
    for (const { request, exchange } of engineExchanges(trace)) {
      vi.setSystemTime(playground.clock.nowMs())
      ours.push(normalizeExchange(exchange))
      theirs.push(normalizeExchange(await real.send(request)))
    }
  }
  const callsOurs = normalizeCalls(traces.flatMap(engineCalls))
  const callsTheirs = normalizeCalls(real.calls)
  const nowMs = playground.clock.nowMs()
  const sessionCookie = (names: string[]) => names.find((n) => /session-token(\.0)?$/.test(n))?.replace(/\.0$/, '')
  const joined = (names: string[], value: (name: string) => string | undefined) => {
    const base = sessionCookie(names)
    if (!base) return undefined
    if (names.includes(base)) return value(base)
    return names.filter((n) => n.startsWith(`${base}.`)).sort((a, b) => Number(a.slice(base.length + 1)) - Number(b.slice(base.length + 1))).map((n) => decodeURIComponent(value(n)!)).join('')
  }
  const ourNames = playground.jar.list().map((c) => c.name)
  const theirNames = real.cookieHeader().split('; ').filter(Boolean).map((p) => p.split('=')[0]!)
  const ourToken = joined(ourNames, (n) => playground.jar.list().find((c) => c.name === n)?.value)
  const theirToken = joined(theirNames, (n) => real.cookieValue(n))
  return { ours, theirs, callsOurs, callsTheirs, traces, playground, real, tokens: { ours: ourToken, theirs: theirToken }, config: current, nowMs, cookieName: sessionCookie(ourNames) }
}

type Run = Awaited<ReturnType<typeof runSideBySide>>

/** The claims of each side's last session token, decoded by the real library (`jti` aside), or null if there is none. */
export async function finalClaims(run: Run) {
  const decode = async (token: string | undefined) => {
    if (!token || !run.cookieName) return null
    const claims = await realDecode(run.config.flavor, token, run.config.secret, run.config.flavor === 'authjs' ? run.cookieName : '', run.nowMs).catch((error: Error) => ({ decodeError: error.message }))
    if (claims && 'jti' in claims) delete claims.jti
    return claims
  }
  return { ours: await decode(run.tokens.ours), theirs: await decode(run.tokens.theirs) }
}

/** Everything compared: the exchanges, the callback calls, and the claims of the final tokens. */
export async function expectSameAsReal(run: Run): Promise<void> {
  expect(run.ours).toEqual(run.theirs)
  expect(run.callsOurs).toEqual(run.callsTheirs)
  const claims = await finalClaims(run)
  expect(claims.ours).toEqual(claims.theirs)
}
