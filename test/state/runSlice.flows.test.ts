// The run slice against the real engine: every action leaves a trace, keeps the clock in sync, and
// the cookie jar the panels replay from the trace equals the jar the engine ends with.
import { afterEach, describe, expect, it } from 'vitest'
import { createDefaultRunner, DATE_LIMIT_SEC, demoUsers, EngineError, type CallbackRunner, type Trace } from '../../src/engine'
import { createAppStore } from '../../src/state/createAppStore'
import { replayJar, selectSessionAtCursor, selectTokenAtCursor } from '../../src/state/selectors'

const DAY = 86400
const demo = demoUsers()[0]!

function signedInStore() {
  const store = createAppStore()
  return { store, signIn: () => store.getState().signIn(demo.email, demo.password) }
}

const atEnd = (store: ReturnType<typeof createAppStore>) => {
  store.getState().skipAnimation()
  return store.getState()
}

function expectJarReplays(trace: Trace) {
  expect(replayJar(trace, trace.events.length - 1)).toEqual(trace.jarAfter)
}

describe('run slice with the real engine', () => {
  it("records the editors' code a run used: the code when it started, not an edit made while it ran", async () => {
    const store = createAppStore()
    let release!: () => void
    const seed = createDefaultRunner()
    // The first jwt call waits until the test has edited the code; later calls run at once.
    let heldOnce = false
    const held: CallbackRunner = {
      run: async (name, args, context) => {
        if (name !== 'jwt' || heldOnce) return seed.run(name, args, context)
        heldOnce = true
        await new Promise<void>((resolve) => (release = resolve))
        return seed.run(name, args, context)
      },
    }
    store.getState().setCallbackRunner(held)
    const before = store.getState().editorCode
    expect(store.getState().lastTraceCode).toBeNull()
    const running = store.getState().signIn(demo.email, demo.password)
    await expect.poll(() => release).toBeTypeOf('function')
    store.getState().setEditorCode('jwt', '// edited while the run was going')
    release()
    await running
    expect(store.getState().lastTraceCode).toEqual(before)
    expect(store.getState().editorCode.jwt).toBe('// edited while the run was going')
    store.getState().resetPlayground()
    expect(store.getState().lastTraceCode).toBeNull()
  })

  it('pre-fills nothing itself but starts from the engine defaults (demo user first)', () => {
    const { config } = createAppStore().getState()
    expect(config.users[0]).toEqual(demo)
  })

  it('signs in the demo user: a trace to play from the start, the session cookie, authenticated', async () => {
    const { store, signIn } = signedInStore()
    const trace = await signIn()
    const state = store.getState()
    expect(trace).not.toBeNull()
    expect(state).toMatchObject({ lastTrace: trace, traces: [trace], cursor: -1, playing: true, runStatus: 'idle', useSessionStatus: 'authenticated' })
    expect(trace!.result).toMatchObject({ flow: 'signIn', value: { ok: true, error: null } })
    expect(trace!.jarAfter.map((c) => c.name)).toContain('next-auth.session-token')
    expectJarReplays(trace!)
    expect(selectTokenAtCursor(atEnd(store))?.claims).toMatchObject({ email: demo.email, sub: String(demo.id) })
  })

  it('a wrong password resolves to CredentialsSignin and sets no session cookie', async () => {
    const store = createAppStore()
    const trace = (await store.getState().signIn(demo.email, 'wrong'))!
    expect(trace.result).toEqual({ flow: 'signIn', value: expect.objectContaining({ ok: false, status: 401, error: 'CredentialsSignin', url: null }) })
    expect(trace.jarAfter.map((c) => c.name)).not.toContain('next-auth.session-token')
    expect(store.getState().useSessionStatus).toBe('unauthenticated')
  })

  it('getSession and updateSession re-issue the cookie; the replayed jar matches the engine', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const session = (await store.getState().getSession())!
    expectJarReplays(session)
    expect(selectSessionAtCursor(atEnd(store))).toMatchObject({ status: 'authenticated', session: { user: { email: demo.email } } })
    const update = (await store.getState().updateSession({ name: 'Ada (updated)' }))!
    expect(update.flow).toBe('updateSession')
    expectJarReplays(update)
  })

  it('advancing 31 days expires the cookie; getSession is then unauthenticated', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const before = store.getState().nowSec
    const jump = (await store.getState().advanceClock(31 * DAY))!
    expect(store.getState().nowSec).toBe(before + 31 * DAY)
    expectJarReplays(jump)
    expect(jump.jarAfter.map((c) => c.name)).not.toContain('next-auth.session-token')
    const session = (await store.getState().getSession())!
    expect(session.result).toMatchObject({ session: null, status: 'unauthenticated' })
    expect(store.getState().useSessionStatus).toBe('unauthenticated')
  })

  it('setClockTo moves the simulated clock to a given time', async () => {
    const store = createAppStore()
    const target = store.getState().nowSec + 3 * DAY
    await store.getState().setClockTo(target)
    expect(store.getState().nowSec).toBe(target)
  })

  it('a move past the end of JavaScript dates stops with CLOCK_OUT_OF_RANGE and leaves the clock where it was', async () => {
    const store = createAppStore()
    await store.getState().setClockTo(DATE_LIMIT_SEC - 60)
    await store.getState().advanceClock(30 * DAY)
    expect(store.getState()).toMatchObject({ runStatus: 'error', runError: { code: 'CLOCK_OUT_OF_RANGE' }, nowSec: DATE_LIMIT_SEC - 60 })
  })

  it('a tampered cookie no longer decrypts: getSession logs the decrypt failure and deletes it', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const tamper = (await store.getState().tamperCookie())!
    expectJarReplays(tamper)
    const session = (await store.getState().getSession())!
    expectJarReplays(session)
    expect(session.events.some((e) => (e.kind === 'jwt.decodeFailed' || e.kind === 'flow.failed') && e.error.code === 'JWT_DECRYPT_FAILED')).toBe(true)
    expect(session.jarAfter.map((c) => c.name)).not.toContain('next-auth.session-token')
  })

  it('changing the secret makes the next session request fail to decrypt the old token', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const secret = store.getState().config.secret
    store.getState().changeSecret()
    expect(store.getState().config.secret).not.toBe(secret)
    expect(store.getState().playground.getConfig().secret).toBe(store.getState().config.secret)
    const session = (await store.getState().getSession())!
    expect(session.result).toMatchObject({ session: null, status: 'unauthenticated' })
  })

  it('an https site URL gives __Secure- cookie names', async () => {
    const store = createAppStore()
    store.getState().setConfig({ siteUrl: 'https://localhost:3000' })
    const trace = (await store.getState().signIn(demo.email, demo.password))!
    expect(trace.jarAfter.map((c) => c.name)).toContain('__Secure-next-auth.session-token')
    expect(trace.jarAfter.find((c) => c.name === '__Secure-next-auth.session-token')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' })
    expectJarReplays(trace)
  })

  it('a large claim is chunked into .0 and .1 cookies, and the replay keeps them in order', async () => {
    const store = createAppStore()
    store.getState().setConfig({ users: [{ ...demo, name: 'A'.repeat(5000) }] })
    const trace = (await store.getState().signIn(demo.email, demo.password))!
    const names = trace.jarAfter.map((c) => c.name)
    expect(names).toEqual(expect.arrayContaining(['next-auth.session-token.0', 'next-auth.session-token.1']))
    expectJarReplays(trace)
  })

  it('signs out: the session cookie is deleted and the status is unauthenticated', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const out = (await store.getState().signOut())!
    expectJarReplays(out)
    expect(out.jarAfter.map((c) => c.name)).not.toContain('next-auth.session-token')
    expect(store.getState().useSessionStatus).toBe('unauthenticated')
  })

  it('clear cookies empties the jar; visiting a protected page then redirects', async () => {
    const { store, signIn } = signedInStore()
    await signIn()
    const cleared = (await store.getState().clearCookies())!
    expect(cleared.jarAfter).toEqual([])
    const visit = (await store.getState().visitProtectedPage('/dashboard'))!
    expect(visit.result).toMatchObject({ flow: 'visitProtectedPage', authorized: false, token: null })
  })

  it('switching the flavour to Auth.js gives authjs cookie names', async () => {
    const store = createAppStore()
    store.getState().setConfig({ flavor: 'authjs' })
    const trace = (await store.getState().signIn(demo.email, demo.password))!
    expect(trace.flavor).toBe('authjs')
    expect(trace.jarAfter.map((c) => c.name)).toContain('authjs.session-token')
    expectJarReplays(trace)
  })

  it('drops the late result of an older run and shows only the newest', async () => {
    const store = createAppStore()
    const plain = createDefaultRunner()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow: CallbackRunner = { run: async (...args) => (await gate, plain.run(...args)) }
    store.getState().setCallbackRunner(slow)
    const first = store.getState().signIn(demo.email, demo.password)
    const second = store.getState().getSession()
    expect(store.getState().runStatus).toBe('running')
    release()
    await expect(first).resolves.toBeNull()
    const shown = await second
    expect(shown?.flow).toBe('getSession')
    expect(store.getState().lastTrace).toBe(shown)
    expect(store.getState().traces).toEqual([shown])
    expect(store.getState().runStatus).toBe('idle')
  })

  it('records an engine error that stops a run, and explains nothing it cannot', async () => {
    const store = createAppStore()
    const { playground } = store.getState()
    store.setState({ playground: { ...playground, run: async () => Promise.reject(new EngineError('CONFIG_INVALID', 'bad config')) } })
    await expect(store.getState().getSession()).resolves.toBeNull()
    expect(store.getState()).toMatchObject({ runStatus: 'error', runError: { code: 'CONFIG_INVALID', message: 'bad config' }, lastTrace: null })
  })

  it('lets a bug (a plain Error) surface instead of swallowing it', async () => {
    const store = createAppStore()
    const { playground } = store.getState()
    store.setState({ playground: { ...playground, run: async () => Promise.reject(new Error('bug')) } })
    await expect(store.getState().getSession()).rejects.toThrow('bug')
    expect(store.getState()).toMatchObject({ runStatus: 'error', runError: null })
    // The queue survives: the next run works.
    store.setState({ playground })
    await expect(store.getState().getSession()).resolves.not.toBeNull()
    expect(store.getState().runStatus).toBe('idle')
  })
})

