// The sandbox host: the CallbackRunner the flows call when the learner edits callbacks. It runs each
// call in a module Web Worker (worker.ts) with a time limit; on timeout or crash it terminates the
// worker and starts a fresh one. The only engine file that touches `Worker`: it starts one as soon as
// the runner is made, hands it each new source to compile, and keeps the compiled JavaScript, so a
// replacement worker boots without the TypeScript compiler. JavaScript from outside (the shipped starter
// code, an injected store that outlives the page) is used only for exactly its source and format.
import { EngineError, type SerializedEngineError } from '../errors'
import type { CallbackContext, CallbackResult, CallbackRunner, FlowFlavor } from '../flow/types'
import { COMPILED_FORMAT, COMPILED_WORKER_NAME, isSandboxCallback, SANDBOX_CALLBACK_NAMES, SANDBOX_DEFAULT_TIMEOUT_MS, type CompiledRecord, type HostToWorker, type RunReply, type SandboxCallbackName, type WarmMessage, type WarmReply, type WorkerToHost } from './protocol'
import { STARTER_CODE } from './starterCode'
import { STARTER_COMPILED, STARTER_COMPILED_FORMAT } from './starterCompiled'

export type SandboxSources = Partial<Record<SandboxCallbackName, string>>

/** The callback runner backed by the worker sandbox. */
export interface SandboxRunner extends CallbackRunner {
  /** The learner's source for each callback (merged into what was set before). */
  setSources(sources: SandboxSources): void
  /**
   * Whether `source` compiles in the worker, as a run would find: null when it does, else the error
   * the run would report (SANDBOX_SYNTAX_ERROR). Null too when no worker can tell (none, or disposed);
   * the error that kept the worker from telling when its check failed (not kept: asked again next time).
   * Only asks: the sources calls run stay what `setSources` made them.
   */
  checkSource(name: SandboxCallbackName, source: string): Promise<SerializedEngineError | null>
  /** Stop the worker; later calls answer SANDBOX_UNAVAILABLE. */
  dispose(): void
}

/** The part of `Worker` the host uses (a fake in node tests). */
export interface WorkerLike {
  postMessage(message: HostToWorker): void
  terminate(): void
  onmessage: ((event: { data: WorkerToHost }) => void) | null
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null
  onmessageerror?: ((event: unknown) => void) | null
}

/**
 * Where the worker's JavaScript outlives the runner (the app: localStorage), one record per callback.
 * The host uses a record only when its source and `format` equal the current source and COMPILED_FORMAT
 * exactly; a store that throws counts as empty.
 */
export interface CompiledStore {
  read(name: SandboxCallbackName): CompiledRecord | null
  write(name: SandboxCallbackName, record: CompiledRecord): void
}

export interface SandboxRunnerOptions {
  /** Time limit of one call, default 1000 ms. */
  timeoutMs?: number
  /** How long a new worker may take to start before the sandbox counts as unavailable. */
  startTimeoutMs?: number
  /** Runs callbacks that have no source here (e.g. `signIn`, `redirect`); without it they answer SANDBOX_UNAVAILABLE. */
  fallback?: CallbackRunner
  /** Makes the worker; the default starts worker.ts as a module worker. `needsCompiler`: some source has no compiled JavaScript yet. */
  createWorker?: (options: { needsCompiler: boolean }) => WorkerLike
  /** The sources to start with (as `setSources`), known before the first worker starts: with their JavaScript at hand it boots without sucrase. */
  sources?: SandboxSources
  /** Keeps the worker's JavaScript across runners (reloads); read when a source's JavaScript is not in memory, written when the worker compiles a current source. */
  compiledStore?: CompiledStore
}

function defaultCreateWorker({ needsCompiler }: { needsCompiler: boolean }): WorkerLike {
  // Two literal calls: Vite finds worker entries by this exact shape.
  const worker = needsCompiler
    ? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'callbacks' })
    : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: COMPILED_WORKER_NAME })
  return worker as unknown as WorkerLike
}

function failure(error: EngineError, durationMs: number): CallbackResult {
  return { ok: false, error: error.toJSON(), logs: [], durationMs }
}

