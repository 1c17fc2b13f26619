// The callback worker: a module Web Worker that runs the learner's callbacks through the plain
// handler (handler.ts). It keeps what it needs, then hardens its global so code cannot escape.
import { createWorkerHandler } from './handler'
import { hardenWorkerGlobal } from './forbidden'
import type { HostToWorker, WorkerToHost } from './protocol'

interface WorkerScope {
  postMessage(message: WorkerToHost): void
  addEventListener(type: string, listener: (event: Event & { data?: unknown; preventDefault(): void }) => void): void
}

const scope = globalThis as unknown as WorkerScope
const post = scope.postMessage.bind(scope)
const listen = scope.addEventListener.bind(scope)
const handle = createWorkerHandler(globalThis)

listen('message', (event) => {
  const message = event.data as HostToWorker
  if (message.type === 'warm') {
    handle.warm(message.sources)
    return
  }
  void handle(message).then((reply) => {
    try {
      post(reply)
    } catch (error) {
      // Something the return check let through cannot be cloned: report it instead of going silent.
      const message = error instanceof Error ? error.message : String(error)
      post({ ...reply, ok: false, error: { code: 'SANDBOX_BAD_RETURN', message, details: { reason: 'not-cloneable' } } } as WorkerToHost)
    }
  })
})
// Errors thrown later by a callback's timers must not surface as a worker crash on the page.
listen('error', (event) => event.preventDefault())
listen('unhandledrejection', (event) => event.preventDefault())

hardenWorkerGlobal(globalThis)
// Booting includes sucrase's slow first transform, so the first call of the learner's code does not.
handle.warmUp()
post({ type: 'ready' })
