// The client library's `fetchData` (next-auth/client/_utils.js; next-auth v5 lib/client.js): a
// non-2xx answer or an empty object becomes null, and a failure is logged as CLIENT_FETCH_ERROR.
import { fetchAuth } from './browser'
import type { FlowContext } from './flowContext'
import type { HttpResult } from './routes/types'

export function fetchDataResult(ctx: FlowContext, res: HttpResult, path: string): Record<string, unknown> | null {
  const data = res.body
  const ok = res.status >= 200 && res.status < 300
  // v4 and v5 both throw on a non-2xx answer (and res.json() throws on a text body), log it, and return null.
  const parsesAsJson = data === null || (data !== undefined && typeof data !== 'string')
  if (!ok || !parsesAsJson) {
    const code = ctx.config.flavor === 'next-auth-v4' ? 'CLIENT_FETCH_ERROR' : 'ClientFetchError'
    ctx.trace.emit('browser', ctx.sources.clientFetch, { kind: 'log.written', level: 'error', code, text: `${code} ${path}: ${JSON.stringify(data ?? null)}` })
    return null
  }
  if (data === null || typeof data !== 'object') return null
  // v4 turns an empty object into null; v5 returns the JSON as it is (Auth.js answers null itself).
  if (ctx.config.flavor === 'next-auth-v4' && Object.keys(data).length === 0) return null
  return data as Record<string, unknown>
}

/** `getCsrfToken()`: `GET /api/auth/csrf`; v4 resolves to undefined on failure (sent as "undefined"), v5 to "". */
export async function clientGetCsrfToken(ctx: FlowContext): Promise<string | undefined> {
  const res = await fetchAuth(ctx, { method: 'GET', action: 'csrf', headers: [['Content-Type', 'application/json']], source: ctx.sources.client })
  const data = fetchDataResult(ctx, res, 'csrf')
  const token = typeof data?.csrfToken === 'string' ? data.csrfToken : undefined
  return ctx.config.flavor === 'authjs' ? (token ?? '') : token
}

/** `getSession()` as SessionProvider calls it; updates useSession's data. */
export async function clientGetSession(ctx: FlowContext): Promise<Record<string, unknown> | null> {
  // Before its first answer, useSession() reports `loading`.
  if (ctx.client.session === undefined) ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.updated', status: 'loading', session: null })
  const res = await fetchAuth(ctx, { method: 'GET', action: 'session', headers: [['Content-Type', 'application/json']], source: ctx.sources.client })
  const session = fetchDataResult(ctx, res, 'session')
  setClientSession(ctx, session)
  return session
}

export function setClientSession(ctx: FlowContext, session: Record<string, unknown> | null): void {
  ctx.client.session = session
  ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.updated', status: session ? 'authenticated' : 'unauthenticated', session })
}
