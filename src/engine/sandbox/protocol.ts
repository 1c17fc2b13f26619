// The messages between the sandbox host (host.ts, on the page) and the callback worker (worker.ts).
// Only structured-cloneable data crosses; one discriminated union each way.
import type { SerializedEngineError } from '../errors'
import type { ConsoleEntry, MockUser } from '../flow/types'

/** The callbacks whose source the learner edits. */
export type SandboxCallbackName = 'authorize' | 'jwt' | 'session'

export const SANDBOX_CALLBACK_NAMES: readonly SandboxCallbackName[] = ['authorize', 'jwt', 'session']

/** Whether a callback's code lives in an editor (and so runs in the sandbox). */
export function isSandboxCallback(name: string): name is SandboxCallbackName {
  return (SANDBOX_CALLBACK_NAMES as readonly string[]).includes(name)
}

/** Default time limit of one callback call. */
export const SANDBOX_DEFAULT_TIMEOUT_MS = 1000

/** A return value larger than this (as UTF-8 JSON) is refused with SANDBOX_RETURN_TOO_LARGE. */
export const SANDBOX_MAX_RETURN_BYTES = 1024 * 1024

/**
 * The worker's `name` when the host has the compiled JavaScript of every current source (a restart
 * after a timeout): the worker then does not start loading sucrase at boot.
 */
export const COMPILED_WORKER_NAME = 'callbacks (compiled)'

/** The sucrase release the worker compiles with; test/engine/sandbox/starterCompiled.test.ts keeps it equal to the installed one. */
export const SUCRASE_VERSION = '3.35.1'

/**
 * Names the JavaScript the worker makes from a source: the compiler's release and the way transpile.ts
 * calls it (raise the number when its options change). JavaScript kept outside the worker (a store
 * across reloads, the shipped starter code) is used only under the same name, so an upgrade never
 * runs what an older compiler made.
 */
export const COMPILED_FORMAT = `sucrase ${SUCRASE_VERSION}, format 1`

/** JavaScript the worker made from one source, kept outside it; used only for exactly this source and `format`. */
export type CompiledRecord = { source: string; compiled: string; format: string }

/** Run one callback; the worker answers `started` at once, then a `result` of the same id. */
export type RunMessage = {
  type: 'run'
  id: number
  callback: SandboxCallbackName
  source: string
  args: unknown[]
  users: MockUser[]
  /**
   * Auth.js's `authorize(credentials, request)`: `args[1]` is `{ url, method, headers, body }` and the
   * worker rebuilds it as a Web `Request`, as @auth/core does (a Request cannot be cloned across).
   */
  webRequestArg?: boolean
}

/** One source to compile ahead of its first run; `compiled` is its JavaScript as the host has it (from an earlier worker, a store, or the shipped starting code). */
export type WarmSource = { source: string; compiled?: string }

/** Compile these sources without running them; the worker answers `warmed` with the same id. */
export type WarmMessage = {
  type: 'warm'
  id: number
  sources: Partial<Record<SandboxCallbackName, WarmSource>>
}

export type HostToWorker = RunMessage | WarmMessage

/** Whether a source compiles: its JavaScript (for the host to keep), or the SANDBOX_SYNTAX_ERROR a run would report. */
export type CompileResult = { ok: true; compiled: string } | { ok: false; error: SerializedEngineError }

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  /** `error`: the worker could not check the sources at all (a failure of its own, not of the learner's code); `results` is then empty. */
  | { type: 'warmed'; id: number; results: Partial<Record<SandboxCallbackName, CompileResult>>; error?: SerializedEngineError }
  | { type: 'result'; id: number; ok: true; value: unknown; logs: ConsoleEntry[]; durationMs: number; returnedArgument?: string }
  | { type: 'result'; id: number; ok: false; error: SerializedEngineError; logs: ConsoleEntry[]; durationMs: number }

export type RunReply = Extract<WorkerToHost, { type: 'result' }>
export type WarmReply = Extract<WorkerToHost, { type: 'warmed' }>
