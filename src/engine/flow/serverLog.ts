// What the server prints, in each library's format: v4 `logger.error(code, error)`
// (next-auth/utils/logger.js) and Auth.js `logger.error(new SomeError(...))` (@auth/core/lib/utils/logger.js).
import type { FlowContext } from './flowContext'

/** `console.error` joins its arguments with spaces: no message, no trailing space. */
export function logV4Error(ctx: FlowContext, code: string, message: string, actor: 'routeHandler' | 'middleware' = 'routeHandler'): void {
  ctx.trace.emit(actor, ctx.sources.logger, { kind: 'log.written', level: 'error', code, text: `[next-auth][error][${code}] \nhttps://next-auth.js.org/errors#${code.toLowerCase()}${message ? ` ${message}` : ''}` })
}

export function logV4Warn(ctx: FlowContext, code: string): void {
  ctx.trace.emit('routeHandler', ctx.sources.logger, { kind: 'log.written', level: 'warn', code, text: `[next-auth][warn][${code}] \nhttps://next-auth.js.org/warnings#${code.toLowerCase()}` })
}

/** An Auth.js `AuthError`: its message gets "Read more at …" appended; a wrapped error is printed as the cause. */
export function logAuthjsError(ctx: FlowContext, type: string, message: string, causeMessage?: string): void {
  const text = `[auth][error] ${type}: ${message ? `${message}. ` : ''}Read more at https://errors.authjs.dev#${type.toLowerCase()}`
  ctx.trace.emit('routeHandler', ctx.sources.logger, { kind: 'log.written', level: 'error', code: type, text: causeMessage ? `${text}\n[auth][cause]: ${causeMessage}` : text })
}

/** An error that is not an `AuthError` (a `TypeError` from `cookie.serialize`, an `Error` thrown in `init`): printed by its `name`, with no link. */
export function logAuthjsPlainError(ctx: FlowContext, name: string, message: string): void {
  ctx.trace.emit('routeHandler', ctx.sources.logger, { kind: 'log.written', level: 'error', code: name, text: `[auth][error] ${name}: ${message}` })
}

/**
 * An exception that escaped the handler (v4: a jwt callback or encode error in the credentials route, a
 * Set-Cookie line `cookie.serialize` refuses; Auth.js: `getToken` throwing `MissingSecret` in the app's
 * middleware): Next.js prints it and answers 500 Internal Server Error. NextAuth's logger is not called,
 * so the line is Next.js's, not a NextAuth log code (`UNHANDLED` only marks it in the trace).
 */
export function logUncaught(ctx: FlowContext, message: string, actor: 'routeHandler' | 'middleware' = 'routeHandler'): void {
  ctx.trace.emit(actor, actor === 'middleware' ? ctx.sources.middleware : ctx.sources.adapter, { kind: 'log.written', level: 'error', code: 'UNHANDLED', text: message, logger: 'nextjs' })
}
