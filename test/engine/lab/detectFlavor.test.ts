import { describe, expect, it } from 'vitest'
import { detectFlavor, flavorFromHeader } from '../../../src/engine/lab/detectFlavor'
import { findSessionCookie } from '../../../src/engine/lab/findSessionCookie'
import { parseTokenInput } from '../../../src/engine/lab/parseTokenInput'
import { inspect } from '../../../src/engine/jwt/inspect'
import { authjsJwt, v4Jwt } from './realLibs'

const matchOf = (text: string) => findSessionCookie(parseTokenInput(text).cookies).match

describe(flavorFromHeader, () => {
  it('tells v4 from Auth.js by the header of real tokens', async () => {
    const v4 = await v4Jwt.encode({ token: { sub: '1' }, secret: 's' })
    const authjs = await (await authjsJwt()).encode({ token: { sub: '1' }, secret: 's', salt: 'authjs.session-token' })
    expect(flavorFromHeader(inspect(v4).header)).toBe('next-auth-v4')
    expect(flavorFromHeader(inspect(authjs).header)).toBe('authjs')
    expect(inspect(authjs).header).toMatchObject({ alg: 'dir', enc: 'A256CBC-HS512', kid: expect.any(String) })
    expect(flavorFromHeader({ alg: 'HS256' })).toBeNull()
    expect(inspect('not json.x.y').header).toBeNull()
  })
})

describe(detectFlavor, () => {
  const v4Header = { alg: 'dir', enc: 'A256GCM' }
  const authjsHeader = { alg: 'dir', enc: 'A256CBC-HS512', kid: 'k' }

  it('uses the empty salt for v4 session tokens, whatever the cookie name', () => {
    expect(detectFlavor(v4Header, matchOf('__Secure-next-auth.session-token=a.b.c.d.e'))).toMatchObject({ flavor: 'next-auth-v4', flavorFrom: 'header', salt: '', saltFrom: 'v4-session', nameMismatch: false })
  })

  it('uses the cookie name, __Secure- included, as the Auth.js salt', () => {
    expect(detectFlavor(authjsHeader, matchOf('__Secure-authjs.session-token=a.b.c.d.e'))).toMatchObject({ flavor: 'authjs', salt: '__Secure-authjs.session-token', saltFrom: 'cookie-name', kid: 'k', enc: 'A256CBC-HS512' })
    expect(detectFlavor(authjsHeader, null)).toMatchObject({ salt: 'authjs.session-token', saltFrom: 'default' })
  })

  it('notices a token of one library in the other library’s cookie', () => {
    expect(detectFlavor(v4Header, matchOf('authjs.session-token=a.b.c.d.e'))).toMatchObject({ flavor: 'next-auth-v4', nameMismatch: true })
  })

  it('lets the user override flavour and salt', () => {
    expect(detectFlavor(v4Header, null, { flavor: 'authjs', salt: 'custom' })).toMatchObject({ flavor: 'authjs', flavorFrom: 'override', salt: 'custom', saltFrom: 'override' })
    expect(detectFlavor(null, matchOf('authjs.session-token=x'))).toMatchObject({ flavor: 'authjs', flavorFrom: 'cookie-name' })
    expect(detectFlavor(null, null)).toMatchObject({ flavor: 'next-auth-v4', flavorFrom: 'default' })
  })
})
