// The sandbox host with a fake worker (Node has no Web Worker): time limits, fresh workers after a
// timeout or crash, one call at a time, and a clean SANDBOX_UNAVAILABLE where workers do not exist.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDefaultRunner, createPlayground, createSandboxRunner, createSeededRandom, type CompiledRecord, type CompiledStore, type WorkerLike } from '../../../src/engine'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'
import { COMPILED_FORMAT, COMPILED_WORKER_NAME, type HostToWorker, type RunMessage, type SandboxCallbackName, type WarmMessage, type WorkerToHost } from '../../../src/engine/sandbox/protocol'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'
import { STARTER_COMPILED } from '../../../src/engine/sandbox/starterCompiled'
import { transpile } from '../../../src/engine/sandbox/transpile'

interface FakeWorkerOptions {
  /** The first run never starts: the worker is still busy with something else. */
  busyFirstRun?: boolean
  /** Counts how often a worker loads sucrase. */
  sucraseLoads?: { count: number }
  /** Every message the worker receives. */
  messages?: HostToWorker[]
  /** While `broken` is true the compiler throws a TypeError: a failure of the worker's own, not of the source. */
  compiler?: { broken: boolean }
}

/**
 * A worker that runs the real handler in-process, or hangs when the source says `hang`: then, like a
 * real worker stuck in a loop, it answers nothing more, warm messages included.
 */
function createFakeWorker(log: string[], options: FakeWorkerOptions = {}): WorkerLike {
  const handle = createWorkerHandler(globalThis, {
    loadTranspiler: () => {
      if (options.sucraseLoads) options.sucraseLoads.count++
      const compiler = options.compiler
      if (!compiler) return import('../../../src/engine/sandbox/transpile')
      return import('../../../src/engine/sandbox/transpile').then((real) => ({
        transpile: (name: SandboxCallbackName, source: string) => {
          if (compiler.broken) throw new TypeError('the compiler broke')
          return real.transpile(name, source)
        },
        transpileWithMap: real.transpileWithMap,
      }))
    },
  })
  let busy = options.busyFirstRun === true
  let stuck = false
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: HostToWorker) {
      options.messages?.push(structuredClone(message))
      if (message.type === 'warm') {
        log.push(`warm ${Object.keys(message.sources).join(',')}`)
        if (stuck) return
        void handle.answerWarm(message).then((reply) => worker.onmessage?.({ data: reply }))
        return
      }
      log.push(`run ${message.callback}`)
      if (busy) {
        busy = false
        return
      }
      queueMicrotask(() => worker.onmessage?.({ data: { type: 'started', id: message.id } }))
      if (message.source.includes('hang')) {
        stuck = true
        return
      }
      if (message.source.includes('crash')) {
        queueMicrotask(() => worker.onerror?.({ message: 'boom' }))
        return
      }
      void handle(message).then((reply) => worker.onmessage?.({ data: reply }))
    },
    terminate() {
      log.push('terminate')
    },
  }
  queueMicrotask(() => worker.onmessage?.({ data: { type: 'ready' } as WorkerToHost }))
  log.push('spawn')
  return worker
}

const JWT = 'export const callbacks = { async jwt({ token }: any) { return { ...token, seen: true } } }'
const context = { users: [], timer: () => 0 }

