// What one flow run works with: the configuration, the simulated browser (cookie jar, useSession
// state), the server's memory between requests, the callback runner and the trace being written.
import type { SimClock } from '../clock/createSimClock'
import type { CookieJar } from './ports'
import type { RandomSource } from '../random'
import { SOURCES } from './constants'
import type { ResolvedOptions } from './resolveOptions'
import type { TraceBuilder } from './traceBuilder'
import type { CallbackRunner, FlowFlavor, PlaygroundConfig } from './types'

/** What the simulated server process remembers between requests (reset when the configuration changes). */
export interface ServerState {
  /** v4 warns `NO_SECRET` once per process. */
  warnedNoSecret: boolean
  /**
   * CSRF cookies whose hash this server already checked (or issued), keyed by secret and cookie value.
   * The real handler re-hashes on every request with the same result; remembering it saves a
   * SHA-256 round trip per request.
   */
  knownCsrfCookies: Set<string>
}

/** What the simulated page remembers: `useSession()`'s data (undefined = not fetched yet) and its URL. */
export interface ClientState {
  session: Record<string, unknown> | null | undefined
  pageUrl: string
}

export interface FlowContext {
  config: PlaygroundConfig
  clock: SimClock
  jar: CookieJar
  runner: CallbackRunner
  random: RandomSource
  /** Milliseconds from a monotonic timer, handed to the callback runner for `durationMs`. */
  timer: () => number
  trace: TraceBuilder
  sources: (typeof SOURCES)[FlowFlavor]
  server: ServerState
  client: ClientState
  /** The handler's options for this run, worked out once (the configuration cannot change mid-flow). */
  options?: ResolvedOptions
}
