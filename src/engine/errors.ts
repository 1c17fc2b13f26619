// EngineError: what a learner can cause (a bad token, a broken callback, a cookie too large), as a
// string code the UI words through `errors.<CODE>`. Our own bugs stay plain TypeError/Error.

export const ENGINE_ERROR_CODES = [
  // session token (engine/jwt)
  'JWT_DECRYPT_FAILED',
  'JWT_EXPIRED',
  'JWT_NOT_YET_VALID',
  'JWT_MALFORMED',
  'JWT_NO_MATCHING_SECRET',
  'JWT_INVALID_KEY',
  'JWT_UNSUPPORTED_ALG',
  'JWT_CLAIMS_INVALID',
  'JWT_SIGNATURE_INVALID',
  'NO_SECRET',
  // cookies (engine/cookies)
  'COOKIE_MALFORMED',
  'COOKIE_REJECTED',
  'COOKIE_TOO_LARGE',
  // flows (engine/flow)
  'CSRF_MISSING',
  'CSRF_INVALID',
  'CREDENTIALS_SIGNIN',
  'ACCESS_DENIED',
  'CALLBACK_BAD_RETURN',
  'CALLBACK_THREW',
  'SESSION_ABSENT',
  'CONFIG_INVALID',
  // the playground's simulated clock
  'CLOCK_BACKWARDS',
  'CLOCK_OUT_OF_RANGE',
  // callback sandbox (engine/sandbox)
  'SANDBOX_TIMEOUT',
  'SANDBOX_THREW',
  'SANDBOX_SYNTAX_ERROR',
  'SANDBOX_BAD_RETURN',
  'SANDBOX_RETURN_TOO_LARGE',
  'SANDBOX_FORBIDDEN_API',
  'SANDBOX_CRASHED',
  'SANDBOX_UNAVAILABLE',
] as const

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number]

/** Plain, serialisable detail a panel may show (seconds, part names, sizes…). */
export type EngineErrorDetails = Record<string, string | number | boolean | null | undefined | string[]>

/** The one error type the engine throws for learner-caused failures. */
export class EngineError extends Error {
  readonly code: EngineErrorCode
  readonly details: EngineErrorDetails
  /**
   * The cause's real class name when its own `name` may be a minified constructor's (a jose error: see
   * `jwtError` in engine/jwt), given by whoever wraps it; else the serialised cause keeps `cause.name`.
   */
  readonly causeName: string | undefined

  constructor(code: EngineErrorCode, message: string, options: { cause?: unknown; causeName?: string; details?: EngineErrorDetails } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'EngineError'
    this.code = code
    this.details = options.details ?? {}
    this.causeName = options.causeName
  }

  /** The serialisable form that travels in trace events and across the worker boundary. */
  toJSON(): SerializedEngineError {
    const cause = this.cause
    return {
      code: this.code,
      message: this.message,
      details: this.details,
      cause: cause instanceof Error ? serializeCause(cause, this.causeName) : undefined,
    }
  }
}

/**
 * name (the real one when the wrapper gave it), message and a string `code` (jose's `ERR_…`); a
 * DOMException's numeric legacy code is left out.
 */
function serializeCause(cause: Error, realName: string | undefined): NonNullable<SerializedEngineError['cause']> {
  const name = realName ?? cause.name
  const code = (cause as { code?: unknown }).code
  if (typeof code !== 'string') return { name, message: cause.message }
  return { name, message: cause.message, code }
}

export interface SerializedEngineError {
  code: EngineErrorCode
  message: string
  details: EngineErrorDetails
  cause?: { name: string; message: string; code?: string }
}

/**
 * The message the real library's error carries (our `cause`, which is what it throws), else ours:
 * what the real server logs print for this failure.
 */
export function libraryMessageOf(error: SerializedEngineError): string {
  return error.cause?.message ?? error.message
}

export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code)
}
