// `signOut({ redirect: false })`: csrf, then `POST /api/auth/signout`, then the session refresh.
// Client: next-auth/react/index.js (v5 next-auth/react.js); server: routes/signoutRoute.ts.
import type { FlowResult } from '../trace'
import { fetchAuth } from './browser'
import { clientGetCsrfToken, clientGetSession } from './clientFetch'
import type { FlowContext } from './flowContext'
import type { SignOutInput } from './types'

export async function signOutFlow(ctx: FlowContext, input: SignOutInput = {}): Promise<FlowResult> {
  const isV4 = ctx.config.flavor === 'next-auth-v4'
  const callbackUrl = ctx.client.pageUrl
  const fetched = await clientGetCsrfToken(ctx)
  const csrfToken = input.csrfTokenOverride ?? fetched
  const data: Record<string, unknown> = isV4 ? { csrfToken, callbackUrl, json: true } : { csrfToken, callbackUrl }
  const headers: [string, string][] = [['Content-Type', 'application/x-www-form-urlencoded'], ...(isV4 ? [] : [['X-Auth-Return-Redirect', '1'] as [string, string]])]
  const res = await fetchAuth(ctx, { method: 'POST', action: 'signout', headers, body: { type: 'form', data }, source: ctx.sources.client })
  // `const data = await res.json()`: a body that is not JSON makes signOut() reject before the session refresh.
  if (res.body === undefined || typeof res.body === 'string') return { flow: 'signOut', value: {}, rejectedWith: `SyntaxError: Unexpected token in JSON (HTTP ${res.status})` }
  await clientGetSession(ctx)
  // `return data`: the JSON as the server answered it (`{ url }`, or `{ message }` from a 500).
  return { flow: 'signOut', value: (res.body ?? {}) as { url?: string } }
}
