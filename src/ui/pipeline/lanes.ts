// Where each trace step sits in the swimlane: an arrow between two actors, or a node on one lane.
// Pure layout of trace data; the engine decides what happened, this only decides where to draw it.
import type { Actor, TraceEvent } from '../../engine/index'

/** The swimlanes, left to right: the jar beside the browser that owns it, then the way a request travels. */
export const LANES: readonly Actor[] = ['cookieJar', 'browser', 'middleware', 'routeHandler', 'callbacks', 'jose']

export type Glyph =
  | { type: 'arrow'; from: Actor; to: Actor; dashed: boolean; icon: GlyphIcon }
  | { type: 'node'; lane: Actor; icon: GlyphIcon; /** a dotted link to the lane that asked for this step */ linkFrom?: Actor; tone: 'normal' | 'error' }

export type GlyphIcon = 'request' | 'response' | 'cookie' | 'lock' | 'unlock' | 'fn' | 'check' | 'log' | 'clock' | 'flag' | 'error' | 'shield' | 'session' | 'gear'

export function laneIndex(actor: Actor): number {
  return LANES.indexOf(actor)
}

/** The horizontal centre of a lane, as a fraction of the lane area's width. */
export function laneCentre(actor: Actor): number {
  return (laneIndex(actor) + 0.5) / LANES.length
}

/**
 * The server-side actor handling the request open at `index` (the route handler or the
 * middleware): callbacks and jose are drawn as being called from it.
 */
export function callerAt(events: readonly TraceEvent[], index: number): Actor {
  for (let i = index; i >= 0; i--) {
    const event = events[i]!
    if (event.kind === 'http.requested') return event.to
    if (event.kind === 'http.responded') break
    if (event.kind === 'getToken.resolved' || event.kind === 'middleware.decided') return 'middleware'
  }
  // Outside a request (a clock jump, the jar): the browser's side.
  return 'routeHandler'
}

/** How one step is drawn. Exhaustive over the event kinds, so a new kind fails to compile here. */
export function glyphOf(events: readonly TraceEvent[], index: number): Glyph {
  const event = events[index]!
  switch (event.kind) {
    case 'http.requested':
      return { type: 'arrow', from: event.from, to: event.to, dashed: false, icon: 'request' }
    case 'http.responded':
      return { type: 'arrow', from: event.from, to: event.to, dashed: true, icon: 'response' }
    case 'callback.called':
      return { type: 'arrow', from: callerAt(events, index), to: 'callbacks', dashed: false, icon: 'fn' }
    case 'callback.returned':
      return { type: 'arrow', from: 'callbacks', to: callerAt(events, index), dashed: true, icon: 'fn' }
    case 'callback.failed':
      return { type: 'node', lane: 'callbacks', icon: 'error', tone: 'error', linkFrom: callerAt(events, index) }
    case 'jwt.encoded':
      return { type: 'node', lane: 'jose', icon: 'lock', tone: 'normal', linkFrom: callerAt(events, index) }
    case 'jwt.decoded':
      return { type: 'node', lane: 'jose', icon: 'unlock', tone: 'normal', linkFrom: callerAt(events, index) }
    case 'jwt.decodeFailed':
      return { type: 'node', lane: 'jose', icon: 'error', tone: 'error', linkFrom: callerAt(events, index) }
    case 'cookie.set':
      return { type: 'arrow', from: 'browser', to: 'cookieJar', dashed: false, icon: 'cookie' }
    case 'cookie.deleted':
      return { type: 'arrow', from: 'browser', to: 'cookieJar', dashed: true, icon: 'cookie' }
    case 'cookie.rejected':
      return { type: 'node', lane: 'cookieJar', icon: 'error', tone: 'error', linkFrom: 'browser' }
    case 'cookie.expired':
      return { type: 'node', lane: 'cookieJar', icon: 'clock', tone: 'normal' }
    case 'cookies.read':
      return { type: 'node', lane: event.actor, icon: 'cookie', tone: 'normal' }
    case 'csrf.checked':
      // A POST whose body token does not match is refused; a missing cookie just gets a new one.
      return event.bodyTokenMatches === false ? { type: 'node', lane: event.actor, icon: 'error', tone: 'error' } : { type: 'node', lane: event.actor, icon: 'shield', tone: 'normal' }
    case 'token.defaulted':
      return { type: 'node', lane: event.actor, icon: 'session', tone: 'normal' }
    case 'session.built':
      return { type: 'node', lane: event.actor, icon: 'session', tone: 'normal' }
    case 'log.written':
      return { type: 'node', lane: event.actor, icon: 'log', tone: event.level === 'error' ? 'error' : 'normal' }
    case 'getToken.resolved':
      return { type: 'node', lane: event.actor, icon: event.token ? 'check' : 'error', tone: event.token ? 'normal' : 'error' }
    case 'middleware.decided':
      return { type: 'node', lane: event.actor, icon: event.authorized ? 'check' : 'shield', tone: 'normal' }
    case 'clock.advanced':
      return { type: 'node', lane: event.actor, icon: 'clock', tone: 'normal' }
    case 'flow.started':
      return { type: 'node', lane: event.actor, icon: 'flag', tone: 'normal' }
    case 'flow.failed':
      return { type: 'node', lane: event.actor, icon: 'error', tone: 'error' }
    case 'flow.finished':
      return { type: 'node', lane: event.actor, icon: 'flag', tone: 'normal' }
    case 'config.resolved':
      return { type: 'node', lane: event.actor, icon: 'gear', tone: 'normal' }
    case 'client.skipped':
      return { type: 'node', lane: event.actor, icon: 'log', tone: 'normal' }
    case 'client.updated':
      return { type: 'node', lane: event.actor, icon: 'session', tone: 'normal' }
    case 'cookie.tampered':
      return { type: 'node', lane: 'cookieJar', icon: 'error', tone: 'error' }
    case 'session.expiries':
      return { type: 'node', lane: event.actor, icon: 'clock', tone: 'normal' }
    default: {
      const unreachable: never = event
      throw new TypeError(`no glyph for ${(unreachable as TraceEvent).kind}`)
    }
  }
}

/**
 * For each step, the lanes busy with an open request (from its `http.requested` to its
 * `http.responded`): drawn as activation bars, as in a sequence diagram.
 */
export function activationsOf(events: readonly TraceEvent[]): Actor[][] {
  const open = new Map<number, Actor>()
  return events.map((event) => {
    if (event.kind === 'http.requested') open.set(event.requestId, event.to)
    const busy = [...new Set(open.values())]
    if (event.kind === 'http.responded') open.delete(event.requestId)
    return busy
  })
}

/** One open request drawn as an activation bar: the lane that handles it, from its first to its last step. */
export interface Activation {
  actor: Actor
  fromIndex: number
  toIndex: number
}

/**
 * The activation bars of a trace, one per run of steps a lane is busy (requests it answers back to
 * back join into one): what `activationsOf` marks step by step, joined into spans so the list draws
 * each bar once.
 */
export function activationSpans(events: readonly TraceEvent[]): Activation[] {
  const spans: Activation[] = []
  const open = new Map<Actor, Activation>()
  activationsOf(events).forEach((busy, index) => {
    for (const actor of [...open.keys()]) if (!busy.includes(actor)) open.delete(actor)
    for (const actor of busy) {
      // A lane still open was busy at the step before (it is closed as soon as it is not).
      const span = open.get(actor)
      if (span) span.toIndex = index
      else {
        const started = { actor, fromIndex: index, toIndex: index }
        open.set(actor, started)
        spans.push(started)
      }
    }
  })
  return spans
}
