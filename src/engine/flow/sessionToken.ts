// Encoding and decoding the session token as the handlers do: v4 with the empty salt
// (next-auth/jwt/index.js), Auth.js with the session cookie name as salt (@auth/core/jwt.js), or the
// labelled simplified HS256 model. Each call is recorded with its inputs, key ladder and result.
import { EngineError, isEngineError, type SerializedEngineError } from '../errors'
import type { KeyView } from '../trace'
import type { FlowContext } from './flowContext'
import { decodeDetailed, deriveKey, encodeDetailed } from './ports'
import type { ResolvedOptions } from './resolveOptions'

export type TokenFlavor = 'next-auth-v4' | 'authjs' | 'simplified-hs256'

export function tokenFlavor(ctx: FlowContext): TokenFlavor {
  return ctx.config.tokenModel === 'simplified-hs256' ? 'simplified-hs256' : ctx.config.flavor
}

/** v4 session tokens always use the empty salt; Auth.js uses the session cookie's name. */
export function sessionSalt(ctx: FlowContext, options: ResolvedOptions): string {
  return ctx.config.flavor === 'authjs' ? options.cookies.sessionToken.name : ''
}

export type EncodeOutcome = { ok: true; token: string; claims: Record<string, unknown> } | { ok: false; error: SerializedEngineError; message: string }

export async function encodeSessionToken(
  ctx: FlowContext,
  options: ResolvedOptions,
  token: unknown,
  maxAgeSec: number,
  maxAgeFrom: 'jwt.maxAge' | 'session.maxAge' | 'default',
): Promise<EncodeOutcome> {
  const salt = sessionSalt(ctx, options)
  try {
    const result = await encodeDetailed({ token, secret: options.secret, maxAge: maxAgeSec, salt, flavor: tokenFlavor(ctx), nowSec: ctx.clock.nowSec(), random: ctx.random })
    ctx.trace.emit('jose', ctx.sources.jwt, {
      kind: 'jwt.encoded',
      claimsIn: (token !== null && typeof token === 'object' ? token : {}) as Record<string, unknown>,
      claims: result.claims,
      maxAgeSec,
      maxAgeFrom,
      key: result.key,
      header: result.header,
      token: result.token,
    })
    return { ok: true, token: result.token, claims: result.claims }
  } catch (cause) {
    const error = asEngineError(cause, 'JWT_CLAIMS_INVALID').toJSON()
    ctx.trace.emit('jose', ctx.sources.jwt, { kind: 'flow.failed', error })
    return { ok: false, error, message: error.message }
  }
}

export type DecodeOutcome = { ok: true; claims: Record<string, unknown> | null } | { ok: false; error: SerializedEngineError; message: string }

export async function decodeSessionToken(ctx: FlowContext, secret: ResolvedOptions['secret'], salt: string, token: string, source: string): Promise<DecodeOutcome> {
  const flavor = tokenFlavor(ctx)
  try {
    const result = await decodeDetailed({ token, secret, salt, flavor, nowSec: ctx.clock.nowSec() })
    if (result) ctx.trace.emit('jose', source, { kind: 'jwt.decoded', token, key: result.key, header: result.header, claims: result.claims })
    return { ok: true, claims: result ? result.claims : null }
  } catch (cause) {
    const error = asEngineError(cause, 'JWT_DECRYPT_FAILED').toJSON()
    const key = await keyViewFor(secret, salt, flavor)
    ctx.trace.emit('jose', source, { kind: 'jwt.decodeFailed', token, ...('key' in key ? { key: key.key } : { keyError: key.keyError }), error })
    return { ok: false, error, message: error.message }
  }
}

async function keyViewFor(secret: ResolvedOptions['secret'], salt: string, flavor: TokenFlavor): Promise<{ key: KeyView } | { keyError: SerializedEngineError }> {
  try {
    return { key: await deriveKey({ secret, salt, flavor }) }
  } catch (cause) {
    // No key can be derived (e.g. no secret): the failed-decode event carries why instead of a key ladder.
    return { keyError: asEngineError(cause, 'JWT_INVALID_KEY').toJSON() }
  }
}

function asEngineError(cause: unknown, fallback: 'JWT_CLAIMS_INVALID' | 'JWT_DECRYPT_FAILED' | 'JWT_INVALID_KEY'): EngineError {
  if (isEngineError(cause)) return cause
  return new EngineError(fallback, cause instanceof Error ? cause.message : String(cause), { cause })
}
