// The lab's "Open" against tokens and cookies made at test time by the real next-auth 4.24.15 and
// @auth/core 0.41.3 (encode, SessionStore chunking, cookie serialisation).
import { describe, expect, it } from 'vitest'
import { openToken, type OpenTokenResult } from '../../../src/engine/lab/openToken'
import { authjsJwt, bigClaims, realChunk, realSerialize, realSessionValueFromHeader, v4Jwt } from './realLibs'

const SECRET = 'lab-test-secret'
const OTHER = 'some-other-secret'
const user = { name: 'Ada Lovelace', email: 'ada@example.com', picture: null, sub: '42', role: 'admin' }
const nowSec = () => Math.floor(Date.now() / 1000)

function expectStatus<S extends OpenTokenResult['status']>(result: OpenTokenResult, status: S): Extract<OpenTokenResult, { status: S }> {
  expect(result.status).toBe(status)
  return result as Extract<OpenTokenResult, { status: S }>
}

describe('openToken with real v4 tokens', () => {
  it('opens a cookie header holding a v4 session cookie and explains it', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: `Cookie: next-auth.csrf-token=a%7Cb; next-auth.session-token=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.claims).toEqual(await v4Jwt.decode({ token, secret: SECRET }))
    expect(result.detection).toMatchObject({ format: 'cookie-header', flavor: 'next-auth-v4', flavorFrom: 'header', salt: '', saltFrom: 'v4-session' })
    expect(result.detection.cookies.match!.cookieName).toBe('next-auth.session-token')
    expect(result.key.info).toBe('NextAuth.js Generated Encryption Key')
    expect(result.explanation.expiry).toMatchObject({ kind: 'valid' })
    expect(result.explanation.lifetimeSec).toBe(2592000)
  })

  it('re-assembles the real chunked Set-Cookie lines pasted in any order', async () => {
    const token = await v4Jwt.encode({ token: bigClaims(6000), secret: SECRET })
    const cookies = await realChunk('next-auth-v4', true, token, new Date(Date.now() + 86400_000))
    expect(cookies.length).toBeGreaterThan(1)
    const lines = cookies.map(realSerialize).map((line) => `Set-Cookie: ${line}`).reverse()
    const result = expectStatus(await openToken({ input: lines.join('\n'), secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.detection.cookies.match).toMatchObject({ cookieName: '__Secure-next-auth.session-token', reordered: true, value: token })
    expect(result.detection.cookies.match!.chunks.map((c) => c.name)).toEqual(cookies.map((c) => c.name))
    expect(result.claims.filler).toBe(bigClaims(6000).filler)
  })

  it('tries each secret line for v4 (which has one secret) and says which opened it', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: token, secrets: [OTHER, SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.secretIndex).toBe(1)
  })

  it('shows an expired token’s claims, with how long ago it expired', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET, maxAge: -3 * 86400 })
    await expect(v4Jwt.decode({ token, secret: SECRET })).rejects.toThrow()
    const result = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec() }), 'expired')
    expect(result.error.code).toBe('JWT_EXPIRED')
    expect(result.claims.email).toBe(user.email)
    expect(result.explanation.expiry).toMatchObject({ kind: 'expired' })
    const { expiredBySec } = result.explanation.expiry as { expiredBySec: number }
    expect(Math.abs(expiredBySec - 3 * 86400)).toBeLessThanOrEqual(2)
  })

  it('checks against another date when asked', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const later = nowSec() + 31 * 86400
    expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: later }), 'expired')
  })

  it('explains a wrong secret: the key derived, and the usual causes', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    await expect(v4Jwt.decode({ token, secret: OTHER })).rejects.toThrow()
    const result = expectStatus(await openToken({ input: token, secrets: [OTHER], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_DECRYPT_FAILED')
    expect(result.diagnosis.keys).toHaveLength(1)
    expect(result.diagnosis.keys[0]!.key).toMatchObject({ info: 'NextAuth.js Generated Encryption Key', salt: '', lengthBytes: 32 })
    expect(result.diagnosis.causes[0]).toBe('secret-changed')
    expect(result.diagnosis.opensWith).toBeNull()
  })

  it('explains a tampered token (a byte in the middle of the ciphertext)', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const parts = token.split('.')
    const bytes = Buffer.from(parts[3]!, 'base64url')
    bytes[bytes.length >> 1]! ^= 0x01
    parts[3] = bytes.toString('base64url')
    const tampered = parts.join('.')
    await expect(v4Jwt.decode({ token: tampered, secret: SECRET })).rejects.toThrow()
    const result = expectStatus(await openToken({ input: tampered, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_DECRYPT_FAILED')
    expect(result.diagnosis.causes).toContain('tampered')
  })

  it('finds that a v4 token read as Auth.js opens as v4', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: `authjs.session-token=${token}`, secrets: [SECRET], nowSec: nowSec(), flavor: 'authjs' }), 'failed')
    expect(result.diagnosis.opensWith).toMatchObject({ flavor: 'next-auth-v4', salt: '', secretIndex: 0 })
    expect(result.diagnosis.causes[0]).toBe('v4-token-as-authjs')
  })

  it('says which part is malformed', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const cut = token.split('.').slice(0, 4).join('.')
    const result = expectStatus(await openToken({ input: cut, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_MALFORMED')
    expect(result.diagnosis.malformed).toMatchObject({ part: 'token' })
    expect(result.error.details).toMatchObject({ reason: 'wrong-part-count', actual: 4 })
  })

  it('opens what the real v4 decode opens although the strict shape check flags it (Buffer skips a stray character)', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const parts = token.split('.')
    parts[3] = `${parts[3]!.slice(0, 10)}!${parts[3]!.slice(10)}`
    const odd = parts.join('.')
    expect(await v4Jwt.decode({ token: odd, secret: SECRET })).toMatchObject({ email: user.email })
    const result = expectStatus(await openToken({ input: odd, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.claims).toMatchObject({ email: user.email })
    expect(result.detection.shape.problems.map((p) => p.part)).toEqual(['ciphertext'])
  })

  it('names an enc no library supports as unsupported, as the real decode does, not as malformed', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A512GCM' })).toString('base64url')
    const odd = [header, ...token.split('.').slice(1)].join('.')
    await expect(v4Jwt.decode({ token: odd, secret: SECRET })).rejects.toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED' })
    expect(expectStatus(await openToken({ input: odd, secrets: [SECRET], nowSec: nowSec() }), 'failed').error.code).toBe('JWT_UNSUPPORTED_ALG')
  })

  it('asks for the secret but still shows what it detected', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: token, secrets: [], nowSec: nowSec() }), 'needs-secret')
    expect(result.detection.header).toEqual({ alg: 'dir', enc: 'A256GCM' })
  })
})

describe('openToken with real Auth.js tokens', () => {
  it('opens a __Secure- cookie: the salt is the prefixed cookie name', async () => {
    const salt = '__Secure-authjs.session-token'
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt })
    const result = expectStatus(await openToken({ input: `${salt}=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.claims).toEqual(await (await authjsJwt()).decode({ token, secret: SECRET, salt }))
    expect(result.detection).toMatchObject({ flavor: 'authjs', salt, saltFrom: 'cookie-name', enc: 'A256CBC-HS512' })
    expect(result.key).toMatchObject({ info: `Auth.js Generated Encryption Key (${salt})`, lengthBytes: 64 })
  })

  it('finds the salt of a bare token from its kid', async () => {
    const salt = '__Secure-authjs.session-token'
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt })
    const result = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.detection).toMatchObject({ salt, saltFrom: 'kid' })
  })

  it('picks the rotated secret whose kid matches', async () => {
    const salt = 'authjs.session-token'
    const token = await (await authjsJwt()).encode({ token: user, secret: [OTHER, SECRET], salt }) // made before rotation: OTHER first
    const result = expectStatus(await openToken({ input: `${salt}=${token}`, secrets: ['newest', SECRET, OTHER], nowSec: nowSec() }), 'decoded')
    expect(result.secretIndex).toBe(2)
    expect(result.detection.secretKids.map((k) => k.matches)).toEqual([false, false, true])
    expect(await (await authjsJwt()).decode({ token, secret: ['newest', SECRET, OTHER], salt })).toMatchObject({ sub: '42' })
  })

  it('explains a rotated secret missing from the list', async () => {
    const salt = 'authjs.session-token'
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt })
    await expect((await authjsJwt()).decode({ token, secret: [OTHER], salt })).rejects.toThrow('no matching decryption secret')
    const result = expectStatus(await openToken({ input: `${salt}=${token}`, secrets: [OTHER, 'older'], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_NO_MATCHING_SECRET')
    expect(result.diagnosis.tokenKid).toBe(result.detection.kid)
    expect(result.diagnosis.keys[0]!.key.kid).not.toBe(result.detection.kid)
    expect(result.diagnosis.causes[0]).toBe('rotated-secret-missing')
  })

  it('finds that a __Secure- token pasted under the plain name needs the __Secure- salt', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: '__Secure-authjs.session-token' })
    const result = expectStatus(await openToken({ input: `authjs.session-token=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_NO_MATCHING_SECRET')
    expect(result.diagnosis.opensWith).toMatchObject({ flavor: 'authjs', salt: '__Secure-authjs.session-token', secretIndex: 0 })
    expect(result.diagnosis.causes[0]).toBe('secure-prefix-salt')
  })

  it('finds the __Secure- salt for a token that is not valid yet too: its key opened it', async () => {
    const token = await (await authjsJwt()).encode({ token: { ...user, nbf: nowSec() + 3600 }, secret: SECRET, salt: '__Secure-authjs.session-token' })
    const result = expectStatus(await openToken({ input: `authjs.session-token=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.error.code).toBe('JWT_NO_MATCHING_SECRET')
    expect(result.diagnosis.opensWith).toEqual({ flavor: 'authjs', salt: '__Secure-authjs.session-token', secretIndex: 0, expired: false })
    expect(result.diagnosis.causes[0]).toBe('secure-prefix-salt')
  })

  it('re-assembles real Auth.js chunks from a document.cookie string', async () => {
    const token = await (await authjsJwt()).encode({ token: bigClaims(9000), secret: SECRET, salt: 'authjs.session-token' })
    const cookies = await realChunk('authjs', false, token, new Date(Date.now() + 86400_000))
    expect(cookies.length).toBeGreaterThanOrEqual(3)
    const shuffled = [cookies[1]!, cookies[2]!, cookies[0]!, ...cookies.slice(3)]
    const input = ['theme=dark', ...shuffled.map((c) => `${c.name}=${c.value}`)].join('; ')
    const result = expectStatus(await openToken({ input, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.detection.cookies.match!.value).toBe(token)
    expect(result.detection.cookies.others).toEqual(['theme'])
  })
})