/** Lets fake timers run, a millisecond at a time, until `promise` settles (the worker does real I/O meanwhile); then its value. */
async function settles<T>(promise: Promise<T>): Promise<T> {
  let settled = false
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  )
  await vi.waitFor(async () => {
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
  })
  return promise
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createSandboxRunner', () => {
  it('answers SANDBOX_UNAVAILABLE in plain Node, where there is no Worker', async () => {
    const runner = createSandboxRunner()
    runner.setSources({ jwt: JWT })
    const result = await runner.run('jwt', [{ token: {} }], context)
    expect(result).toMatchObject({ ok: false, error: { code: 'SANDBOX_UNAVAILABLE', details: { reason: 'no-worker' } } })
  })

  it('runs a callback in the worker and returns its value, logs and duration', async () => {
    const log: string[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker(log) })
    runner.setSources({ jwt: JWT })
    const result = await runner.run('jwt', [{ token: { a: 1 } }], context)
    expect(result).toMatchObject({ ok: true, value: { a: 1, seen: true }, logs: [] })
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
    await runner.run('jwt', [{ token: {} }], context)
    expect(log.filter((entry) => entry === 'spawn')).toHaveLength(1)
  })

  it('times out after timeoutMs, terminates the worker, starts a fresh one and recovers', async () => {
    vi.useFakeTimers()
    const log: string[] = []
    const runner = createSandboxRunner({ timeoutMs: 250, createWorker: () => createFakeWorker(log) })
    runner.setSources({ jwt: 'export function jwt() { /* hang */ }' })
    const pending = runner.run('jwt', [{ token: {} }], context)
    await vi.advanceTimersByTimeAsync(249)
    expect(log).not.toContain('terminate')
    await vi.advanceTimersByTimeAsync(1)
    const result = await pending
    expect(result).toMatchObject({ ok: false, error: { code: 'SANDBOX_TIMEOUT', details: { callback: 'jwt', timeoutMs: 250, elapsedMs: 250 } } })
    expect(log).toEqual(['spawn', 'warm jwt', 'run jwt', 'terminate', 'spawn', 'warm jwt'])
    runner.setSources({ jwt: JWT })
    // The fresh worker loads sucrase (real I/O), then lets the call's due timers run (one task turn) before it answers.
    await expect(settles(runner.run('jwt', [{ token: {} }], context))).resolves.toMatchObject({ ok: true })
  })

  it('reports a crashed worker as SANDBOX_CRASHED and replaces it', async () => {
    const log: string[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker(log) })
    runner.setSources({ jwt: 'export function jwt() { /* crash */ }' })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_CRASHED', details: { callback: 'jwt' } } })
    runner.setSources({ jwt: JWT })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true })
    expect(log.filter((entry) => entry === 'spawn')).toHaveLength(2)
  })

  it('runs one call at a time, in order', async () => {
    const log: string[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker(log) })
    runner.setSources({ jwt: JWT, session: 'export function session({ session }: any) { return session }' })
    const [a, b] = await Promise.all([runner.run('jwt', [{ token: {} }], context), runner.run('session', [{ session: { expires: 'x' } }], context)])
    expect(a).toMatchObject({ ok: true, value: { seen: true } })
    expect(b).toMatchObject({ ok: true, value: { expires: 'x' } })
    expect(log).toEqual(['spawn', 'warm jwt,session', 'run jwt', 'run session'])
  })

  it('starts its worker when it is made and has it transpile each new source before the first call', async () => {
    const log: string[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker(log) })
    expect(log).toEqual(['spawn'])
    runner.setSources({ jwt: JWT })
    await Promise.resolve()
    await Promise.resolve()
    expect(log).toEqual(['spawn', 'warm jwt'])
    // Unchanged sources are not sent again; a changed one is.
    runner.setSources({ jwt: JWT })
    runner.setSources({ jwt: JWT, session: 'export function session({ session }: any) { return session }' })
    await runner.run('jwt', [{ token: {} }], context)
    expect(log).toEqual(['spawn', 'warm jwt', 'warm session', 'run jwt'])
  })

  it('sends callbacks without a source to the fallback runner, or answers SANDBOX_UNAVAILABLE', async () => {
    const fallback = { run: vi.fn(async () => ({ ok: true as const, value: true, logs: [], durationMs: 0 })) }
    const withFallback = createSandboxRunner({ fallback, createWorker: () => createFakeWorker([]) })
    await expect(withFallback.run('signIn', [{}], context)).resolves.toMatchObject({ ok: true, value: true })
    expect(fallback.run).toHaveBeenCalledWith('signIn', [{}], context)
    const without = createSandboxRunner({ createWorker: () => createFakeWorker([]) })
    await expect(without.run('jwt', [{}], context)).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_UNAVAILABLE', details: { reason: 'no-source' } } })
  })

  it('keeps sources not mentioned in a later setSources', async () => {
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([]) })
    runner.setSources({ jwt: JWT })
    runner.setSources({ session: 'export function session({ session }: any) { return session }' })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true })
  })

  it('answers SANDBOX_UNAVAILABLE after dispose', async () => {
    const log: string[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker(log) })
    runner.setSources({ jwt: JWT })
    await runner.run('jwt', [{ token: {} }], context)
    runner.dispose()
    expect(log).toContain('terminate')
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_UNAVAILABLE', details: { reason: 'disposed' } } })
  })
})

describe('createSandboxRunner: returnedArgument', () => {
  it('passes the worker\'s returnedArgument through to the flow', async () => {
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([]) })
    runner.setSources({ jwt: 'export function jwt({ token }: any) { return token }' })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true, returnedArgument: 'token' })
  })
})

