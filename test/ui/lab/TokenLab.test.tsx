import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadLocale } from '../../../src/i18n/t'
import type { FailureCause, FailureDiagnosis, OpenTokenResult, TokenDetection } from '../../../src/engine/index'
import { LAB_SECRET_STORAGE_KEY } from '../../../src/state/labSlice'
import { appStore } from '../../../src/state/useAppStore'
import { TokenLab } from '../../../src/ui/lab/TokenLab'
import { v4Jwt } from '../../engine/lab/realLibs'

const NOW = 1_800_000_000

/** A hand-written detection: an Auth.js cookie, two chunks pasted in reverse. */
function detection(overrides: Partial<TokenDetection> = {}): TokenDetection {
  return {
    flavor: 'authjs',
    flavorFrom: 'header',
    flavorFromHeader: 'authjs',
    salt: 'authjs.session-token',
    saltFrom: 'cookie-name',
    enc: 'A256CBC-HS512',
    kid: 'KID-OF-TOKEN',
    nameMismatch: false,
    format: 'cookie-header',
    cookies: {
      match: {
        cookieName: 'authjs.session-token',
        flavorFromName: 'authjs',
        securePrefix: false,
        chunks: [
          { name: 'authjs.session-token.0', index: 0, length: 3936, position: 1 },
          { name: 'authjs.session-token.1', index: 1, length: 100, position: 0 },
        ],
        value: 'x',
        reordered: true,
        bareAndChunks: false,
        sweptIn: [],
        skippedEmpty: [],
        duplicates: [],
      },
      candidates: ['authjs.session-token'],
      others: [],
    },
    token: 'a.b.c.d.e',
    header: { alg: 'dir', enc: 'A256CBC-HS512', kid: 'KID-OF-TOKEN' },
    shape: {
      kind: 'jwe',
      parts: ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag'].map((name) => ({ name: name as 'header', text: name === 'encryptedKey' ? '' : 'x', byteLength: 0 })),
      header: { alg: 'dir', enc: 'A256CBC-HS512', kid: 'KID-OF-TOKEN' },
      problems: [],
      wellFormed: true,
    },
    missingChunks: [],
    missingAfterChunk: null,
    secretKids: [{ secretIndex: 0, kid: 'OTHER-KID', matches: false }],
    ...overrides,
  }
}

const key = { hash: 'SHA-256', salt: 'authjs.session-token', info: 'Auth.js Generated Encryption Key (authjs.session-token)', lengthBytes: 64, keyHex: 'ab'.repeat(64), kid: 'OTHER-KID' }

function showResult(result: OpenTokenResult) {
  act(() => appStore.setState({ labOpen: { ...appStore.getState().labOpen, result, checkedAtSec: NOW } }))
}

// The app's one store, as it was before any test touched it (its actions are bound to it).
const initialState = appStore.getState()

// The Chinese catalogue loads lazily in the app; have it ready so these tests can render synchronously.
beforeAll(() => loadLocale('zh'))

beforeEach(() => {
  localStorage.clear()
  appStore.setState(initialState, true)
})