describe('openToken across libraries and the tolerance', () => {
  it('explains an Auth.js token read as v4: wrong key length, and that it opens as Auth.js', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: 'authjs.session-token' })
    await expect(v4Jwt.decode({ token, secret: SECRET })).rejects.toThrow('Invalid Content Encryption Key length')
    const result = expectStatus(await openToken({ input: `authjs.session-token=${token}`, secrets: [SECRET], nowSec: nowSec(), flavor: 'next-auth-v4' }), 'failed')
    expect(result.error.code).toBe('JWT_INVALID_KEY')
    expect(result.diagnosis.opensWith).toMatchObject({ flavor: 'authjs', salt: 'authjs.session-token' })
    expect(result.diagnosis.causes[0]).toBe('authjs-token-as-v4')
  })

  it('still opens a token a few seconds past exp, as the real decode does, and says so', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET, maxAge: -5 })
    await expect(v4Jwt.decode({ token, secret: SECRET })).resolves.toMatchObject({ sub: '42' })
    const result = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.explanation.expiry).toMatchObject({ kind: 'grace' })
  })

  it('notices a v4 token in an Auth.js cookie', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: `__Secure-authjs.session-token=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.detection).toMatchObject({ flavor: 'next-auth-v4', nameMismatch: true })
  })
})

describe('openToken with other tokens', () => {
  it('recognises a JWS and decodes its header and payload without a key', async () => {
    const { SignJWT } = await import('jose')
    const jws = await new SignJWT({ sub: '1', scope: 'read' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET))
    const result = expectStatus(await openToken({ input: jws, secrets: [], nowSec: nowSec() }), 'signed')
    expect(result.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(result.payload).toEqual({ sub: '1', scope: 'read' })
  })

  it('says when no pasted cookie is a session token', async () => {
    expect(await openToken({ input: 'theme=dark; lang=en', secrets: [SECRET], nowSec: 0 })).toEqual({ status: 'no-token', format: 'cookie-header', cookieNames: ['theme', 'lang'] })
    expect(await openToken({ input: '', secrets: [], nowSec: 0 })).toEqual({ status: 'empty' })
  })
})

describe('openToken with a name pasted twice', () => {
  it('reads the first value of a Cookie header, as the real server does, and offers the other', async () => {
    const old = await v4Jwt.encode({ token: { sub: 'old' }, secret: OTHER })
    const current = await v4Jwt.encode({ token: { sub: 'current' }, secret: SECRET })
    const header = `next-auth.session-token=${old}; next-auth.session-token=${current}`
    // The real server reads the old value and cannot decrypt it: the user is signed out.
    const real = await realSessionValueFromHeader('next-auth-v4', 'next-auth.session-token', header)
    expect(real).toBe(old)
    await expect(v4Jwt.decode({ token: real, secret: SECRET })).rejects.toThrow()

    const failed = expectStatus(await openToken({ input: `Cookie: ${header}`, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(failed.detection.token).toBe(old)
    expect(failed.detection.cookies.match!.duplicates).toEqual([expect.objectContaining({ name: 'next-auth.session-token', rule: 'first-sent' })])
    expect(failed.diagnosis.causes[0]).toBe('duplicate-cookie')
    const other = failed.detection.cookies.match!.duplicates[0]!.values.find((value) => !value.read)!
    const picked = expectStatus(await openToken({ input: `Cookie: ${header}`, secrets: [SECRET], nowSec: nowSec(), cookiePicks: { 'next-auth.session-token': other.position } }), 'decoded')
    expect(picked.claims.sub).toBe('current')
  })

  it('reads the Set-Cookie value of a devtools Headers pane over the request cookie, and mentions both', async () => {
    const old = await v4Jwt.encode({ token: { sub: 'old' }, secret: SECRET })
    const fresh = await v4Jwt.encode({ token: { sub: 'new' }, secret: SECRET })
    const pane = ['Response Headers', 'set-cookie', `next-auth.session-token=${fresh}; Path=/; HttpOnly; SameSite=Lax`, 'Request Headers', 'cookie', `next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${old}`].join('\n')
    const result = expectStatus(await openToken({ input: pane, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
    expect(result.claims.sub).toBe('new')
    expect(result.detection.cookies.match!.duplicates[0]).toMatchObject({ rule: 'set-over-sent' })
  })
})

describe('openToken names the settings, not the secret, when a given secret opens the token', () => {
  const noSecretBlame = (result: Extract<OpenTokenResult, { status: 'failed' }>) => expect(result.diagnosis.causes).not.toContain('secret-changed')

  it('an Auth.js token under a custom cookie name: the cookie name is the salt', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: 'authjs.session-token' })
    for (const name of ['my-session', '__Host-authjs.session-token']) {
      const result = expectStatus(await openToken({ input: `${name}=${token}`, secrets: [SECRET], nowSec: nowSec() }), 'failed')
      expect(result.diagnosis.opensWith).toMatchObject({ flavor: 'authjs', salt: 'authjs.session-token', secretIndex: 0 })
      expect(result.diagnosis.causes[0], name).toBe('cookie-name-salt')
      noSecretBlame(result)
    }
  })

  it('a v4 session token read with a salt: the salt', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const result = expectStatus(await openToken({ input: `next-auth.session-token=${token}`, secrets: [SECRET], nowSec: nowSec(), salt: 'authjs.session-token' }), 'failed')
    expect(result.diagnosis.opensWith).toMatchObject({ flavor: 'next-auth-v4', salt: '' })
    expect(result.diagnosis.causes).toEqual(['v4-salt-set'])
  })
})

describe('openToken with a wrong Auth.js secret', () => {
  it('ranks the secret first with one secret, rules out the __Secure- prefix it tried, and suggests a custom cookie name', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: 'authjs.session-token' })
    const result = expectStatus(await openToken({ input: `authjs.session-token=${token}`, secrets: ['wrong'], nowSec: nowSec() }), 'failed')
    expect(result.diagnosis.opensWith).toBeNull()
    expect(result.diagnosis.causes[0]).toBe('secret-changed')
    expect(result.diagnosis.causes).not.toContain('secure-prefix-salt')
    expect(result.diagnosis.causes).toContain('custom-cookie-name')
    expect(result.diagnosis.tried).toEqual(expect.arrayContaining([
      { flavor: 'authjs', salt: 'authjs.session-token' },
      { flavor: 'authjs', salt: '__Secure-authjs.session-token' },
      { flavor: 'next-auth-v4', salt: '' },
    ]))
    expect(result.diagnosis.tried[0]).toEqual({ flavor: 'authjs', salt: 'authjs.session-token' })
  })

  it('a bare Auth.js token made under a custom cookie name: suggests setting the salt', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: 'my-session' })
    const result = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.diagnosis.causes).toContain('custom-cookie-name')
    expect(result.diagnosis.causes).not.toContain('secure-prefix-salt')
    const fixed = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec(), salt: 'my-session' }), 'decoded')
    expect(fixed.claims.sub).toBe('42')
  })

  it('finds a bare token’s salt among the __Host- and v4 names an app may use', async () => {
    for (const salt of ['__Host-authjs.session-token', 'next-auth.session-token']) {
      const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt })
      const result = expectStatus(await openToken({ input: token, secrets: [SECRET], nowSec: nowSec() }), 'decoded')
      expect(result.detection).toMatchObject({ salt, saltFrom: 'kid' })
    }
  })
})

describe('openToken with near-token pastes', () => {
  it('opens a real token copied with a trailing ; or , or inside quotes or backticks', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    for (const input of [`${token};`, `${token},`, `'${token}'`, `\`${token}\``, `"${token}";`]) {
      expect(expectStatus(await openToken({ input, secrets: [SECRET], nowSec: nowSec() }), 'decoded').claims.sub, input).toBe('42')
    }
  })

  it('names the bad part of a token with a + or a stray % inside', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const parts = token.split('.')
    const plus = [parts[0], '', parts[2], `${parts[3]!.slice(0, 5)}+${parts[3]!.slice(6)}`, parts[4]].join('.')
    // `%2` then a letter that is no hex digit: never a valid escape, whatever the random ciphertext holds next (`%2D` would read as `-`).
    const percent = [parts[0], '', parts[2], `${parts[3]!.slice(0, 5)}%2z${parts[3]!.slice(5)}`, parts[4]].join('.')
    for (const input of [plus, percent]) {
      const result = expectStatus(await openToken({ input, secrets: [SECRET], nowSec: nowSec() }), 'failed')
      expect(result.detection.format).toBe('token')
      expect(result.error.code).toBe('JWT_MALFORMED')
      expect(result.diagnosis.malformed).toEqual({ part: 'ciphertext', reason: 'not-base64url' })
    }
  })
})

