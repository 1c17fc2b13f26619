// Which callback call is running inside the worker, and what belongs to it: its console output and
// the timers and pending Web API promises it started. When a call settles, its pending timers are
// cleared and its pending promises never resolve, so nothing it left behind can run during a later
// call (and be blamed on it, or log into it). Deliberate difference from Node, where a timer outlives
// the request that set it: see docs/sandbox.md.
import type { ConsoleEntry, ConsoleLevel } from '../flow/types'
import { ForbiddenApiError } from './forbidden'

const MAX_LOG_ENTRIES = 200
const MAX_LOG_CHARS = 2000

/** One call: its logs, and a promise that rejects when one of its timer callbacks throws. */
export interface CallScope {
  readonly logs: ConsoleEntry[]
  readonly failed: Promise<never>
}

/** The real timers, taken before the worker global is locked down. */
export interface RealTimers {
  // Ids are numbers in a browser, Timeout objects in Node (the handler's tests).
  setTimeout: (handler: () => void, delayMs?: number) => unknown
  clearTimeout: (id: unknown) => void
  setInterval: (handler: () => void, delayMs?: number) => unknown
  clearInterval: (id: unknown) => void
}

type TimerHandler = (...args: unknown[]) => unknown

/** The globals learner code gets from the scopes instead of the worker's own. */
export interface ScopedGlobals {
  console: Readonly<Record<ConsoleLevel, (...args: unknown[]) => void>>
  setTimeout: (handler: TimerHandler, delayMs?: number, ...args: unknown[]) => unknown
  setInterval: (handler: TimerHandler, delayMs?: number, ...args: unknown[]) => unknown
  clearTimeout: (id?: unknown) => void
  clearInterval: (id?: unknown) => void
}

export interface CallScopes {
  /** Starts a call; its code runs from now until `end`. */
  begin(): CallScope
  /** Lets the call's already-due work run (one task turn), then clears its timers and closes it. */
  end(scope: CallScope): Promise<void>
  readonly globals: ScopedGlobals
  /** A promise from a Web API (crypto.subtle, a body read) that only settles while the call that made it is open. */
  guard<T>(promise: Promise<T>): Promise<T>
}

export function renderArg(arg: unknown): string {
  if (typeof arg === 'string') return arg
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`
  if (arg === undefined || typeof arg === 'function' || typeof arg === 'symbol' || typeof arg === 'bigint') return String(arg)
  try {
    return JSON.stringify(arg) ?? String(arg)
  } catch {
    return String(arg)
  }
}

interface OpenScope extends CallScope {
  open: boolean
  timeouts: Set<unknown>
  intervals: Set<unknown>
  fail(error: unknown): void
}

export function createCallScopes(real: RealTimers): CallScopes {
  let current: OpenScope | null = null

  const write = (level: ConsoleLevel) => (...args: unknown[]) => {
    const scope = current
    if (!scope || scope.logs.length >= MAX_LOG_ENTRIES) return
    const text = args.map(renderArg).join(' ')
    scope.logs.push({ level, text: text.length > MAX_LOG_CHARS ? `${text.slice(0, MAX_LOG_CHARS)}…` : text })
  }

  /** Runs a timer callback of `scope`; a throw fails the call, as an uncaught error would end a Node request. */
  const fire = (scope: OpenScope, handler: TimerHandler, args: unknown[]) => {
    if (!scope.open) return
    try {
      handler(...args)
    } catch (error) {
      scope.fail(error)
    }
  }

  const schedule = (kind: 'setTimeout' | 'setInterval') => (handler: TimerHandler, delayMs?: number, ...args: unknown[]): unknown => {
    // A string handler is code from a string (the route to eval and to import() of any URL).
    if (typeof handler !== 'function') throw new ForbiddenApiError(`${kind}(string)`)
    const scope = current
    // Started by work left over after its call settled: never run.
    if (!scope) return 0
    if (kind === 'setTimeout') {
      const id = real.setTimeout(() => {
        scope.timeouts.delete(id)
        fire(scope, handler, args)
      }, delayMs)
      scope.timeouts.add(id)
      return id
    }
    const id = real.setInterval(() => fire(scope, handler, args), delayMs)
    scope.intervals.add(id)
    return id
  }

  const globals: ScopedGlobals = Object.freeze({
    console: Object.freeze({ log: write('log'), info: write('info'), warn: write('warn'), error: write('error') }),
    setTimeout: schedule('setTimeout'),
    setInterval: schedule('setInterval'),
    // Only the call's own timers: an id of the sandbox's own timer is not the learner's to clear.
    clearTimeout: (id?: unknown) => {
      if (current?.timeouts.delete(id)) real.clearTimeout(id)
    },
    clearInterval: (id?: unknown) => {
      if (current?.intervals.delete(id)) real.clearInterval(id)
    },
  })

  return {
    begin() {
      let fail!: (error: unknown) => void
      const failed = new Promise<never>((_, reject) => {
        fail = reject
      })
      failed.catch(() => {})
      const scope: OpenScope = { logs: [], failed, open: true, timeouts: new Set(), intervals: new Set(), fail: (error) => fail(error) }
      current = scope
      return scope
    },
    async end(scope) {
      // Timers that are already due (setTimeout(…, 0) before returning) still belong to the call.
      await new Promise<void>((resolve) => real.setTimeout(resolve, 0))
      const open = scope as OpenScope
      for (const id of open.timeouts) real.clearTimeout(id)
      for (const id of open.intervals) real.clearInterval(id)
      open.timeouts.clear()
      open.intervals.clear()
      open.open = false
      if (current === open) current = null
    },
    globals,
    guard<T>(promise: Promise<T>): Promise<T> {
      const owner = current
      return new Promise<T>((resolve, reject) => {
        promise.then(
          (value) => {
            if (owner && owner.open) resolve(value)
          },
          (error) => {
            if (owner && owner.open) reject(error)
          },
        )
      })
    },
  }
}