describe('createSandboxRunner: compiled sources', () => {
  const BROKEN = 'export function jwt({ token }: any) {\n  return token +\n}\n'

  it('says whether a source compiles, as the worker found it', async () => {
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([]) })
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
    await expect(runner.checkSource('jwt', BROKEN)).resolves.toMatchObject({ code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 3 } })
    // Known answers come back without asking the worker again.
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
  })

  it('answers null where no worker can tell', async () => {
    const runner = createSandboxRunner()
    await expect(runner.checkSource('jwt', BROKEN)).resolves.toBeNull()
  })

  it('never changes which code the next run executes', async () => {
    const messages: HostToWorker[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([], { messages }) })
    runner.setSources({ jwt: JWT })
    const checked = 'export function jwt({ token }: any) { return { ...token, checked: true } }'
    await expect(runner.checkSource('jwt', checked)).resolves.toBeNull()
    await expect(runner.checkSource('jwt', BROKEN)).resolves.toMatchObject({ code: 'SANDBOX_SYNTAX_ERROR' })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true, value: { seen: true } })
    expect(messages.filter((m): m is RunMessage => m.type === 'run').map((m) => m.source)).toEqual([JWT])
  })

  it("hands the checks a timed-out worker never answered to the next worker, which answers them", async () => {
    vi.useFakeTimers()
    const log: string[] = []
    const runner = createSandboxRunner({ timeoutMs: 100, createWorker: () => createFakeWorker(log) })
    runner.setSources({ session: 'export function session() { /* hang */ }' })
    const stuck = runner.run('session', [{ session: {} }], context)
    await vi.advanceTimersByTimeAsync(0)
    // Asked while the worker is stuck in the session callback (two versions of one editor): their answers die with it.
    const first = runner.checkSource('jwt', BROKEN)
    const second = runner.checkSource('jwt', `// edited\n${BROKEN}`)
    await vi.advanceTimersByTimeAsync(100)
    await expect(stuck).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_TIMEOUT' } })
    await expect(settles(Promise.all([first, second]))).resolves.toMatchObject([
      { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 3 } },
      { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 4 } },
    ])
    expect(log.filter((entry) => entry === 'spawn')).toHaveLength(2)
  })

  it('says why a check failed when the worker could not compile at all, and asks again next time', async () => {
    const compiler = { broken: true }
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([], { compiler }) })
    const failed = await runner.checkSource('jwt', JWT)
    expect(failed).toMatchObject({ code: 'SANDBOX_UNAVAILABLE', details: { reason: 'check-failed' } })
    expect(failed?.message).toContain('TypeError: the compiler broke')
    // Not kept as the verdict of the source: the next check asks the worker again.
    compiler.broken = false
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
  })

  it('gives a replacement worker the JavaScript it already has, so it boots without sucrase', async () => {
    vi.useFakeTimers()
    const loads = { count: 0 }
    const messages: HostToWorker[] = []
    const spawned: boolean[] = []
    const runner = createSandboxRunner({
      timeoutMs: 100,
      createWorker: ({ needsCompiler }) => {
        spawned.push(needsCompiler)
        return createFakeWorker([], { sucraseLoads: loads, messages })
      },
    })
    runner.setSources({ jwt: JWT, session: 'export function session({ session }: any) {\n  while (true) {} // hang\n}' })
    await vi.waitFor(() => expect(messages.some((m) => m.type === 'warm')).toBe(true))
    const first = await runner.checkSource('jwt', JWT)
    expect(first).toBeNull()
    const loadsBefore = loads.count
    const timedOut = runner.run('session', [{ session: {} }], context)
    await vi.advanceTimersByTimeAsync(100)
    await expect(timedOut).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_TIMEOUT' } })
    const warms = messages.filter((m): m is WarmMessage => m.type === 'warm')
    expect(warms.at(-1)?.sources.jwt).toMatchObject({ source: JWT, compiled: expect.stringContaining('seen: true') })
    await expect(settles(runner.run('jwt', [{ token: {} }], context))).resolves.toMatchObject({ ok: true, value: { seen: true } })
    // Both sources compiled in the first worker, so the new one never loads sucrase, and is told so.
    expect(loads.count - loadsBefore).toBe(0)
    expect(spawned).toEqual([true, false])
  })
})

