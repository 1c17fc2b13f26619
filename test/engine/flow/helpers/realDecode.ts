// Decodes a session token with the real library's own `decode` (next-auth/jwt, @auth/core/jwt),
// with Date faked to the simulated time.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FlowFlavor } from '../../../../src/engine/index'
import { atTime } from '../../../helpers/atTime'

const require = createRequire(import.meta.url)
const v4Jwt = require(join(process.cwd(), 'node_modules/next-auth/jwt/index.js')) as { decode: (p: unknown) => Promise<Record<string, unknown> | null> }

/** `secret` may be a list: Auth.js tries each; v4 takes one, the first. */
export async function realDecode(flavor: FlowFlavor, token: string, secret: string | string[], salt: string, nowMs: number): Promise<Record<string, unknown> | null> {
  return atTime(nowMs / 1000, async () => {
    if (flavor === 'next-auth-v4') return v4Jwt.decode({ token, secret: Array.isArray(secret) ? secret[0] : secret })
    const { decode } = await import('@auth/core/jwt')
    return (await decode({ token, secret, salt })) as Record<string, unknown> | null
  })
}
