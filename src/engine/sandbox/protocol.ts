// The messages between the sandbox host (host.ts, on the page) and the callback worker (worker.ts).
// Only structured-cloneable data crosses; one discriminated union each way.
import type { SerializedEngineError } from '../errors'
import type { ConsoleEntry, MockUser } from '../flow/types'

/** The callbacks whose source the learner edits. */
export type SandboxCallbackName = 'authorize' | 'jwt' | 'session'

export const SANDBOX_CALLBACK_NAMES: readonly SandboxCallbackName[] = ['authorize', 'jwt', 'session']

/** Default time limit of one callback call. */
export const SANDBOX_DEFAULT_TIMEOUT_MS = 1000

/** A return value larger than this (as UTF-8 JSON) is refused with SANDBOX_RETURN_TOO_LARGE. */
export const SANDBOX_MAX_RETURN_BYTES = 1024 * 1024

/** Run one callback; the worker answers with a `result` of the same id. */
export type RunMessage = {
  type: 'run'
  id: number
  callback: SandboxCallbackName
  source: string
  args: unknown[]
  users: MockUser[]
}

/** Transpile these sources ahead of their first run (no answer): the first call then skips sucrase's cold start. */
export type WarmMessage = {
  type: 'warm'
  sources: Partial<Record<SandboxCallbackName, string>>
}

export type HostToWorker = RunMessage | WarmMessage

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown; logs: ConsoleEntry[]; durationMs: number; returnedArgument?: string }
  | { type: 'result'; id: number; ok: false; error: SerializedEngineError; logs: ConsoleEntry[]; durationMs: number }

export type RunReply = Extract<WorkerToHost, { type: 'result' }>