describe('createSandboxRunner: blame', () => {
  it('does not blame a callback whose code never started: it tries once more on a fresh worker', async () => {
    vi.useFakeTimers()
    const log: string[] = []
    let workers = 0
    const runner = createSandboxRunner({ timeoutMs: 100, createWorker: () => createFakeWorker(log, { busyFirstRun: workers++ === 0 }) })
    runner.setSources({ jwt: JWT })
    const result = runner.run('jwt', [{ token: {} }], context)
    await vi.advanceTimersByTimeAsync(100)
    await expect(settles(result)).resolves.toMatchObject({ ok: true, value: { seen: true } })
    expect(log.filter((entry) => entry === 'spawn')).toHaveLength(2)
  })
})

describe('createSandboxRunner: Auth.js authorize request', () => {
  it('has the worker rebuild a Web Request when the flow says the argument is one, never from its shape', async () => {
    const messages: HostToWorker[] = []
    const runner = createSandboxRunner({ createWorker: () => createFakeWorker([], { messages }) })
    runner.setSources({ authorize: 'export function authorize(credentials: any, request: any) {\n  return { id: request instanceof Request ? request.headers.get("x-test") : "plain" }\n}' })
    const plainRequest = { url: 'http://localhost:3000/api/auth/callback/credentials', method: 'POST', headers: { 'x-test': 'a-request' }, body: '{}' }
    const authjs = await runner.run('authorize', [{}, plainRequest], { ...context, webRequestArg: true })
    // The same shape without the flow's word stays a plain object, as does v4's req.
    const unmarked = await runner.run('authorize', [{}, plainRequest], context)
    const v4 = await runner.run('authorize', [{}, { query: {}, body: {}, headers: {}, method: 'POST' }], context)
    expect([authjs, unmarked, v4]).toMatchObject([{ ok: true, value: { id: 'a-request' } }, { ok: true, value: { id: 'plain' } }, { ok: true, value: { id: 'plain' } }])
    const runs = messages.filter((m): m is RunMessage => m.type === 'run')
    expect(runs.map((m) => m.webRequestArg === true)).toEqual([true, false, false])
  })
})

describe('createSandboxRunner in a flow', () => {
  it.each([
    ['authjs', 'a Request'],
    ['next-auth-v4', 'a plain object'],
  ] as const)('hands authorize the request the %s flow passes: %s', async (flavor, expected) => {
    const runner = createSandboxRunner({ fallback: createDefaultRunner(), createWorker: () => createFakeWorker([]) })
    runner.setSources({
      ...STARTER_CODE[flavor],
      authorize: `export function authorize(credentials: any, request: any) {\n  const user = users.find((u) => u.email === credentials.email)\n  return user ? { id: String(user.id), name: request instanceof Request ? 'a Request' : 'a plain object' } : null\n}`,
    })
    const playground = createPlayground({ config: { flavor }, nowSec: 1_700_000_000, random: createSeededRandom(1), runner })
    const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
    const returned = trace.events.find((event) => event.kind === 'callback.returned' && event.callback === 'authorize')
    expect(returned).toMatchObject({ value: { name: expected } })
    runner.dispose()
  })
})

/** A store in memory that records what the host asks of it. */
function createMemoryStore(records: Partial<Record<SandboxCallbackName, unknown>> = {}): CompiledStore & { writes: [SandboxCallbackName, CompiledRecord][] } {
  const writes: [SandboxCallbackName, CompiledRecord][] = []
  return {
    writes,
    read: (name) => (records[name] ?? null) as CompiledRecord | null,
    write(name, record) {
      writes.push([name, record])
      records[name] = record
    },
  }
}

/** `Worker` for the default createWorker: records each worker's name and runs the real handler in-process. */
function stubWorker(names: string[], options: FakeWorkerOptions): void {
  vi.stubGlobal(
    'Worker',
    class {
      constructor(_url: URL, init: { name: string }) {
        names.push(init.name)
        return createFakeWorker([], options)
      }
    },
  )
}

function firstWarm(messages: HostToWorker[]): WarmMessage {
  const warm = messages.find((m): m is WarmMessage => m.type === 'warm')
  if (!warm) throw new Error('no warm message')
  return warm
}

