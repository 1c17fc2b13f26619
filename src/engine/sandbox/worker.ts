// The callback worker: a module Web Worker that runs the learner's callbacks through the plain
// handler (handler.ts). It keeps what it needs, then locks its realm down (lockdown.ts) before the
// first message: an allow-list of globals, and frozen built-ins.
import { EngineError } from '../errors'
import { createWorkerHandler } from './handler'
import { freezeIntrinsics, hardenWorkerGlobal } from './lockdown'
import { COMPILED_WORKER_NAME, type HostToWorker, type RunReply, type WorkerToHost } from './protocol'

interface WorkerScope {
  name: string
  postMessage(message: WorkerToHost): void
  addEventListener(type: string, listener: (event: Event & { data?: unknown; preventDefault(): void }) => void): void
}

const scope = globalThis as unknown as WorkerScope
// sucrase starts loading now, while the realm is locked down, unless the host has every source compiled.
let compiler = scope.name === COMPILED_WORKER_NAME ? null : import('./transpile')
// A failed load is reported by the compile that needs it (SANDBOX_UNAVAILABLE), which then loads again.
compiler?.catch(() => (compiler = null))
const post = scope.postMessage.bind(scope)
const listen = scope.addEventListener.bind(scope)
const handle = createWorkerHandler(globalThis, { loadTranspiler: () => compiler ?? import('./transpile') })

/** Posts a result; one that cannot be cloned is replaced by an error reply built from scratch, never lost. */
function postResult(reply: RunReply): void {
  try {
    post(reply)
    return
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const fallback = new EngineError('SANDBOX_BAD_RETURN', `the reply could not be copied out of the worker: ${message}`, { details: { reason: 'not-cloneable', path: 'return' } }).toJSON()
    try {
      post({ type: 'result', id: reply.id, ok: false, error: { code: fallback.code, message: fallback.message, details: { ...fallback.details } }, logs: reply.logs.map(({ level, text }) => ({ level, text: String(text) })), durationMs: Number(reply.durationMs) })
    } catch {
      post({ type: 'result', id: reply.id, ok: false, error: { code: 'SANDBOX_BAD_RETURN', message: 'the reply could not be copied out of the worker', details: { reason: 'not-cloneable' } }, logs: [], durationMs: 0 })
    }
  }
}

listen('message', (event) => {
  const message = event.data as HostToWorker
  if (message.type === 'warm') {
    void handle.answerWarm(message).then(post)
    return
  }
  // The host knows from this that the call's code started: a worker still busy with something else never says it.
  post({ type: 'started', id: message.id })
  void handle(message).then(postResult)
})

// A lockdown that fails throws here, before `ready`: the page sees a crashed worker, never an open one.
const { reachable } = hardenWorkerGlobal(globalThis, { replacements: { ...handle.globals }, guard: handle.guard })
freezeIntrinsics(globalThis, reachable)
// From here on, an error a callback leaves unhandled must not surface as a worker crash on the page.
listen('error', (event) => event.preventDefault())
listen('unhandledrejection', (event) => event.preventDefault())
post({ type: 'ready' })