const MAX_KEPT = 36

/** A Map that forgets its oldest entry past `MAX_KEPT`. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_KEPT) map.delete(map.keys().next().value as string)
}

/** Whether `record` (from outside the host: a store, the shipped starter code) is the JavaScript of exactly `source` under the current compiler. */
/** The shipped JavaScript of `source` when it is a flavour's untouched starting code, made under today's format. */
function shippedRecordOf(name: SandboxCallbackName, source: string): CompiledRecord | undefined {
  if (STARTER_COMPILED_FORMAT !== COMPILED_FORMAT) return undefined
  for (const flavor of Object.keys(STARTER_CODE) as FlowFlavor[]) {
    if (STARTER_CODE[flavor][name] === source) return { source, compiled: STARTER_COMPILED[flavor][name], format: COMPILED_FORMAT }
  }
  return undefined
}

function isCompiledRecordOf(record: unknown, source: string): record is CompiledRecord {
  if (record === null || typeof record !== 'object') return false
  const { source: kept, compiled, format } = record as Partial<CompiledRecord>
  return kept === source && format === COMPILED_FORMAT && typeof compiled === 'string'
}

interface LiveWorker {
  worker: WorkerLike
  ready: Promise<void>
  /** Settles the call in flight (if any) when the worker dies. */
  onDeath?: (error: SerializedEngineError) => void
  onReply?: (reply: RunReply) => void
  onStarted?: (id: number) => void
  /** Sources sent in each warm message still unanswered, by message id, and which of them went with JavaScript from outside. */
  warming: Map<number, { sources: SandboxSources; fromOutside: SandboxCallbackName[] }>
}

/**
 * Creates the worker-backed callback runner.
 * @example
 * const runner = createSandboxRunner({ timeoutMs: 1000 })
 * runner.setSources({ jwt: 'export const callbacks = { async jwt({ token }) { return token } }' })
 * const result = await runner.run('jwt', [{ token: {} }], { users: [], timer: () => performance.now() })
 */