describe('createSandboxRunner: compiled JavaScript kept outside the runner', () => {
  const record = (source: string, overrides: Partial<CompiledRecord> = {}): CompiledRecord => ({ source, compiled: transpile('jwt', source), format: COMPILED_FORMAT, ...overrides })

  it('boots a worker named for compiled code and hands it the stored JavaScript when the store holds this source', async () => {
    const names: string[] = []
    const messages: HostToWorker[] = []
    const loads = { count: 0 }
    stubWorker(names, { messages, sucraseLoads: loads })
    const store = createMemoryStore({ jwt: record(JWT, { compiled: `${transpile('jwt', JWT)}\n// from the store` }) })
    const runner = createSandboxRunner({ sources: { jwt: JWT }, compiledStore: store })
    await expect(runner.run('jwt', [{ token: { a: 1 } }], context)).resolves.toMatchObject({ ok: true, value: { a: 1, seen: true } })
    expect(names).toEqual([COMPILED_WORKER_NAME])
    expect(firstWarm(messages).sources.jwt).toEqual({ source: JWT, compiled: expect.stringContaining('// from the store') })
    expect(loads.count).toBe(0)
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
    // It holds this source already: nothing to write.
    expect(store.writes).toEqual([])
  })

  it.each([
    ['holds nothing', null],
    ['holds another source', record(`${JWT}\n// another`)],
    ['holds another format', record(JWT, { format: 'sucrase 3.34.0, format 1' })],
    ['holds a record without its format', { source: JWT, compiled: transpile('jwt', JWT) }],
    ['holds something else', 'not a record'],
  ])('compiles with sucrase when the store %s, and keeps the result', async (_, stored) => {
    const names: string[] = []
    const messages: HostToWorker[] = []
    const loads = { count: 0 }
    stubWorker(names, { messages, sucraseLoads: loads })
    const store = createMemoryStore({ jwt: stored })
    const runner = createSandboxRunner({ sources: { jwt: JWT }, compiledStore: store })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true, value: { seen: true } })
    expect(names).toEqual(['callbacks'])
    expect(firstWarm(messages).sources.jwt).toEqual({ source: JWT })
    expect(loads.count).toBe(1)
    expect(store.writes).toEqual([['jwt', { source: JWT, compiled: transpile('jwt', JWT), format: COMPILED_FORMAT }]])
  })

  it('works as without a store when the store throws', async () => {
    const names: string[] = []
    stubWorker(names, {})
    const store: CompiledStore = {
      read: () => {
        throw new Error('SecurityError: storage is disabled')
      },
      write: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const runner = createSandboxRunner({ sources: { jwt: JWT }, compiledStore: store })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true, value: { seen: true } })
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
    expect(names).toEqual(['callbacks'])
  })

  it('never lets stored JavaScript that does not build stand for its source: it compiles the source and stores that', async () => {
    const names: string[] = []
    const loads = { count: 0 }
    stubWorker(names, { sucraseLoads: loads })
    const store = createMemoryStore({ jwt: record(JWT, { compiled: 'exports.callbacks = {' }) })
    const runner = createSandboxRunner({ sources: { jwt: JWT }, compiledStore: store })
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true, value: { seen: true } })
    expect(names).toEqual([COMPILED_WORKER_NAME])
    expect(loads.count).toBe(1)
    expect(store.writes).toEqual([['jwt', record(JWT)]])
  })

  it('stores what the worker compiles for the current source after an edit, not for sources edited away', async () => {
    const messages: HostToWorker[] = []
    const store = createMemoryStore()
    const runner = createSandboxRunner({ compiledStore: store, createWorker: () => createFakeWorker([], { messages }) })
    const edited = `${JWT}\n// edited`
    runner.setSources({ jwt: JWT })
    runner.setSources({ jwt: edited })
    await expect(runner.run('jwt', [{ token: {} }], context)).resolves.toMatchObject({ ok: true })
    await expect(runner.checkSource('jwt', JWT)).resolves.toBeNull()
    expect(store.writes.map(([name, { source }]) => [name, source])).toEqual([['jwt', edited]])
  })

  it('boots the first worker without sucrase for untouched starting code, from the JavaScript shipped with the app', async () => {
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const names: string[] = []
      const messages: HostToWorker[] = []
      const loads = { count: 0 }
      stubWorker(names, { messages, sucraseLoads: loads })
      const store = createMemoryStore()
      const runner = createSandboxRunner({ sources: STARTER_CODE[flavor], compiledStore: store })
      await expect(runner.run('jwt', [{ token: {}, user: { id: '1' } }], context)).resolves.toMatchObject({ ok: true, value: { id: '1' } })
      expect(names).toEqual([COMPILED_WORKER_NAME])
      const warm = firstWarm(messages)
      for (const name of ['authorize', 'jwt', 'session'] as const) {
        expect(warm.sources[name]).toEqual({ source: STARTER_CODE[flavor][name], compiled: STARTER_COMPILED[flavor][name] })
      }
      expect(loads.count).toBe(0)
      // Shipped with the app: not copied into the store.
      expect(store.writes).toEqual([])
      runner.dispose()
      vi.unstubAllGlobals()
    }
  })
})
