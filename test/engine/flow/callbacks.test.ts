// The default callbacks: the plain functions of createDefaultRunner() and the source text the
// editors start from (DEFAULT_CALLBACK_SOURCES, run by the sandbox's worker handler) behave the same;
// library defaults are used (and marked) for the callbacks the app does not define.
import { describe, expect, it } from 'vitest'
import { createDefaultRunner, createPlayground, createSeededRandom, DEFAULT_CALLBACK_SOURCES, defaultPlaygroundConfig, type CallbackContext, type CallbackRunner, type FlowFlavor, type Trace } from '../../../src/engine/index'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'
import type { SandboxCallbackName } from '../../../src/engine/sandbox/protocol'
import { callbackCalls, eventsOf } from './helpers/traceQueries'
import { T0 } from './helpers/scenario'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import AuthjsCredentials from '@auth/core/providers/credentials'

const require = createRequire(import.meta.url)
type Provider = (options: object) => { authorize: () => unknown }
const realCredentials: Record<FlowFlavor, Provider> = {
  'next-auth-v4': (require(join(process.cwd(), 'node_modules/next-auth/providers/credentials.js')) as { default: Provider }).default,
  authjs: AuthjsCredentials as unknown as Provider,
}

/** The sandbox's message handler as a runner (what the Worker does, without the Worker). */
function sourceRunner(): CallbackRunner {
  const handle = createWorkerHandler()
  let id = 0
  return {
    async run(name, args, context) {
      const reply = await handle({ type: 'run', id: ++id, callback: name as SandboxCallbackName, source: DEFAULT_CALLBACK_SOURCES[name as SandboxCallbackName], args, users: context.users })
      const { type: _type, id: _id, ...result } = reply
      return result
    },
  }
}

async function round(flavor: FlowFlavor, runner: CallbackRunner): Promise<Trace[]> {
  const playground = createPlayground({ config: { flavor }, nowSec: T0, random: createSeededRandom(3), runner })
  const { email, password } = defaultPlaygroundConfig().users[2]!
  return [
    await playground.run('signIn', { email, password }),
    await playground.run('getSession'),
    await playground.run('updateSession', { data: { name: 'x' } }),
    await playground.run('signIn', { email, password: 'wrong' }),
    await playground.run('signOut'),
  ]
}

/** What must match: every callback's return value and the flow results (durations and logs aside). */
function outcome(traces: Trace[]) {
  return traces.map((trace) => ({ returned: eventsOf(trace, 'callback.returned').map((e) => [e.callback, e.value]), failed: eventsOf(trace, 'callback.failed').length, result: trace.result }))
}

describe.each(['next-auth-v4', 'authjs'] as FlowFlavor[])('default callbacks (%s)', (flavor) => {
  it('the plain functions and the editors\' source text give the same traces', async () => {
    const plain = outcome(await round(flavor, createDefaultRunner()))
    const source = outcome(await round(flavor, sourceRunner()))
    expect(source).toEqual(plain)
    // And the scenario exercised what the seed's callbacks do: id copied into the token and the session.
    // Grace's id is the number 3: v4 keeps it as authorize returned it, Auth.js makes it a string.
    expect(plain[1]!.result).toMatchObject({ session: { user: { id: flavor === 'next-auth-v4' ? 3 : '3' } } })
  })

  it('uses the library default for callbacks the app does not define, marked isDefault', async () => {
    const playground = createPlayground({ config: { flavor, callbacks: { authorize: true } }, nowSec: T0, random: createSeededRandom(1) })
    const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
    expect(callbackCalls(trace).map((e) => [e.callback, e.isDefault])).toEqual([
      ['redirect', true], // init picks the callback URL for the credentials POST
      ['authorize', false],
      ['signIn', true],
      ['jwt', true],
      ['redirect', true],
      ['jwt', true],
      ['session', true],
    ])
    // No custom session callback: the id is not exposed; the token has no `id` either.
    expect(trace.result).toMatchObject({ value: { ok: true } })
    const session = eventsOf(trace, 'callback.returned').filter((e) => e.callback === 'session')[0]!.value as { user: Record<string, unknown> }
    expect(session.user).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', image: 'https://example.com/ada.png' })
  })

  it('without authorize, uses the credentials helper\'s own () => null: every sign-in is CredentialsSignin', async () => {
    // The real helpers: CredentialsProvider({ … }) without authorize keeps `authorize: () => null`.
    expect(realCredentials[flavor]({}).authorize()).toBeNull()
    const playground = createPlayground({ config: { flavor, callbacks: {} }, nowSec: T0, random: createSeededRandom(2) })
    expect(eventsOf(await playground.run('getSession'), 'http.responded')[0]!.response).toMatchObject({ status: 200 })
    const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
    expect(callbackCalls(trace, 'authorize')[0]).toMatchObject({ isDefault: true })
    expect(eventsOf(trace, 'callback.returned').find((e) => e.callback === 'authorize')!.value).toBeNull()
    expect(eventsOf(trace, 'flow.failed').map((e) => e.error.code)).toEqual(['CREDENTIALS_SIGNIN'])
    expect(trace.result).toMatchObject({ value: { error: 'CredentialsSignin' } })
  })
})

describe('createDefaultRunner', () => {
  it("measures durationMs with the context's timer, which every call must pass", async () => {
    const ticks = [10, 17]
    const result = await createDefaultRunner().run('jwt', [{ token: {} }], { users: [], timer: () => ticks.shift()! })
    expect(result).toMatchObject({ ok: true, durationMs: 7 })
    // @ts-expect-error: no hidden real clock to fall back on, so a byte-identical replay cannot depend on one
    const withoutTimer: CallbackContext = { users: [] }
    expect(withoutTimer.timer).toBeUndefined()
  })
})