describe('openToken with chunks missing at the end', () => {
  const chunksOf = async (flavor: 'next-auth-v4' | 'authjs', bytes: number) => {
    const token = flavor === 'next-auth-v4' ? await v4Jwt.encode({ token: bigClaims(bytes), secret: SECRET }) : await (await authjsJwt()).encode({ token: bigClaims(bytes), secret: SECRET, salt: 'authjs.session-token' })
    return realChunk(flavor, false, token, new Date(Date.now() + 86400_000))
  }
  const cookieText = (cookies: { name: string; value: string }[]) => cookies.map((c) => `${c.name}=${c.value}`).join('; ')

  it('says .1 is missing when only .0 was pasted, and ranks that first', async () => {
    const chunks = await chunksOf('next-auth-v4', 6000)
    expect(chunks[0]!.value).toHaveLength(3933)
    const result = expectStatus(await openToken({ input: cookieText([chunks[0]!]), secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.detection.missingAfterChunk).toEqual({ index: 0, length: 3933, full: true })
    expect(result.diagnosis.causes[0]).toBe('chunks-incomplete')
  })

  it('says the chunk after a full last chunk is missing, in either library', async () => {
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const chunks = await chunksOf(flavor, 12000)
      expect(chunks.length).toBeGreaterThanOrEqual(4)
      const result = expectStatus(await openToken({ input: cookieText(chunks.slice(0, -1)), secrets: [SECRET], nowSec: nowSec() }), 'failed')
      expect(result.detection.missingAfterChunk, flavor).toMatchObject({ index: chunks.length - 2, full: true })
      expect(result.diagnosis.causes[0]).toBe('chunks-incomplete')
      // All of them: nothing is missing, and the lab does not say so.
      const whole = expectStatus(await openToken({ input: cookieText(chunks), secrets: [SECRET], nowSec: nowSec() }), 'decoded')
      expect(whole.detection.missingAfterChunk).toBeNull()
    }
  })
})

describe('openToken with an altered v4 header', () => {
  it('says the header was changed when it is not the one every v4 token starts with', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const [header, ...rest] = token.split('.')
    // The last character carries unused bits: the header still reads {"alg":"dir","enc":"A256GCM"}.
    const altered = [`${header!.slice(0, -1)}1`, ...rest].join('.')
    await expect(v4Jwt.decode({ token: altered, secret: SECRET })).rejects.toThrow()
    const result = expectStatus(await openToken({ input: altered, secrets: [SECRET], nowSec: nowSec() }), 'failed')
    expect(result.detection.header).toEqual({ alg: 'dir', enc: 'A256GCM' })
    expect(result.diagnosis.causes[0]).toBe('header-altered')
  })
})

