// `useSession().update(data)`: the v4 client does nothing when there is no session; else (and always
// in v5) `POST /api/auth/session` with `{ csrfToken, data }` (the jwt callback gets trigger "update").
// The v5 client sends a plain GET when `data` is undefined. Both report `loading` while the request
// runs. Follows SessionProvider's `update` in next-auth/react/index.js and v5 react.js.
import { EngineError } from '../errors'
import type { FlowResult } from '../trace'
import { fetchAuth } from './browser'
import { clientGetCsrfToken, clientGetSession, fetchDataResult, setClientSession } from './clientFetch'
import type { FlowContext } from './flowContext'
import type { UpdateSessionInput } from './types'

export async function updateSessionFlow(ctx: FlowContext, input: UpdateSessionInput): Promise<FlowResult> {
  // SessionProvider fetches the session when it mounts; a page that never did, does it first.
  if (ctx.client.session === undefined) await clientGetSession(ctx)
  // v4: `if (loading || !session) return`. The v5 client has no such guard: it posts even when useSession() shows null.
  if (ctx.config.flavor === 'next-auth-v4' && !ctx.client.session) {
    ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.skipped', reason: 'update-without-session' })
    ctx.trace.emit('browser', ctx.sources.client, {
      kind: 'flow.failed',
      error: new EngineError('SESSION_ABSENT', 'update() returned without a request: useSession() has no session to update', { details: { flavor: ctx.config.flavor } }).toJSON(),
    })
    return { flow: 'updateSession', session: null, status: 'unauthenticated' }
  }
  const data = input.data
  // `setLoading(true)`: useSession() reports `loading`, keeping its data, until the answer arrives.
  ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.updated', status: 'loading', session: ctx.client.session ?? null })
  let newSession: Record<string, unknown> | null
  if (ctx.config.flavor === 'authjs' && data === undefined) {
    const res = await fetchAuth(ctx, { method: 'GET', action: 'session', headers: [['Content-Type', 'application/json']], source: ctx.sources.client })
    newSession = fetchDataResult(ctx, res, 'session')
  } else {
    const fetched = await clientGetCsrfToken(ctx)
    const csrfToken = input.csrfTokenOverride ?? fetched
    const res = await fetchAuth(ctx, { method: 'POST', action: 'session', headers: [['Content-Type', 'application/json']], body: { type: 'json', data: { csrfToken, data } }, source: ctx.sources.client })
    newSession = fetchDataResult(ctx, res, 'session')
  }
  // `setLoading(false)`; only a non-empty answer replaces useSession's data.
  if (newSession) setClientSession(ctx, newSession)
  else ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.updated', status: ctx.client.session ? 'authenticated' : 'unauthenticated', session: ctx.client.session ?? null })
  return { flow: 'updateSession', session: newSession, status: ctx.client.session ? 'authenticated' : 'unauthenticated' }
}
