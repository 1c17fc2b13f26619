// signOut(): which cookies are deleted (every session cookie or chunk, Max-Age=0, no Expires) and
// which stay (CSRF, callback URL), the SIGNOUT_ERROR / SignOutError log, and the CSRF check.
import { describe, expect, it } from 'vitest'
import type { FlowFlavor } from '../../../src/engine/index'
import { eventsOf, logs, responses } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig, seedScenario } from './helpers/scenario'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe.each(FLAVORS)('signOut (%s)', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const prefix = isV4 ? 'next-auth' : 'authjs'
  const config = (patch = {}) => scenarioConfig({ flavor, ...patch })

  it('deletes the session cookie with Max-Age=0 and keeps the CSRF and callback-URL cookies', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('signOut')
    const post = eventsOf(trace, 'http.requested').find((e) => e.request.method === 'POST')!
    expect(Object.keys(Object.fromEntries(new URLSearchParams(post.request.body)))).toEqual(isV4 ? ['csrfToken', 'callbackUrl', 'json'] : ['csrfToken', 'callbackUrl'])
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.setCookie)).toEqual([`${prefix}.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`])
    expect(trace.jarAfter.map((c) => c.name).sort()).toEqual([`${prefix}.callback-url`, `${prefix}.csrf-token`])
    expect(trace.result).toEqual({ flow: 'signOut', value: { url: 'http://localhost:3000/' } })
    expect(eventsOf(trace, 'client.updated').at(-1)).toMatchObject({ status: 'unauthenticated' })
  })

  it('deletes every chunk of a chunked session cookie', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token }) => ({ ...token, blob: 'y'.repeat(5000) })
    const playground = playgroundFor(config(), callbacks)
    await playground.run('signIn', ADA)
    const trace = await playground.run('signOut')
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.name)).toEqual([`${prefix}.session-token.0`, `${prefix}.session-token.1`])
  })

  it('still deletes the cookie when it cannot be decoded, logging the error', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    playground.tamperSessionCookie()
    const trace = await playground.run('signOut')
    expect(logs(trace)).toContain(isV4 ? 'SIGNOUT_ERROR' : 'SignOutError')
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.name)).toEqual([`${prefix}.session-token`])
  })

  it('resolves to the JSON the server answered, as it is ({ message } from a 500, not an invented url)', async () => {
    const trace = await playgroundFor(config({ secret: '', nodeEnv: 'production' })).run('signOut')
    expect(responses(trace).find((r) => r.method === 'POST')).toMatchObject({ status: 500 })
    expect(trace.result).toEqual({ flow: 'signOut', value: { message: expect.stringMatching(/problem with the server configuration/) } })
  })

  it(isV4 ? 'v4: a wrong CSRF token answers { url: …/signout?csrf=true } and clears nothing' : 'Auth.js: a wrong CSRF token answers MissingCSRF and clears nothing', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('signOut', { csrfTokenOverride: 'forged' })
    expect(responses(trace)[1]).toMatchObject({ status: 200, body: { url: isV4 ? 'http://localhost:3000/api/auth/signout?csrf=true' : 'http://localhost:3000/api/auth/signin?error=MissingCSRF' } })
    expect(eventsOf(trace, 'cookie.deleted')).toEqual([])
    expect(eventsOf(trace, 'client.updated').at(-1)).toMatchObject({ status: 'authenticated' })
    expect(eventsOf(trace, 'flow.failed').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'CSRF_INVALID', details: expect.objectContaining({ action: 'signout', looksLikeSuccess: isV4 }) })])
  })
})