describe('run slice: warming the callback sandbox', () => {
  const realWorker = (globalThis as { Worker?: unknown }).Worker
  afterEach(() => {
    ;(globalThis as { Worker?: unknown }).Worker = realWorker
  })

  /** Stands in for the browser's Worker; counts how many were started. */
  function fakeWorkerClass() {
    const started: string[] = []
    class FakeWorker {
      onmessage = null
      onerror = null
      onmessageerror = null
      constructor(url: URL | string) {
        started.push(String(url))
      }
      postMessage() {}
      terminate() {}
      addEventListener() {}
      removeEventListener() {}
    }
    return { FakeWorker, started }
  }

  it('starts one worker ahead of the first run, and only one', async () => {
    const { FakeWorker, started } = fakeWorkerClass()
    ;(globalThis as { Worker?: unknown }).Worker = FakeWorker
    const store = createAppStore()
    store.getState().warmSandbox()
    expect(started).toHaveLength(1)
    expect(started[0]).toMatch(/worker/)
    store.getState().warmSandbox()
    expect(started).toHaveLength(1)
  })

  it('does nothing where there is no Worker, or when a runner is plugged in', () => {
    ;(globalThis as { Worker?: unknown }).Worker = undefined
    expect(() => createAppStore().getState().warmSandbox()).not.toThrow()
    const { FakeWorker, started } = fakeWorkerClass()
    ;(globalThis as { Worker?: unknown }).Worker = FakeWorker
    const store = createAppStore()
    store.getState().setCallbackRunner(createDefaultRunner())
    store.getState().warmSandbox()
    expect(started).toHaveLength(0)
  })
})

