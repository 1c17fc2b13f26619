// `POST /api/auth/signout` with JWT sessions: decode for the `signOut` event, then delete every
// session cookie or chunk seen (Max-Age=0); the CSRF and callback-URL cookies stay.
// Follows next-auth/core/routes/signout.js and @auth/core/lib/actions/signout.js.
import type { OutgoingCookie } from '../ports'
import { libraryMessageOf } from '../../errors'
import type { FlowContext } from '../flowContext'
import { logAuthjsError, logV4Error } from '../serverLog'
import { decodeSessionToken, sessionSalt } from '../sessionToken'
import { openSessionStore } from './sessionStore'
import type { InitResult, InternalRequest, RouteResult } from './types'

export async function signoutRoute(ctx: FlowContext, req: InternalRequest, init: InitResult): Promise<RouteResult> {
  const { options } = init
  const source = ctx.sources.signout
  const cookies: OutgoingCookie[] = [...init.cookies]
  const store = openSessionStore(ctx, options.cookies.sessionToken, req.cookies, source)
  const sessionToken = store.value
  if (!sessionToken) return { redirect: init.callbackUrl, cookies }
  const decoded = await decodeSessionToken(ctx, options.secret, sessionSalt(ctx, options), sessionToken, source)
  if (!decoded.ok) {
    if (ctx.config.flavor === 'next-auth-v4') logV4Error(ctx, 'SIGNOUT_ERROR', libraryMessageOf(decoded.error))
    else logAuthjsError(ctx, 'SignOutError', '', libraryMessageOf(decoded.error))
  }
  cookies.push(...store.clean())
  return { redirect: init.callbackUrl, cookies }
}
