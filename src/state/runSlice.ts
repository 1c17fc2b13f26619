// The runs: each learner action asks the engine's playground for a Trace; the store keeps the
// traces and a playback cursor, and never does crypto or cookie logic itself.
import type { StateCreator } from 'zustand'
import {
  createDefaultRunner,
  createPlayground,
  createSandboxRunner,
  isEngineError,
  type CallbackRunner,
  type EditorCode,
  type Playground,
  type PlaygroundConfig,
  type SandboxCallbackName,
  type SandboxRunner,
  type SerializedEngineError,
  type Trace,
  type TraceName,
  type UseSessionStatus,
} from '../engine/index'
import type { AppState } from './createAppStore'
import { createCompiledStore } from './editorSlice'
import { sessionAt } from './selectors'

export type RunStatus = 'idle' | 'running' | 'error'

/** Slowest and fastest playback speeds the player offers. */
export const MIN_SPEED = 0.5
export const MAX_SPEED = 4
/** How many traces the history keeps (oldest dropped first). */
export const MAX_TRACES = 50
/** Time limit for one callback call in the Worker sandbox. */
export const SANDBOX_TIMEOUT_MS = 1000

export interface RunSlice {
  /** The engine's playground: browser, cookie jar, clock and route handlers. */
  playground: Playground
  lastTrace: Trace | null
  /** The secret `lastTrace` ran with (null before any run): a later change means its tokens no longer open. */
  lastTraceSecret: PlaygroundConfig['secret'] | null
  /** The editors' code `lastTrace` ran (null before any run): its callback failures describe that code, not necessarily what the editors hold now. */
  lastTraceCode: EditorCode | null
  traces: Trace[]
  /** Index of the current step in `lastTrace.events`; −1 = before the first. */
  cursor: number
  playing: boolean
  speed: number
  runStatus: RunStatus
  runError: SerializedEngineError | null
  useSessionStatus: UseSessionStatus
  /** The simulated clock, Unix seconds. */
  nowSec: number
  /** Runs callbacks through this runner instead of the sandbox (tests, benches); null restores the default. */
  callbackRunner: CallbackRunner | null

  play: () => void
  pause: () => void
  togglePlay: () => void
  stepForward: () => void
  stepBack: () => void
  restart: () => void
  setSpeed: (speed: number) => void
  skipAnimation: () => void
  setCursor: (index: number) => void

  signIn: (email: string, password: string, callbackUrl?: string) => Promise<Trace | null>
  getSession: () => Promise<Trace | null>
  updateSession: (data: unknown) => Promise<Trace | null>
  signOut: () => Promise<Trace | null>
  visitProtectedPage: (path?: string) => Promise<Trace | null>
  advanceClock: (bySec: number) => Promise<Trace | null>
  setClockTo: (unixSec: number) => Promise<Trace | null>
  tamperCookie: () => Promise<Trace | null>
  /** A new random secret; the next request uses it (tokens made with the old one no longer decrypt). */
  changeSecret: () => void
  clearCookies: () => Promise<Trace | null>
  /**
   * A fresh browser, server and clock with the same configuration: no traces, no cookies, the clock
   * back at the real time. The editors' code is untouched. A run still in flight is dropped.
   */
  resetPlayground: () => void
  setCallbackRunner: (runner: CallbackRunner | null) => void
  /** Starts the callback worker and hands it the editors' code now, so the first run does not wait for it. */
  warmSandbox: () => void
  /** Whether the sandbox worker can compile `source`: null when it can (or nothing can tell), else the error a run would report. */
  checkCallbackSource: (name: SandboxCallbackName, source: string) => Promise<SerializedEngineError | null>
}

