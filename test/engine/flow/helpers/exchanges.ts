// Reads the engine's trace as request/response exchanges and recorded callback calls, in the same
// shape the real-handler driver produces, and masks what is random on either side (token and CSRF
// cookie values, `jti`, the CSRF token).
import type { Trace } from '../../../../src/engine/index'
import { comparableHeaders, type Exchange, type RealRequest, type RecordedCall } from './realHandlers'

/**
 * The engine's requests to the route handler and their answers. `logs` are the server's log steps
 * between the two, as `level:code`; a line Next.js printed (`logger: 'nextjs'`, an exception nothing in NextAuth caught) is not NextAuth's logger.
 */
export function engineExchanges(trace: Trace): { request: RealRequest; exchange: Exchange }[] {
  const out: { request: RealRequest; exchange: Exchange }[] = []
  trace.events.forEach((event, at) => {
    if (event.kind !== 'http.requested' || event.to !== 'routeHandler') return
    const end = trace.events.findIndex((e) => e.kind === 'http.responded' && e.requestId === event.requestId)
    const response = trace.events[end]
    if (!response || response.kind !== 'http.responded') throw new Error(`no response for request ${event.requestId}`)
    const url = new URL(event.request.url)
    const logs = trace.events.slice(at, end).flatMap((e) => (e.kind === 'log.written' && e.actor === 'routeHandler' && e.logger !== 'nextjs' ? [`${e.level}:${e.code}`] : []))
    out.push({
      request: { method: event.request.method, path: url.pathname, headers: event.request.headers.filter(([n]) => n !== 'Cookie'), ...(event.request.body === undefined ? {} : { body: event.request.body }) },
      exchange: {
        method: event.request.method,
        path: url.pathname,
        status: response.response.status,
        setCookies: response.response.headers.filter(([n]) => n === 'Set-Cookie').map(([, v]) => v),
        headers: comparableHeaders(trace.flavor, response.response.headers.filter(([n]) => n !== 'Set-Cookie')),
        body: response.response.body,
        logs,
      },
    })
  })
  return out
}

/** The app-defined callbacks the engine called (library defaults are not app code, and the real side does not record them). */
export function engineCalls(trace: Trace): RecordedCall[] {
  return trace.events.flatMap((e) => (e.kind === 'callback.called' && !e.isDefault ? [{ callback: e.callback, args: e.callback === 'authorize' ? { credentials: e.args.credentials } : e.args, undefinedArgs: e.callback === 'authorize' ? [] : e.undefinedArgs }] : []))
}

/** A non-empty CSRF cookie, or any cookie holding (a chunk of) a token. */
const RANDOM_COOKIE = /^([^=]+)=([^;]+)/
const isRandomCookie = (name: string, value: string) => name.endsWith('csrf-token') || /session-token(\.\d+)?$/.test(name) || value.startsWith('eyJ')

/** Masks random values: non-empty session-token and CSRF cookie values, CSRF tokens, `jti`s. */
export function normalizeExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    setCookies: exchange.setCookies.map((line) => line.replace(RANDOM_COOKIE, (all, name: string, value: string) => (isRandomCookie(name, value) ? `${name}=<random>` : all))),
    body: maskDeep(exchange.body),
  }
}

export function normalizeCalls(calls: RecordedCall[]): RecordedCall[] {
  return calls.map((call) => ({ ...call, args: maskDeep(call.args) as Record<string, unknown>, undefinedArgs: [...call.undefinedArgs].sort() }))
}

function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'jti' || k === 'csrfToken' ? '<random>' : maskDeep(v)]))
}
