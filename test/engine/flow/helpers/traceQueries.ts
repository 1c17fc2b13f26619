// Small readers over a Trace so scenario tests read like the domain.
import type { Trace, TraceEvent, TraceEventKind } from '../../../../src/engine/index'

export function eventsOf<K extends TraceEventKind>(trace: Trace, kind: K): Extract<TraceEvent, { kind: K }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind)
}

export function kinds(trace: Trace): TraceEventKind[] {
  return trace.events.map((e) => e.kind)
}

export function responses(trace: Trace) {
  return eventsOf(trace, 'http.responded').map((e) => {
    const request = eventsOf(trace, 'http.requested').find((r) => r.requestId === e.requestId)!
    return { method: request.request.method, path: new URL(request.request.url).pathname, status: e.response.status, body: e.response.body, setCookies: e.response.headers.filter(([n]) => n === 'Set-Cookie').map(([, v]) => v) }
  })
}

export function callbackCalls(trace: Trace, name?: string) {
  return eventsOf(trace, 'callback.called').filter((e) => name === undefined || e.callback === name)
}

export function logs(trace: Trace) {
  return eventsOf(trace, 'log.written').map((e) => e.code)
}