export function createSandboxRunner(options: SandboxRunnerOptions = {}): SandboxRunner {
  const timeoutMs = options.timeoutMs ?? SANDBOX_DEFAULT_TIMEOUT_MS
  const startTimeoutMs = options.startTimeoutMs ?? 15_000
  const createWorker = options.createWorker ?? defaultCreateWorker
  const store = options.compiledStore
  const sources: SandboxSources = {}
  /** JavaScript the worker compiled, by callback and source: a fresh worker gets it and skips sucrase. */
  const compiled = new Map<string, string>()
  /** Of those, the ones that came from outside and no worker has accepted yet. */
  const unproven = new Set<string>()
  /** Sources whose JavaScript from outside the worker refused: only the compiler's own output is used for them. */
  const refused = new Set<string>()
  /** The source whose JavaScript the store holds, per callback, as far as this runner knows. */
  const stored = new Map<SandboxCallbackName, string>()
  /** What the worker said about each source: null = compiles. */
  const verdicts = new Map<string, SerializedEngineError | null>()
  /** Checks still waiting for a worker's answer, by key; a worker that dies hands them to the next one. */
  const waiting = new Map<string, { name: SandboxCallbackName; source: string; resolvers: ((verdict: SerializedEngineError | null) => void)[] }>()
  let live: LiveWorker | null = null
  let disposed = false
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()

  const keyOf = (name: SandboxCallbackName, source: string) => `${name}\n${source}`

  /** The store's record for `name` if it is `source`'s; a store that fails is as good as an empty one. */
  function readStore(name: SandboxCallbackName, source: string): CompiledRecord | undefined {
    if (!store) return undefined
    let record: unknown
    try {
      record = store.read(name)
    } catch {
      // Broken storage only costs the compile the store would have saved.
      return undefined
    }
    if (!isCompiledRecordOf(record, source)) return undefined
    stored.set(name, source)
    return record
  }

  /** Puts the current source's JavaScript in the store, unless it holds it already or it ships with the app. */
  function keep(name: SandboxCallbackName, source: string, code: string): void {
    if (!store || stored.get(name) === source || shippedRecordOf(name, source)) return
    stored.set(name, source)
    try {
      store.write(name, { source, compiled: code, format: COMPILED_FORMAT })
    } catch {
      // Not kept: the next visit compiles this source again.
    }
  }

  /** The JavaScript of `source`: compiled before in this runner, shipped (starting code), or kept in the store. */
  function knownCompiled(name: SandboxCallbackName, source: string): string | undefined {
    const key = keyOf(name, source)
    const kept = compiled.get(key)
    if (kept !== undefined || refused.has(key)) return kept
    const record = shippedRecordOf(name, source) ?? readStore(name, source)
    if (!record) return undefined
    remember(compiled, key, record.compiled)
    unproven.add(key)
    return record.compiled
  }

  function settleWaiters(key: string, verdict: SerializedEngineError | null): void {
    for (const resolve of waiting.get(key)?.resolvers ?? []) resolve(verdict)
    waiting.delete(key)
  }

  /** Whether a warm message with exactly this source is on its way to `entry`, or being compiled there. */
  function isWarming(entry: LiveWorker, name: SandboxCallbackName, source: string): boolean {
    return [...entry.warming.values()].some((sent) => sent.sources[name] === source)
  }

  function onWarmed(entry: LiveWorker, reply: WarmReply): void {
    const warming = entry.warming.get(reply.id)
    entry.warming.delete(reply.id)
    if (!warming) return
    const { sources: sent, fromOutside } = warming
    if (reply.error) {
      // The worker could not check these sources at all (not the learner's doing): say why, keep nothing.
      for (const name of SANDBOX_CALLBACK_NAMES) if (sent[name] !== undefined) settleWaiters(keyOf(name, sent[name]), reply.error)
      return
    }
    const retry: SandboxSources = {}
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const source = sent[name]
      const result = reply.results[name]
      if (source === undefined || !result) continue
      const key = keyOf(name, source)
      if (fromOutside.includes(name)) {
        unproven.delete(key)
        if (!result.ok) {
          // JavaScript from outside that does not build says nothing about the source: compile it afresh.
          compiled.delete(key)
          refused.add(key)
          if (stored.get(name) === source) stored.delete(name)
          retry[name] = source
          continue
        }
      }
      if (result.ok) {
        remember(compiled, key, result.compiled)
        if (sources[name] === source) keep(name, source, result.compiled)
      }
      const verdict = result.ok ? null : result.error
      remember(verdicts, key, verdict)
      settleWaiters(key, verdict)
    }
    if (Object.keys(retry).length > 0 && live === entry) warm(entry, retry)
  }

  function kill(target: LiveWorker, error: SerializedEngineError): void {
    if (live === target) live = null
    target.worker.onmessage = null
    target.worker.onerror = null
    target.worker.terminate()
    // Its unanswered warms are not lost: the next worker compiles the current sources and every check still waiting.
    target.warming.clear()
    target.onDeath?.(error)
  }

  /** Start a worker now (also right after a timeout, so the next call finds it booted). */
  function spawn(): LiveWorker | EngineError {
    let worker: WorkerLike
    const current = SANDBOX_CALLBACK_NAMES.filter((name) => sources[name] !== undefined)
    const needsCompiler = current.length === 0 || current.some((name) => knownCompiled(name, sources[name]!) === undefined)
    try {
      worker = createWorker({ needsCompiler })
    } catch (error) {
      return new EngineError('SANDBOX_UNAVAILABLE', `the callback worker could not start: ${(error as Error).message}`, { cause: error, details: { reason: 'no-worker' } })
    }
    let markReady!: () => void
    let markFailed!: (error: Error) => void
    const entry: LiveWorker = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve
        markFailed = reject
      }),
      warming: new Map(),
    }
    entry.ready.catch(() => {})
    worker.onmessage = (event) => {
      const data = event.data
      if (data.type === 'ready') markReady()
      else if (data.type === 'warmed') onWarmed(entry, data)
      else if (data.type === 'started') entry.onStarted?.(data.id)
      else entry.onReply?.(data)
    }
    worker.onerror = (event) => {
      event.preventDefault?.()
      const message = event.message || 'the worker failed'
      markFailed(new Error(message))
      kill(entry, new EngineError('SANDBOX_CRASHED', `the callback worker crashed: ${message}`, { details: { reason: message } }).toJSON())
    }
    worker.onmessageerror = () => kill(entry, new EngineError('SANDBOX_CRASHED', 'a message from the callback worker could not be read').toJSON())
    live = entry
    // A replacement worker (after a timeout or crash) gets the current sources too, compiled where known,
    // and the checks the dead one left unanswered.
    warm(entry, sources)
    for (const { name, source } of waiting.values()) if (!isWarming(entry, name, source)) warm(entry, { [name]: source })
    return entry
  }

  /** Once `entry` is ready, has it compile `next` ahead of their first call; it answers whether each compiles. */
  function warm(entry: LiveWorker, next: SandboxSources): void {
    const sent: SandboxSources = {}
    const fromOutside: SandboxCallbackName[] = []
    const payload: WarmMessage['sources'] = {}
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const source = next[name]
      if (typeof source !== 'string') continue
      sent[name] = source
      const known = knownCompiled(name, source)
      payload[name] = known === undefined ? { source } : { source, compiled: known }
      if (known !== undefined && unproven.has(keyOf(name, source))) fromOutside.push(name)
    }
    if (Object.keys(sent).length === 0) return
    const id = nextId++
    entry.warming.set(id, { sources: sent, fromOutside })
    const message: HostToWorker = { type: 'warm', id, sources: payload }
    // Queued on `ready` before any call awaits it, so the warm message reaches the worker first.
    // A worker that never gets ready is reported by the call that waits for it.
    entry.ready.then(() => {
      if (live === entry) entry.worker.postMessage(message)
    }, () => {})
  }

  /** Waits until `entry` has booted; an answer here means it did not. */
  async function whenReady(entry: LiveWorker, name: SandboxCallbackName): Promise<CallbackResult | null> {
    let startTimer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([
        entry.ready,
        new Promise<never>((_, reject) => {
          startTimer = setTimeout(() => reject(new Error(`no answer within ${startTimeoutMs} ms`)), startTimeoutMs)
        }),
      ])
      return null
    } catch (error) {
      kill(entry, new EngineError('SANDBOX_UNAVAILABLE', 'the callback worker did not start').toJSON())
      return failure(new EngineError('SANDBOX_UNAVAILABLE', `the callback worker did not start: ${(error as Error).message}`, { details: { callback: name, reason: 'start-failed' } }), 0)
    } finally {
      clearTimeout(startTimer)
    }
  }

  /**
   * One attempt of a call on `entry`. 'not-started' when the time limit passed before the worker even
   * began the call (it was still busy with something else): the callback's code never ran, so it is
   * not to blame, and the call is tried once more on the fresh worker.
   */
  function attempt(entry: LiveWorker, name: SandboxCallbackName, message: Omit<Extract<HostToWorker, { type: 'run' }>, 'id'>): Promise<CallbackResult | 'not-started'> {
    const id = nextId++
    const started = performance.now()
    let began = false
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const settle = (result: CallbackResult | 'not-started') => {
        clearTimeout(timer)
        entry.onReply = undefined
        entry.onDeath = undefined
        entry.onStarted = undefined
        resolve(result)
      }
      entry.onStarted = (startedId) => {
        if (startedId === id) began = true
      }
      entry.onReply = (reply) => {
        if (reply.id !== id) return
        settle(reply.ok ? { ok: true, value: reply.value, logs: reply.logs, durationMs: reply.durationMs, ...(reply.returnedArgument ? { returnedArgument: reply.returnedArgument } : {}) } : { ok: false, error: reply.error, logs: reply.logs, durationMs: reply.durationMs })
      }
      entry.onDeath = (error) => {
        const elapsedMs = performance.now() - started
        settle({ ok: false, error: { ...error, details: { ...error.details, callback: name, elapsedMs } }, logs: [], durationMs: elapsedMs })
      }
      timer = setTimeout(() => {
        const elapsedMs = Math.round(performance.now() - started)
        const error = new EngineError('SANDBOX_TIMEOUT', `${name} did not finish within ${timeoutMs} ms`, { details: { callback: name, timeoutMs, elapsedMs } })
        entry.onDeath = undefined
        kill(entry, error.toJSON())
        if (!disposed) spawn()
        settle(began ? failure(error, elapsedMs) : 'not-started')
      }, timeoutMs)
      try {
        entry.worker.postMessage({ ...message, id })
      } catch (error) {
        // The arguments could not be cloned: a bug on our side, not the learner's.
        clearTimeout(timer)
        throw error
      }
    })
  }

  async function call(name: SandboxCallbackName, source: string, args: unknown[], context: CallbackContext): Promise<CallbackResult> {
    // The flow says when an argument is the plain form of a Web Request; the worker rebuilds it.
    const message = { type: 'run' as const, callback: name, source, args, users: context.users, ...(context.webRequestArg ? { webRequestArg: true } : {}) }
    for (let tries = 0; ; tries++) {
      if (disposed) return failure(new EngineError('SANDBOX_UNAVAILABLE', 'the sandbox was disposed', { details: { callback: name, reason: 'disposed' } }), 0)
      const entry = live ?? spawn()
      if (entry instanceof EngineError) return failure(entry, 0)
      const unavailable = await whenReady(entry, name)
      if (unavailable) return unavailable
      const outcome = await attempt(entry, name, message)
      if (outcome !== 'not-started') return outcome
      if (tries > 0) {
        return failure(new EngineError('SANDBOX_TIMEOUT', `${name} did not start within ${timeoutMs} ms`, { details: { callback: name, timeoutMs, elapsedMs: timeoutMs, reason: 'not-started' } }), timeoutMs)
      }
    }
  }

  for (const name of SANDBOX_CALLBACK_NAMES) {
    const source = options.sources?.[name]
    if (typeof source === 'string') sources[name] = source
  }
  // Start the worker now, not on the first call: by the time a flow calls back, it has booted.
  // Where there is no Worker the first call reports SANDBOX_UNAVAILABLE, so the error is not lost.
  spawn()

  function setSources(next: SandboxSources): void {
    const changed: SandboxSources = {}
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const source = next[name]
      if (typeof source === 'string' && source !== sources[name]) changed[name] = sources[name] = source
    }
    if (live && !disposed) warm(live, changed)
  }

  return {
    setSources,
    checkSource(name, source) {
      const key = keyOf(name, source)
      const known = verdicts.get(key)
      if (known !== undefined) return Promise.resolve(known)
      if (disposed) return Promise.resolve(null)
      const pending = new Promise<SerializedEngineError | null>((resolve) => {
        const check = waiting.get(key) ?? { name, source, resolvers: [] }
        check.resolvers.push(resolve)
        waiting.set(key, check)
      })
      // A new worker is sent every waiting check; a live one only what it is not compiling already.
      const entry = live ?? spawn()
      if (entry instanceof EngineError) {
        for (const waitingKey of [...waiting.keys()]) settleWaiters(waitingKey, null)
      } else if (!isWarming(entry, name, source)) {
        // Compiled without becoming current: a check never changes what the next run executes.
        warm(entry, { [name]: source })
      }
      return pending
    },
    run(name, args, context) {
      const source = isSandboxCallback(name) ? sources[name] : undefined
      if (source === undefined) {
        if (options.fallback) return options.fallback.run(name, args, context)
        return Promise.resolve(failure(new EngineError('SANDBOX_UNAVAILABLE', `no source for the ${name} callback`, { details: { callback: name, reason: 'no-source' } }), 0))
      }
      // One call at a time, so each time limit measures only its own call.
      const result = queue.then(() => call(name as SandboxCallbackName, source, args, context))
      queue = result.catch(() => {})
      return result
    },
    dispose() {
      disposed = true
      if (live) kill(live, new EngineError('SANDBOX_UNAVAILABLE', 'the sandbox was disposed', { details: { reason: 'disposed' } }).toJSON())
      for (const key of [...waiting.keys()]) settleWaiters(key, null)
    },
  }
}