describe('resetPlayground', () => {
  it('starts a fresh browser, server and clock, and keeps the configuration and the editors’ code', async () => {
    const { store, signIn } = signedInStore()
    store.getState().setCallbackRunner(createDefaultRunner())
    store.getState().setConfig({ users: [demo], session: { ...store.getState().config.session, maxAge: 120 } })
    store.getState().setEditorCode('jwt', '// mine')
    await signIn()
    await store.getState().advanceClock(400 * DAY)
    const before = store.getState()
    before.resetPlayground()
    const after = store.getState()
    expect(after.playground).not.toBe(before.playground)
    expect(after).toMatchObject({ lastTrace: null, traces: [], cursor: -1, runStatus: 'idle', useSessionStatus: 'unauthenticated' })
    expect(after.nowSec).toBeLessThan(before.nowSec)
    expect(after.playground.jar.list()).toEqual([])
    expect(after.playground.getConfig()).toMatchObject({ users: [demo], session: { maxAge: 120 } })
    expect(after.config).toBe(before.config)
    expect(after.editorCode.jwt).toBe('// mine')
  })

  it('drops the result of a run still in flight', async () => {
    const { store, signIn } = signedInStore()
    store.getState().setCallbackRunner(createDefaultRunner())
    const pending = signIn()
    store.getState().resetPlayground()
    await expect(pending).resolves.toBeNull()
    expect(store.getState().lastTrace).toBeNull()
  })
})
