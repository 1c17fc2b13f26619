import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadLocale } from '../../../src/i18n/t'
import type { OpenTokenResult, TokenDetection } from '../../../src/engine/index'
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
    const token = await v4Jwt.encode({ token: { name: 'Ada', sub: '1' }, secret: 'component-secret' })
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
    expect(screen.queryByRole('note')).toBeNull()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember the secret in this browser' }))
    expect(screen.getByRole('note').textContent).toContain('stored unencrypted')
    expect(localStorage.getItem(LAB_SECRET_STORAGE_KEY)).toBe('keep-me')
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
})
