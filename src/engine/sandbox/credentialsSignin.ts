// Auth.js's `CredentialsSignin` (@auth/core/errors.js, re-exported by next-auth v5): the error an app's
// `authorize` throws to refuse a sign-in with a `code` of its own, which `Auth()` puts in the error
// page URL (`?error=CredentialsSignin&code=<code>`). The callback worker offers it as a value of
// 'next-auth' and '@auth/core/errors'; plain-function callbacks import it from the engine.
import { EngineError, type SerializedEngineError } from '../errors'

/**
 * The same shape as the real class: `name` is the (sub)class's name, `type` 'CredentialsSignin',
 * `kind` 'signIn', `code` 'credentials' unless a subclass's field says otherwise, and the message
 * with Auth.js's "Read more at …" appended, as `AuthError`'s constructor writes it.
 */
export class CredentialsSignin extends Error {
  static type = 'CredentialsSignin'
  static kind = 'signIn'
  type: string
  kind: string
  /** Goes into the `code` query parameter of the error page URL. */
  code = 'credentials'

  constructor(message?: unknown, errorOptions?: unknown) {
    if (message instanceof Error) super(undefined, { cause: { err: message, ...(message.cause as object | undefined), ...(errorOptions as object | undefined) } })
    else if (typeof message === 'string') super(message, errorOptions instanceof Error ? { cause: { err: errorOptions, ...(errorOptions.cause as object | undefined) } } : (errorOptions as ErrorOptions | undefined))
    else super(undefined, message as ErrorOptions | undefined)
    const ctor = new.target as unknown as { name: string; type?: string; kind?: string }
    this.name = ctor.name
    this.type = ctor.type ?? 'AuthError'
    this.kind = ctor.kind ?? 'error'
    this.message += `${this.message ? '. ' : ''}Read more at https://errors.authjs.dev#${this.type.toLowerCase()}`
  }
}
// Shared by every callback module in the worker: none may change it for the next.
Object.freeze(CredentialsSignin.prototype)
Object.freeze(CredentialsSignin)

/**
 * The `code` of a thrown CredentialsSignin as `Auth()` writes it into the URL (`params.set` makes it
 * text), or undefined when `error` is not one (or its code cannot be made text). Reads the error, so
 * the sandbox calls it while the call is still open.
 */
export function credentialsSigninCode(error: unknown): string | undefined {
  if (!(error instanceof CredentialsSignin)) return undefined
  try {
    const code: unknown = error.code
    return typeof code === 'string' ? code : String(code)
  } catch {
    return undefined
  }
}

/**
 * What a plain-function runner reports for a callback that threw: CALLBACK_THREW with the error's
 * message, and `details.credentialsSigninCode` when it is a CredentialsSignin (which Auth.js answers
 * with `?error=CredentialsSignin&code=…`).
 */
export function thrownCallbackError(callback: string, error: unknown): SerializedEngineError {
  const message = error instanceof Error ? error.message : String(error)
  const code = credentialsSigninCode(error)
  return new EngineError('CALLBACK_THREW', message, { cause: error, details: { callback, ...(code === undefined ? {} : { credentialsSigninCode: code }) } }).toJSON()
}
