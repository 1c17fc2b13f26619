// Calls one piece of app code (authorize, signIn, jwt, session, redirect) the way the handler does,
// through the CallbackRunner when the app defines it, else the library default; records the call,
// its arguments, its return value or failure, and its console output as trace events.
import { EngineError, type SerializedEngineError } from '../errors'
import { libraryDefaultCallback } from './defaultCallbacks'
import type { FlowContext } from './flowContext'
import { copyPlain } from './plain'
import type { CallbackName } from './types'

export type Invocation =
  | { ok: true; value: unknown; returnedArgument?: string }
  | { ok: false; error: SerializedEngineError; message: string; refusedWith?: string }

/** How the route hands its arguments over. */
export interface InvokeOptions {
  /** Auth.js's `authorize`: `args.req` is the plain form of the Web `Request` @auth/core passes (see CallbackContext.webRequestArg). */
  webRequestArg?: boolean
  /**
   * Which failures are the app refusing on purpose (Auth.js's authorize throwing CredentialsSignin):
   * answers the refusal's code, or undefined. Such a failure is marked `refused` on its step and is
   * not reported as a thrown callback; the route answers it.
   */
  refusal?: (error: SerializedEngineError) => string | undefined
}

/**
 * `args` is the object the real handler passes (for `authorize`, `{ credentials, req }`, called as
 * `authorize(credentials, req)`). The runner gets a copy, so app code never mutates the engine's state.
 */
export async function invokeCallback(ctx: FlowContext, name: CallbackName, args: Record<string, unknown>, source: string, options: InvokeOptions = {}): Promise<Invocation> {
  const isDefault = ctx.config.callbacks[name] !== true
  // The trace builder copies `args` to plain data (dropping undefined members), so list those first.
  const undefinedArgs = Object.keys(args).filter((key) => args[key] === undefined)
  const trigger = typeof args.trigger === 'string' ? args.trigger : undefined
  ctx.trace.emit('callbacks', source, { kind: 'callback.called', callback: name, args, undefinedArgs, ...(trigger ? { trigger } : {}), isDefault })

  if (isDefault) {
    try {
      const value = await libraryDefaultCallback(ctx.config.flavor, name)(copyPlain(args))
      ctx.trace.emit('callbacks', ctx.sources.defaultCallbacks, { kind: 'callback.returned', callback: name, value, logs: [], durationMs: 0 })
      return { ok: true, value, returnedArgument: name === 'jwt' ? 'token' : name === 'session' && ctx.config.flavor === 'next-auth-v4' ? 'session' : undefined }
    } catch (cause) {
      // The library's own default can throw too (e.g. `redirect` given a URL that does not parse).
      const error = new EngineError('CALLBACK_THREW', cause instanceof Error ? cause.message : String(cause), { cause, details: { callback: name } }).toJSON()
      ctx.trace.emit('callbacks', ctx.sources.defaultCallbacks, { kind: 'callback.failed', callback: name, error, logs: [], durationMs: 0 })
      reportThrown(ctx, name, error, ctx.sources.defaultCallbacks)
      return { ok: false, error, message: error.message }
    }
  }

  const copy = copyPlain(args)
  const callArgs = name === 'authorize' ? [copy.credentials, copy.req] : [copy]
  let result
  try {
    const context = { users: name === 'authorize' ? copyPlain(ctx.config.users) : ctx.config.users, timer: ctx.timer, ...(options.webRequestArg ? { webRequestArg: true } : {}) }
    result = await ctx.runner.run(name, callArgs, context)
  } catch (cause) {
    // A runner must not throw; if one does, treat it like a crashed sandbox.
    const error = new EngineError('SANDBOX_CRASHED', cause instanceof Error ? cause.message : String(cause), { cause, details: { callback: name } }).toJSON()
    result = { ok: false as const, error, logs: [], durationMs: 0 }
  }
  if (result.ok) {
    ctx.trace.emit('callbacks', source, { kind: 'callback.returned', callback: name, value: result.value, logs: result.logs, durationMs: result.durationMs })
    return { ok: true, value: result.value, ...(result.returnedArgument ? { returnedArgument: result.returnedArgument } : {}) }
  }
  const refusedWith = options.refusal?.(result.error)
  ctx.trace.emit('callbacks', source, { kind: 'callback.failed', callback: name, error: result.error, logs: result.logs, durationMs: result.durationMs, ...(refusedWith === undefined ? {} : { refused: { code: refusedWith } }) })
  if (refusedWith !== undefined) return { ok: false, error: result.error, message: result.error.message, refusedWith }
  reportThrown(ctx, name, result.error, source)
  return { ok: false, error: result.error, message: result.error.message }
}

/** The `code` of the CredentialsSignin a callback threw (the sandbox and the plain runners say so in the details), if it threw one. */
export function credentialsSigninCodeOf(error: SerializedEngineError): string | undefined {
  const code = error.details.credentialsSigninCode
  return (error.code === 'SANDBOX_THREW' || error.code === 'CALLBACK_THREW') && typeof code === 'string' ? code : undefined
}

/**
 * The handler sees a failed callback as an exception with that message. The step keeps what went
 * wrong: a throw is `CALLBACK_THREW` (the sandbox's `SANDBOX_THREW` included), a timeout, a syntax
 * error or a crash keeps the sandbox's own code, so the learner reads why the call never returned.
 */
function reportThrown(ctx: FlowContext, name: CallbackName, error: SerializedEngineError, source: string): void {
  const code = error.code === 'SANDBOX_THREW' ? 'CALLBACK_THREW' : error.code
  ctx.trace.emit('callbacks', source, { kind: 'flow.failed', error: { code, message: error.message, details: { callback: name }, ...(error.cause ? { cause: error.cause } : {}) } })
}

/**
 * Records a return value NextAuth cannot use as intended as a coded step: a `jwt` or `session` callback
 * returning something other than an object, an `authorize` returning a non-object user, a `signIn`
 * returning neither a boolean nor a URL string (a forgotten `return` denies access), a `redirect`
 * returning something other than a URL string. The flow then goes on exactly as the real handler does
 * with that value.
 */
export function flagOddReturn(ctx: FlowContext, name: CallbackName, value: unknown, source: string): void {
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value)
  const expected = EXPECTED_RETURN[name]
  const odd =
    name === 'authorize' ? value !== null && value !== undefined && value !== false && !isObject
    : name === 'signIn' ? typeof value !== 'boolean' && typeof value !== 'string'
    : name === 'redirect' ? typeof value !== 'string'
    : !isObject
  if (!odd) return
  const returned = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  ctx.trace.emit('callbacks', source, {
    kind: 'flow.failed',
    error: new EngineError('CALLBACK_BAD_RETURN', `the ${name} callback returned ${returned}, not ${expected}`, { details: { callback: name, returned, expected } }).toJSON(),
  })
}

const EXPECTED_RETURN: Record<CallbackName, string> = {
  authorize: 'a user object or null',
  signIn: 'true, false or a URL string',
  redirect: 'a URL string',
  jwt: 'an object',
  session: 'an object',
}