/** A fresh secret, like `openssl rand -base64 32`. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
}

/** The slice, its playground configured with `saved` (the configuration the store starts with). */
export const createRunSlice = (saved: PlaygroundConfig): StateCreator<AppState, [], [], RunSlice> => (set, get) => {
  const initialPlayground = createPlayground({ config: saved })
  let latestRunId = 0
  // Runs go through the engine one at a time, so two quick clicks never interleave on one cookie jar.
  let queue: Promise<unknown> = Promise.resolve()
  let sandbox: SandboxRunner | null = null
  let plainRunner: CallbackRunner | null = null

  /**
   * The Worker sandbox with the editors' current code; made once, on first need, with that code and
   * the JavaScript kept from an earlier visit, so its first worker can boot without the compiler.
   */
  const currentSandbox = (): SandboxRunner => {
    sandbox ??= createSandboxRunner({ timeoutMs: SANDBOX_TIMEOUT_MS, sources: get().editorCode, compiledStore: createCompiledStore() })
    sandbox.setSources(get().editorCode)
    return sandbox
  }

  const prepareRunner = (playground: Playground) => {
    const { callbackRunner } = get()
    if (callbackRunner) return playground.setRunner(callbackRunner)
    if (typeof Worker === 'undefined') {
      plainRunner ??= createDefaultRunner()
      return playground.setRunner(plainRunner)
    }
    playground.setRunner(currentSandbox())
  }

  /** Queues one engine call; shows its trace unless a newer run started meanwhile. */
  const startRun = (flow: TraceName, work: (playground: Playground) => Promise<Trace> | Trace): Promise<Trace | null> => {
    const runId = ++latestRunId
    const secret = get().config.secret
    set({ runStatus: 'running', runError: null, ...(isSessionFetch(flow) && get().useSessionStatus === 'unauthenticated' && !hasSession(get()) ? { useSessionStatus: 'loading' as const } : {}) })
    const result = queue.then(async () => {
      const { playground } = get()
      try {
        // The code the runner gets now (a queued run starts after the one before it).
        const code = get().editorCode
        prepareRunner(playground)
        const trace = await work(playground)
        if (runId !== latestRunId) return null
        showTrace(trace, playground, secret, code)
        return trace
      } catch (error) {
        if (runId !== latestRunId) return null
        const nowSec = playground.clock.nowSec()
        if (isEngineError(error)) {
          set({ runStatus: 'error', runError: error.toJSON(), nowSec, useSessionStatus: settledStatus(get()) })
          return null
        }
        set({ runStatus: 'error', runError: null, nowSec, useSessionStatus: settledStatus(get()) })
        throw error
      }
    })
    queue = result.catch(() => undefined)
    return result
  }

  const showTrace = (trace: Trace, playground: Playground, secret: PlaygroundConfig['secret'], code: EditorCode) => {
    const traces = [...get().traces, trace].slice(-MAX_TRACES)
    const lastIndex = trace.events.length - 1
    set({
      lastTrace: trace,
      lastTraceSecret: secret,
      lastTraceCode: code,
      traces,
      cursor: -1,
      playing: trace.events.length > 0,
      runStatus: 'idle',
      runError: null,
      nowSec: playground.clock.nowSec(),
      useSessionStatus: sessionAt(traces, trace, lastIndex)?.status ?? 'unauthenticated',
    })
  }

  const lastIndex = () => (get().lastTrace?.events.length ?? 0) - 1

  return {
    playground: initialPlayground,
    lastTrace: null,
    lastTraceSecret: null,
    lastTraceCode: null,
    traces: [],
    cursor: -1,
    playing: false,
    speed: 1,
    runStatus: 'idle',
    runError: null,
    useSessionStatus: 'unauthenticated',
    nowSec: initialPlayground.clock.nowSec(),
    callbackRunner: null,

    play: () => {
      if (!get().lastTrace) return
      set({ playing: true, ...(get().cursor >= lastIndex() ? { cursor: -1 } : {}) })
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    stepForward: () => {
      const end = lastIndex()
      const cursor = Math.min(get().cursor + 1, end)
      set({ cursor, playing: get().playing && cursor < end })
    },
    stepBack: () => set({ cursor: Math.max(get().cursor - 1, -1), playing: false }),
    restart: () => set({ cursor: -1, playing: get().lastTrace !== null }),
    setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),
    skipAnimation: () => set({ cursor: lastIndex(), playing: false }),
    setCursor: (index) => set({ cursor: Math.max(-1, Math.min(Math.trunc(index), lastIndex())), playing: false }),

    signIn: (email, password, callbackUrl) =>
      startRun('signIn', (playground) => playground.run('signIn', callbackUrl === undefined ? { email, password } : { email, password, callbackUrl })),
    getSession: () => startRun('getSession', (playground) => playground.run('getSession')),
    updateSession: (data) => startRun('updateSession', (playground) => playground.run('updateSession', { data })),
    signOut: () => startRun('signOut', (playground) => playground.run('signOut')),
    visitProtectedPage: (path) => startRun('visitProtectedPage', (playground) => playground.run('visitProtectedPage', path === undefined ? {} : { path })),
    advanceClock: (bySec) => startRun('advanceClock', (playground) => playground.advanceClock(bySec)),
    // The clock only moves forward: an earlier time is the engine's CLOCK_BACKWARDS error.
    setClockTo: (unixSec) => startRun('advanceClock', (playground) => playground.advanceClockTo(unixSec)),
    tamperCookie: () => startRun('tamperSessionCookie', (playground) => playground.tamperSessionCookie()),
    changeSecret: () => get().setConfig({ secret: generateSecret() }),
    clearCookies: () => startRun('clearCookies', (playground) => playground.clearCookies()),
    resetPlayground: () => {
      latestRunId += 1
      queue = Promise.resolve()
      const playground = createPlayground({ config: get().config })
      set({ playground, lastTrace: null, lastTraceSecret: null, lastTraceCode: null, traces: [], cursor: -1, playing: false, runStatus: 'idle', runError: null, useSessionStatus: 'unauthenticated', nowSec: playground.clock.nowSec() })
    },
    setCallbackRunner: (runner) => set({ callbackRunner: runner }),
    warmSandbox: () => {
      if (get().callbackRunner || typeof Worker === 'undefined') return
      currentSandbox()
    },
    checkCallbackSource: (name, source) => (get().callbackRunner || typeof Worker === 'undefined' ? Promise.resolve(null) : currentSandbox().checkSource(name, source)),
  }
}

function isSessionFetch(flow: string): boolean {
  return flow === 'getSession' || flow === 'updateSession'
}

function hasSession(state: AppState): boolean {
  return sessionAt(state.traces, state.lastTrace, state.lastTrace ? state.lastTrace.events.length - 1 : -1)?.session != null
}

/** The status once nothing is in flight: the last finished trace decides. */
function settledStatus(state: AppState): UseSessionStatus {
  const { traces, lastTrace } = state
  return sessionAt(traces, lastTrace, lastTrace ? lastTrace.events.length - 1 : -1)?.status ?? 'unauthenticated'
}
