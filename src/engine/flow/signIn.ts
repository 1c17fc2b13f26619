// `signIn('credentials', { email, password, redirect: false, callbackUrl })` in the client
// (next-auth/react/index.js; v5 next-auth/react.js): providers, csrf, the credentials POST, then
// the session refresh when the answer is ok. The server side is routes/credentialsCallback.ts.
import type { FlowResult } from '../trace'
import { fetchAuth } from './browser'
import { clientGetCsrfToken, clientGetSession, fetchDataResult } from './clientFetch'
import { CREDENTIALS_PROVIDER } from './constants'
import type { FlowContext } from './flowContext'
import { parseSiteUrl } from './resolveOptions'
import type { SignInInput } from './types'

type SignInValue = Extract<FlowResult, { flow: 'signIn' }>['value']

export async function signInFlow(ctx: FlowContext, input: SignInInput): Promise<FlowResult> {
  return { flow: 'signIn', value: await clientSignIn(ctx, input) }
}

async function clientSignIn(ctx: FlowContext, input: SignInInput): Promise<SignInValue> {
  const isV4 = ctx.config.flavor === 'next-auth-v4'
  const base = parseSiteUrl(ctx.config.siteUrl).base
  const callbackUrl = input.callbackUrl ?? ctx.client.pageUrl

  const providersRes = await fetchAuth(ctx, { method: 'GET', action: 'providers', headers: [['Content-Type', 'application/json']], source: ctx.sources.client })
  const providers = fetchDataResult(ctx, providersRes, 'providers')
  if (!providers || !(CREDENTIALS_PROVIDER.id in providers)) {
    // The real client sets window.location.href and resolves to undefined.
    return { ok: false, status: providersRes.status, ...noError(isV4), url: null, navigatedTo: providers ? `${base}/signin?${new URLSearchParams({ callbackUrl })}` : `${base}/error` }
  }

  const fetched = await clientGetCsrfToken(ctx)
  const csrfToken = input.csrfTokenOverride ?? fetched
  // The form body is every option passed to signIn plus csrfToken and callbackUrl (v4 also json=true);
  // the v5 client leaves `redirect` out and asks for JSON with a header instead.
  const options: Record<string, unknown> = { email: input.email, password: input.password, ...(isV4 ? { redirect: false } : {}), ...(input.callbackUrl === undefined ? {} : { callbackUrl: input.callbackUrl }) }
  const data: Record<string, unknown> = isV4 ? { ...options, csrfToken, callbackUrl, json: true } : { ...options, csrfToken, callbackUrl }
  const headers: [string, string][] = [['Content-Type', 'application/x-www-form-urlencoded'], ...(isV4 ? [] : [['X-Auth-Return-Redirect', '1'] as [string, string]])]
  // v5: `${signInUrl}?${new URLSearchParams(authorizationParams)}`, so a bare `?` even without parameters.
  const res = await fetchAuth(ctx, { method: 'POST', action: 'callback', providerId: CREDENTIALS_PROVIDER.id, headers, body: { type: 'form', data }, ...(isV4 ? {} : { search: '?' }), source: ctx.sources.client })

  // `await res.json()` then `new URL(data.url)`: a non-JSON body or a missing url makes signIn() reject.
  const body = res.body
  if (body === null || typeof body !== 'object') return { ok: false, status: res.status, ...noError(isV4), url: null, rejectedWith: `SyntaxError: Unexpected token in JSON (HTTP ${res.status})` }
  const dataUrl = (body as Record<string, unknown>).url
  let parsed: URL
  try {
    parsed = new URL(String(dataUrl))
  } catch {
    return { ok: false, status: res.status, ...noError(isV4), url: null, rejectedWith: `TypeError: Invalid URL: ${String(dataUrl)}` }
  }
  const error = parsed.searchParams.get('error')
  const ok = res.status >= 200 && res.status < 300
  if (ok) await clientGetSession(ctx)
  // `url: error ? null : data.url`: the answer's url as it came, whatever its type.
  const url = (error ? null : dataUrl) as string | null
  if (isV4) return { error, status: res.status, ok, url }
  // v5: `searchParams.get("error") ?? undefined` (and the same for `code`): absent, not null.
  const code = parsed.searchParams.get('code')
  return { ...(error === null ? {} : { error }), ...(code === null ? {} : { code }), status: res.status, ok, url }
}

/** What the client resolves `error` to when it never read an answer: v4 null, v5 undefined (absent). */
export function noError(isV4: boolean): { error?: null } {
  return isV4 ? { error: null } : {}
}
