// `useSession().update(data)`: nothing when there is no session; else `POST /api/auth/session` with
// `{ csrfToken, data }` (the jwt callback gets trigger "update"). The v5 client sends a plain GET when
// `data` is undefined. Follows SessionProvider's `update` in next-auth/react/index.js and v5 react.js.
import type { FlowResult } from '../trace'
import { fetchAuth } from './browser'
import { clientGetCsrfToken, clientGetSession, fetchDataResult, setClientSession } from './clientFetch'
import type { FlowContext } from './flowContext'
import type { UpdateSessionInput } from './types'

export async function updateSessionFlow(ctx: FlowContext, input: UpdateSessionInput): Promise<FlowResult> {
  // SessionProvider fetches the session when it mounts; a page that never did, does it first.
  if (ctx.client.session === undefined) await clientGetSession(ctx)
  if (!ctx.client.session) {
    ctx.trace.emit('browser', ctx.sources.client, { kind: 'client.skipped', reason: 'update-without-session' })
    return { flow: 'updateSession', session: null, status: 'unauthenticated' }
  }
  const data = input.data
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
  // Only a non-empty answer replaces useSession's data.
  if (newSession) setClientSession(ctx, newSession)
  return { flow: 'updateSession', session: newSession, status: ctx.client.session ? 'authenticated' : 'unauthenticated' }
}