describe('TokenLab', () => {
  it('has the Token and Secret boxes, the Decode button, and says nothing leaves the browser', () => {
    render(<TokenLab />)
    expect(screen.getByRole('heading', { name: 'Token lab' })).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'abc' } })
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 's1\ns2' } })
    expect(appStore.getState().labOpen).toMatchObject({ input: 'abc', secretsText: 's1\ns2' })
    expect(screen.getByRole('button', { name: 'Decode' })).toBeTruthy()
    expect(screen.getByText(/nothing you type is sent anywhere/)).toBeTruthy()
  })

  it('decodes a real v4 token through the store on Ctrl+Enter and explains the claims', async () => {
    // A minute more than 30 days, so a second ticking over does not make it 29 days and some hours.
    const token = await v4Jwt.encode({ token: { name: 'Ada', sub: '1' }, secret: 'component-secret', maxAge: 30 * 86400 + 60 })
    render(<TokenLab />)
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: `next-auth.session-token=${token}` } })
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'component-secret' } })
    fireEvent.keyDown(screen.getByLabelText('Secret'), { key: 'Enter', ctrlKey: true })
    const payload = await screen.findByRole('region', { name: 'Decoded payload' })
    expect(within(payload).getByText(/Valid for 30 more days/)).toBeTruthy()
    expect(within(payload).getByRole('table').textContent).toContain('From the default token: user.id at sign-in')
  })

  it('shows the detection: chunks, their order, the salt and the kid', () => {
    render(<TokenLab />)
    showResult({ status: 'needs-secret', detection: detection() })
    const found = screen.getByRole('region', { name: 'What the lab found' })
    expect(found.textContent).toContain('2 chunks joined in order: .0, .1')
    expect(found.textContent).toContain('You pasted them as .1, .0')
    expect(found.textContent).toContain('authjs.session-token')
    expect(found.textContent).toContain('None of the secrets derives this kid')
    expect(screen.getByRole('status').textContent).toMatch(/Enter the secret to decrypt this token/)
  })

  it('explains an expired token by how much, with the 15 s tolerance', () => {
    render(<TokenLab />)
    const claims = { sub: '1', iat: NOW - 33 * 86400, exp: NOW - 3 * 86400, jti: 'j' }
    showResult({
      status: 'expired',
      detection: detection({ secretKids: [{ secretIndex: 0, kid: 'KID-OF-TOKEN', matches: true }] }),
      header: {},
      claims,
      key,
      secretIndex: 0,
      explanation: { claims: [], expiry: { kind: 'expired', expiredBySec: 3 * 86400 }, lifetimeSec: 30 * 86400, nowSec: NOW },
      error: { code: 'JWT_EXPIRED', message: 'expired', details: {} },
    })
    const payload = screen.getByRole('region', { name: 'Decoded payload' })
    expect(payload.textContent).toContain('Expired 3 days ago')
    expect(payload.textContent).toContain('15 seconds of clock tolerance')
    expect(payload.textContent).toContain('Made with maxAge 30 days')
  })

  it('explains a failure with the error text, the causes, the keys, and offers the settings that open it', () => {
    render(<TokenLab />)
    showResult({
      status: 'failed',
      detection: detection(),
      error: { code: 'JWT_NO_MATCHING_SECRET', message: 'no matching decryption secret', details: {} },
      diagnosis: {
        code: 'JWT_NO_MATCHING_SECRET',
        keys: [{ secretIndex: 0, key }],
        tokenKid: 'KID-OF-TOKEN',
        causes: ['secure-prefix-salt', 'rotated-secret-missing'],
        opensWith: { flavor: 'authjs', salt: '__Secure-authjs.session-token', secretIndex: 0, expired: false },
        tried: [],
        malformed: null,
        whitespaceSecrets: [0],
      },
    })
    const why = screen.getByRole('region', { name: 'Why it did not open' })
    expect(why.textContent).toContain('No secret matches this token') // errors.JWT_NO_MATCHING_SECRET.title
    expect(why.textContent).toContain('did not even try to decrypt')
    expect(within(why).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('The __Secure- prefix changes the Auth.js salt'),
      expect.stringContaining('the secret that made the token is no longer in the list'),
    ])
    expect(why.textContent).toContain('ab'.repeat(64))
    expect(why.textContent).toContain('begins or ends with a space')
    fireEvent.click(within(why).getByRole('button', { name: 'Use these settings' }))
    expect(appStore.getState().labOpen).toMatchObject({ flavor: 'authjs', salt: '__Secure-authjs.session-token' })
  })

  it('keeps the secret out of storage unless the learner opts in, and warns when they do', () => {
    render(<TokenLab />)
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'keep-me' } })
    expect(localStorage.getItem(LAB_SECRET_STORAGE_KEY)).toBeNull()
    // The warning is there before the box is ticked, and describes it.
    const checkbox = screen.getByRole('checkbox', { name: 'Remember the secret in this browser' })
    // Worded as a condition while unticked, so it does not read as if the secret were stored already.
    expect(screen.getByRole('note').textContent).toMatch(/^If you tick this, the secret is stored unencrypted/)
    expect(checkbox.getAttribute('aria-describedby')).toBe(screen.getByRole('note').id)
    fireEvent.click(checkbox)
    expect(localStorage.getItem(LAB_SECRET_STORAGE_KEY)).toBe('keep-me')
    expect(screen.getByRole('note').textContent).toMatch(/^The secret is stored unencrypted.*Untick this to delete it/)
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'keep-me-2' } })
    expect(localStorage.getItem(LAB_SECRET_STORAGE_KEY)).toBe('keep-me-2')
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember the secret in this browser' }))
    expect(localStorage.getItem(LAB_SECRET_STORAGE_KEY)).toBeNull()
  })

  it('switches between Open and Make with the tabs and the arrow keys', () => {
    render(<TokenLab />)
    const open = screen.getByRole('tab', { name: 'Open' })
    expect(open.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(open, { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { name: 'Make' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByLabelText('Payload (JSON)')).toBeTruthy()
    expect(screen.queryByLabelText('Token')).toBeNull()
  })

  it('makes a token and shows its Set-Cookie line; bad JSON is explained', async () => {
    render(<TokenLab />)
    fireEvent.click(screen.getByRole('tab', { name: 'Make' }))
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'make-secret' } })
    fireEvent.click(screen.getByRole('button', { name: 'Make token' }))
    const made = await screen.findByRole('region', { name: 'Made token' })
    const line = within(made).getByLabelText('Set-Cookie').textContent!
    expect(line).toMatch(/^next-auth\.session-token=eyJ[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
    expect(await v4Jwt.decode({ token: line.slice(line.indexOf('=') + 1, line.indexOf(';')), secret: 'make-secret' })).toMatchObject({ name: 'Ada Lovelace' })

    fireEvent.change(screen.getByLabelText('Payload (JSON)'), { target: { value: '{oops' } })
    fireEvent.click(screen.getByRole('button', { name: 'Make token' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The payload is not valid JSON'))
  })

  it('follows the library with the default cookie name', () => {
    render(<TokenLab />)
    fireEvent.click(screen.getByRole('tab', { name: 'Make' }))
    fireEvent.change(screen.getByLabelText('Library'), { target: { value: 'authjs' } })
    expect((screen.getByLabelText('Cookie name') as HTMLInputElement).value).toBe('authjs.session-token')
  })

  it('speaks Simplified Chinese', () => {
    act(() => appStore.getState().setLocale('zh'))
    render(<TokenLab />)
    expect(screen.getByRole('heading', { name: '令牌实验室' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '解码' })).toBeTruthy()
    expect(screen.getByLabelText('令牌')).toBeTruthy()
  })

  it('says "1 chunk" and that the chunks after a lone .0 are missing', () => {
    render(<TokenLab />)
    const match = { ...detection().cookies.match!, chunks: [{ name: 'authjs.session-token.0', index: 0, length: 3936, position: 0 }], reordered: false }
    showResult({ status: 'needs-secret', detection: detection({ cookies: { ...detection().cookies, match }, missingAfterChunk: { index: 0, length: 3936, full: true } }) })
    const found = screen.getByRole('region', { name: 'What the lab found' })
    expect(found.textContent).toContain('1 chunk: .0')
    expect(found.textContent).not.toContain('1 chunks')
    expect(found.textContent).toContain('The last chunk pasted, .0, is full (3936 characters')
    expect(found.textContent).toContain('.1 (and maybe more) is missing')
  })

  it('warns about a name pasted twice and reads the other value when asked', () => {
    render(<TokenLab />)
    const duplicates = [
      {
        name: 'authjs.session-token.1',
        rule: 'first-sent' as const,
        values: [
          { position: 0, source: 'cookie-header' as const, length: 100, tail: 'AAAAAAAA', read: true },
          { position: 2, source: 'cookie-header' as const, length: 90, tail: 'BBBBBBBB', read: false },
        ],
      },
    ]
    showResult({ status: 'needs-secret', detection: detection({ cookies: { ...detection().cookies, match: { ...detection().cookies.match!, duplicates } } }) })
    expect(screen.getByText(/authjs\.session-token\.1 was pasted 2 times with different values/).textContent).toContain('The server reads the first one')
    expect(screen.getByText(/Cookie 1 of the paste \(Cookie header, 100 characters, ending …AAAAAAAA\)/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Read cookie 3 instead' }))
    expect(appStore.getState().labOpen.cookiePicks).toEqual({ 'authjs.session-token.1': 2 })
  })

  it('says a devtools table’s order is not the request’s when a name is in it twice, and offers the other value', () => {
    render(<TokenLab />)
    const duplicates = [
      {
        name: 'authjs.session-token',
        rule: 'first-listed' as const,
        values: [
          { position: 0, source: 'devtools-table' as const, length: 100, tail: 'AAAAAAAA', read: true },
          { position: 1, source: 'devtools-table' as const, length: 90, tail: 'BBBBBBBB', read: false },
        ],
      },
    ]
    showResult({ status: 'needs-secret', detection: detection({ cookies: { ...detection().cookies, match: { ...detection().cookies.match!, duplicates } } }) })
    const note = screen.getByText(/authjs\.session-token was pasted 2 times with different values/)
    expect(note.textContent).toContain('The lab reads the first one listed, but a cookie table or list is not in the order the browser sends cookies')
    expect(note.textContent).not.toContain('The server reads the first one')
    expect(screen.getByText(/Cookie 1 of the paste \(devtools row, 100 characters, ending …AAAAAAAA\)/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Read cookie 2 instead' }))
    expect(appStore.getState().labOpen.cookiePicks).toEqual({ 'authjs.session-token': 1 })
  })

  it('names the salt the token was made under, and the settings it tried when nothing opened it', () => {
    render(<TokenLab />)
    const failed = (causes: FailureCause[], opensWith: FailureDiagnosis['opensWith'], tried: FailureDiagnosis['tried'] = []): OpenTokenResult => ({
      status: 'failed',
      detection: detection({ salt: 'my-session' }),
      error: { code: 'JWT_NO_MATCHING_SECRET', message: 'no matching decryption secret', details: {} },
      diagnosis: { code: 'JWT_NO_MATCHING_SECRET', keys: [], tokenKid: null, causes, opensWith, tried, malformed: null, whitespaceSecrets: [0, 2] },
    })
    showResult(failed(['cookie-name-salt'], { flavor: 'authjs', salt: 'authjs.session-token', secretIndex: 0, expired: false }))
    let why = screen.getByRole('region', { name: 'Why it did not open' })
    expect(within(why).getByRole('listitem').textContent).toBe(
      'Auth.js salts the key with the cookie name: this token was made under “authjs.session-token”, but it is read as “my-session”. Check cookies.sessionToken.name in your config, a proxy that renames cookies, and the __Host- or __Secure- prefix.',
    )
    expect(why.textContent).not.toContain('The lab also tried')
    expect(why.textContent).toContain('The secrets on lines 1, 3 begin or end with a space')

    showResult(failed(['secret-changed', 'custom-cookie-name'], null, [{ flavor: 'authjs', salt: 'my-session' }, { flavor: 'next-auth-v4', salt: '' }, { flavor: 'authjs', salt: '__Secure-authjs.session-token' }, { flavor: 'authjs', salt: 'authjs.session-token' }]))
    why = screen.getByRole('region', { name: 'Why it did not open' })
    expect(why.textContent).toContain('The lab also tried every secret with: NextAuth.js v4 with the empty salt; Auth.js (next-auth v5) with the salts “__Secure-authjs.session-token”, “authjs.session-token”. None of them opens the token.')
    expect(why.textContent).toContain('enter it under Settings → Salt')
  })

  it('says a token with no dots is 1 part, not "1 part(s)"', () => {
    render(<TokenLab />)
    showResult({
      status: 'failed',
      detection: detection(),
      error: { code: 'JWT_MALFORMED', message: 'malformed', details: { part: 'token', reason: 'wrong-part-count', actual: 1 } },
      diagnosis: { code: 'JWT_MALFORMED', keys: [], tokenKid: null, causes: ['copy-incomplete'], opensWith: null, tried: [], malformed: { part: 'token', reason: 'wrong-part-count' }, whitespaceSecrets: [] },
    })
    expect(screen.getByRole('region', { name: 'Why it did not open' }).textContent).toContain('It has no dots, so it is 1 part;')
  })

  it('hides the secret until asked, and folds the derived key away', () => {
    render(<TokenLab />)
    const secret = screen.getByLabelText('Secret')
    const toggle = screen.getByRole('button', { name: 'Show secret' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect(secret.className).toContain('[-webkit-text-security:disc]')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(secret.className).not.toContain('[-webkit-text-security:disc]')

    showResult({
      status: 'failed',
      detection: detection(),
      error: { code: 'JWT_DECRYPT_FAILED', message: 'decryption operation failed', details: {} },
      diagnosis: { code: 'JWT_DECRYPT_FAILED', keys: [{ secretIndex: 0, key }], tokenKid: null, causes: ['secret-changed'], opensWith: null, tried: [], malformed: null, whitespaceSecrets: [] },
    })
    const details = screen.getByText('Show the key (as secret as the secret itself)').closest('details')!
    expect(details.open).toBe(false)
    expect(details.textContent).toContain('ab'.repeat(64))
  })

  it('hides the Make secret too', () => {
    render(<TokenLab />)
    fireEvent.click(screen.getByRole('tab', { name: 'Make' }))
    const secret = screen.getByLabelText('Secret') as HTMLInputElement
    expect(secret.type).toBe('password')
    fireEvent.click(screen.getByRole('button', { name: 'Show secret' }))
    expect(secret.type).toBe('text')
  })

  it('announces every outcome, including nothing pasted and no session cookie', () => {
    render(<TokenLab />)
    showResult({ status: 'empty' })
    expect(screen.getByRole('status').textContent).toBe('Nothing to decode yet: paste a token or cookies into Token.')
    showResult({ status: 'no-token', format: 'cookie-header', cookieNames: ['theme', 'lang'] })
    expect(screen.getByRole('status').textContent).toBe('No session token found in a Cookie header or document.cookie. Cookies seen: theme, lang.')
    showResult({ status: 'no-token', format: 'unrecognised', cookieNames: [] })
    expect(screen.getByRole('status').textContent).toBe('Nothing here looks like a token or a cookie.')
  })

  it('shows a JWS without library or salt, and heads its JSON blocks visibly', () => {
    render(<TokenLab />)
    const jws = detection({ flavor: 'next-auth-v4', flavorFrom: 'default', flavorFromHeader: null, salt: '', saltFrom: 'v4-session', kid: null, header: { alg: 'HS256' }, shape: { ...detection().shape, kind: 'jws' } })
    showResult({ status: 'signed', detection: jws, header: { alg: 'HS256' }, payload: { sub: '1' } })
    const found = screen.getByRole('region', { name: 'What the lab found' })
    expect(found.textContent).not.toContain('a guess')
    expect(found.textContent).not.toContain('v4 session tokens always use the empty salt')
    const notice = screen.getByRole('region', { name: 'This is a signed token, not a NextAuth session token' })
    expect(within(notice).getByRole('heading', { name: 'Header' })).toBeTruthy()
    expect(within(notice).getByRole('heading', { name: 'Payload' })).toBeTruthy()
    expect(within(found).getByRole('heading', { name: 'Protected header' })).toBeTruthy()
  })

  it('shows which settings override detection, and goes back to detecting', async () => {
    render(<TokenLab />)
    expect(screen.queryByRole('button', { name: 'Detect again' })).toBeNull()
    await act(() => appStore.getState().applyLabSettings({ flavor: 'authjs', salt: '__Secure-authjs.session-token' }))
    expect(screen.getByText('Library: Auth.js (next-auth v5)')).toBeTruthy()
    expect(screen.getByText('Salt: __Secure-authjs.session-token')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Detect again' }))
    expect(appStore.getState().labOpen).toMatchObject({ flavor: null, salt: '' })
    expect(screen.queryByText(/^Library: /)).toBeNull()
  })

  it('marks a result as stale once the token changes', () => {
    render(<TokenLab />)
    act(() => appStore.setState({ labOpen: { ...appStore.getState().labOpen, input: 'a', resultFor: { input: 'a', secretsText: '' }, result: { status: 'empty' } } }))
    expect(screen.queryByText(/changed since this result/)).toBeNull()
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'b' } })
    expect(screen.getByText(/The token or the secret changed since this result/)).toBeTruthy()
  })

  it('prints the checked date in UTC, worded as everywhere else but Set-Cookie lines, and on this computer’s clock, and says which time zone the picker uses', () => {
    render(<TokenLab />)
    const claims = { sub: '1', iat: NOW - 60, exp: NOW + 3600 }
    showResult({ status: 'decoded', detection: detection(), header: {}, claims, key, secretIndex: 0, explanation: { claims: [], expiry: { kind: 'valid', remainingSec: 3599.6 }, lifetimeSec: 3660, nowSec: NOW } })
    const payload = screen.getByRole('region', { name: 'Decoded payload' })
    expect(payload.textContent).toContain("Checked against Fri, 15 Jan 2027, 08:00:00 UTC (")
    expect(payload.textContent).toMatch(/\(on this computer: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, UTC[+-]\d\d:\d\d\)\./)
    // 59.99 minutes is 59 minutes, not "60 minutes".
    expect(payload.textContent).toContain('Valid for 59 more minutes')
    fireEvent.click(screen.getByRole('radio', { name: 'Another date' }))
    expect(screen.getByText(/In this computer’s time zone \(UTC[+-]\d\d:\d\d\)/)).toBeTruthy()
  })

  it('points at maxAge with a specific message when it is not plain decimal seconds or out of range', async () => {
    render(<TokenLab />)
    fireEvent.click(screen.getByRole('tab', { name: 'Make' }))
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'make-secret' } })
    const maxAge = screen.getByLabelText('maxAge (seconds)')
    fireEvent.change(maxAge, { target: { value: '0x10' } })
    fireEvent.click(screen.getByRole('button', { name: 'Make token' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('maxAge must be a plain decimal number of seconds'))
    expect(maxAge.getAttribute('aria-invalid')).toBe('true')
    expect(maxAge.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id)

    fireEvent.change(maxAge, { target: { value: '100000000000000000000' } })
    fireEvent.click(screen.getByRole('button', { name: 'Make token' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/maxAge is out of range: Expires \(now \+ maxAge\) must stay a date a browser can hold, so maxAge must lie between -\d+ and \d+ seconds/))
    expect(maxAge.getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByText(/Check the highlighted setting/)).toBeNull()
  })

  it('explains errors in Simplified Chinese, not only the lab’s own text', () => {
    act(() => appStore.getState().setLocale('zh'))
    render(<TokenLab />)
    showResult({
      status: 'failed',
      detection: detection(),
      error: { code: 'JWT_DECRYPT_FAILED', message: 'decryption operation failed', details: {} },
      diagnosis: { code: 'JWT_DECRYPT_FAILED', keys: [], tokenKid: null, causes: ['secret-changed'], opensWith: null, tried: [], malformed: null, whitespaceSecrets: [] },
    })
    const why = screen.getByRole('region', { name: '为什么打不开' })
    expect(why.textContent).toContain('会话令牌无法解密')
    expect(why.textContent).toContain('怎么做')
    expect(why.textContent).not.toContain('could not be decrypted')
  })
})

