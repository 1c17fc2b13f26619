// The sandbox host: the CallbackRunner the flows call when the learner edits callbacks. It runs each
// call in a module Web Worker (worker.ts) with a time limit; on timeout or crash it terminates the
// worker and starts a fresh one. The only engine file that touches `Worker`: it starts one as soon as
// the runner is made, and hands it each new source to transpile, so the first call finds it warm.
import { EngineError, type SerializedEngineError } from '../errors'
import type { CallbackContext, CallbackName, CallbackResult, CallbackRunner } from '../flow/types'
import { SANDBOX_CALLBACK_NAMES, SANDBOX_DEFAULT_TIMEOUT_MS, type HostToWorker, type SandboxCallbackName, type WorkerToHost } from './protocol'

export type SandboxSources = Partial<Record<SandboxCallbackName, string>>

/** The callback runner backed by the worker sandbox. */
export interface SandboxRunner extends CallbackRunner {
  /** The learner's source for each callback (merged into what was set before). */
  setSources(sources: SandboxSources): void
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

export interface SandboxRunnerOptions {
  /** Time limit of one call, default 1000 ms. */
  timeoutMs?: number
  /** How long a new worker may take to start before the sandbox counts as unavailable. */
  startTimeoutMs?: number
  /** Runs callbacks that have no source here (e.g. `signIn`, `redirect`); without it they answer SANDBOX_UNAVAILABLE. */
  fallback?: CallbackRunner
  /** Makes the worker; the default starts worker.ts as a module worker. */
  createWorker?: () => WorkerLike
}

function defaultCreateWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
}

function isSandboxCallback(name: CallbackName): name is SandboxCallbackName {
  return (SANDBOX_CALLBACK_NAMES as readonly string[]).includes(name)
}

function failure(error: EngineError, durationMs: number): CallbackResult {
  return { ok: false, error: error.toJSON(), logs: [], durationMs }
}

interface LiveWorker {
  worker: WorkerLike
  ready: Promise<void>
  /** Settles the call in flight (if any) when the worker dies. */
  onDeath?: (error: SerializedEngineError) => void
  onReply?: (reply: Extract<WorkerToHost, { type: 'result' }>) => void
}

/**
 * Creates the worker-backed callback runner.
 * @example
 * const runner = createSandboxRunner({ timeoutMs: 1000 })
 * runner.setSources({ jwt: 'export const callbacks = { async jwt({ token }) { return token } }' })
 * const result = await runner.run('jwt', [{ token: {} }], { users: [] })
 */
export function createSandboxRunner(options: SandboxRunnerOptions = {}): SandboxRunner {
  const timeoutMs = options.timeoutMs ?? SANDBOX_DEFAULT_TIMEOUT_MS
  const startTimeoutMs = options.startTimeoutMs ?? 15_000
  const createWorker = options.createWorker ?? defaultCreateWorker
  const sources: SandboxSources = {}
  let live: LiveWorker | null = null
  let disposed = false
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()

  function kill(target: LiveWorker, error: SerializedEngineError): void {
    if (live === target) live = null
    target.worker.onmessage = null
    target.worker.onerror = null
    target.worker.terminate()
    target.onDeath?.(error)
  }

  /** Start a worker now (also right after a timeout, so the next call finds it booted). */
  function spawn(): LiveWorker | EngineError {
    let worker: WorkerLike
    try {
      worker = createWorker()
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
    }
    entry.ready.catch(() => {})
    worker.onmessage = (event) => {
      const data = event.data
      if (data.type === 'ready') markReady()
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
    // A replacement worker (after a timeout or crash) gets the current sources too.
    warm(entry, sources)
    return entry
  }

  /** Once `entry` is ready, has it transpile `next` ahead of their first call (no answer expected). */
  function warm(entry: LiveWorker, next: SandboxSources): void {
    if (!SANDBOX_CALLBACK_NAMES.some((name) => typeof next[name] === 'string')) return
    const message: HostToWorker = { type: 'warm', sources: { ...next } }
    // Queued on `ready` before any call awaits it, so the warm message reaches the worker first.
    // A worker that never gets ready is reported by the call that waits for it.
    entry.ready.then(() => {
      if (live === entry) entry.worker.postMessage(message)
    }, () => {})
  }

  async function call(name: SandboxCallbackName, source: string, args: unknown[], context: CallbackContext): Promise<CallbackResult> {
    if (disposed) return failure(new EngineError('SANDBOX_UNAVAILABLE', 'the sandbox was disposed', { details: { callback: name, reason: 'disposed' } }), 0)
    const entry = live ?? spawn()
    if (entry instanceof EngineError) return failure(entry, 0)
    let startTimer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([
        entry.ready,
        new Promise<never>((_, reject) => {
          startTimer = setTimeout(() => reject(new Error(`no answer within ${startTimeoutMs} ms`)), startTimeoutMs)
        }),
      ])
    } catch (error) {
      kill(entry, new EngineError('SANDBOX_UNAVAILABLE', 'the callback worker did not start').toJSON())
      return failure(new EngineError('SANDBOX_UNAVAILABLE', `the callback worker did not start: ${(error as Error).message}`, { details: { callback: name, reason: 'start-failed' } }), 0)
    } finally {
      clearTimeout(startTimer)
    }

    const id = nextId++
    const started = performance.now()
    return new Promise<CallbackResult>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const settle = (result: CallbackResult) => {
        clearTimeout(timer)
        entry.onReply = undefined
        entry.onDeath = undefined
        resolve(result)
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
        settle(failure(error, elapsedMs))
      }, timeoutMs)
      try {
        entry.worker.postMessage({ type: 'run', id, callback: name, source, args, users: context.users })
      } catch (error) {
        // The arguments could not be cloned: a bug on our side, not the learner's.
        clearTimeout(timer)
        throw error
      }
    })
  }

  // Start the worker now, not on the first call: by the time a flow calls back, it has booted.
  // Where there is no Worker the first call reports SANDBOX_UNAVAILABLE, so the error is not lost.
  spawn()

  return {
    setSources(next) {
      const changed: SandboxSources = {}
      for (const name of SANDBOX_CALLBACK_NAMES) {
        const source = next[name]
        if (typeof source === 'string' && source !== sources[name]) changed[name] = sources[name] = source
      }
      if (live && !disposed) warm(live, changed)
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
    },
  }
}
