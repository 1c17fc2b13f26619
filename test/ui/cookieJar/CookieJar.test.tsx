import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ALLOWED_COOKIE_SIZE, type Trace } from '../../../src/engine'
import { appStore } from '../../../src/state/useAppStore'
import { CookieJar } from '../../../src/ui/cookieJar/CookieJar'
import { cookie, FIXTURE_NOW_SEC, makeClockTrace, makeSignInTrace, makeTamperedSessionTrace, makeTrace, V4_MAX_AGE_SEC } from '../../helpers/makeTrace'

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

function show(trace: Trace, cursor = trace.events.length - 1, nowSec = FIXTURE_NOW_SEC) {
  act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor, playing: false, nowSec }))
}

const region = () => screen.getByRole('region', { name: 'Cookie jar' })
const rowOf = (name: string) => within(region()).getByRole('rowheader', { name: new RegExp(`^${name.replace(/[.]/g, '\\.')}`) }).closest('tr')!

describe('CookieJar', () => {
  it('explains what to do while the jar is empty', () => {
    render(<CookieJar />)
    expect(within(region()).getByText('No cookies yet. Sign in to see the session cookie land here.')).toBeTruthy()
  })

  it('lists each cookie with its size, path and expiry, and the flags spelled out in their own row', () => {
    const trace = makeSignInTrace()
    show(trace)
    render(<CookieJar />)
    const row = rowOf('next-auth.session-token')
    expect(row.textContent).toContain('/')
    expect(row.textContent).toContain('in 30 days')
    const flagsRow = row.nextElementSibling!
    expect(flagsRow.textContent).toContain('HttpOnly')
    expect(flagsRow.textContent).toContain('SameSite=Lax')
    expect(flagsRow.textContent).not.toContain('Secure ')
    const meter = within(row).getByRole('meter')
    expect(meter.getAttribute('aria-valuemax')).toBe(String(ALLOWED_COOKIE_SIZE))
    expect(within(region()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('next-auth.csrf-token'), expect.stringContaining('next-auth.callback-url')]),
    )
  })

  it('shows the state up to the cursor: no session cookie before its step, highlighted when it lands', () => {
    const trace = makeSignInTrace()
    const setAt = trace.events.findIndex((e) => e.kind === 'cookie.set' && e.name === 'next-auth.session-token')
    show(trace, setAt - 1)
    render(<CookieJar />)
    expect(within(region()).queryByRole('rowheader', { name: /session-token/ })).toBeNull()
    act(() => appStore.setState({ cursor: setAt }))
    expect(rowOf('next-auth.session-token').textContent).toContain('Just set')
  })

  it('counts down the expiry against the simulated clock', () => {
    show(makeSignInTrace(), undefined, FIXTURE_NOW_SEC + V4_MAX_AGE_SEC - 3600)
    render(<CookieJar />)
    expect(rowOf('next-auth.session-token').textContent).toContain('in 1 hour')
  })

  it('keeps a struck-through row for a cookie deleted at the current step', () => {
    const trace = makeTamperedSessionTrace()
    show(trace, trace.events.findIndex((e) => e.kind === 'cookie.deleted'))
    render(<CookieJar />)
    const gone = region().querySelector('[data-cookie-gone="next-auth.session-token"]')!
    expect(gone.textContent).toContain('Just deleted')
  })

  it('marks a cookie that expired on a clock jump', () => {
    const trace = makeClockTrace()
    show(trace, 1, FIXTURE_NOW_SEC + 31 * 86400)
    render(<CookieJar />)
    expect(region().querySelector('[data-cookie-gone="next-auth.session-token"]')!.textContent).toContain('Just expired')
  })

  it('groups chunked session cookies in numeric order with their total size', () => {
    const chunks = ['a'.repeat(3933), 'b'.repeat(3933), 'c'.repeat(100)]
    const jar = [cookie('next-auth.session-token.1', chunks[1]!), cookie('next-auth.csrf-token', 'x'), cookie('next-auth.session-token.0', chunks[0]!), cookie('next-auth.session-token.2', chunks[2]!)]
    const trace = makeTrace('getSession', [], { jarBefore: jar, jarAfter: jar })
    show(trace, -1)
    render(<CookieJar />)
    const total = jar.filter((c) => c.name.includes('session')).reduce((sum, c) => sum + c.sizeBytes, 0)
    expect(within(region()).getByText(`next-auth.session-token: 3 chunks, ${total} bytes in all`)).toBeTruthy()
    const names = within(region()).getAllByRole('rowheader').map((h) => h.textContent)
    expect(names.filter((n) => n?.startsWith('next-auth.session-token.'))).toEqual(['next-auth.session-token.0', 'next-auth.session-token.1', 'next-auth.session-token.2'])
  })

  it('shows what JavaScript sees: HttpOnly cookies are absent from document.cookie', () => {
    const trace = makeTrace('getSession', [], { jarBefore: [cookie('next-auth.session-token', 'secret'), cookie('theme', 'dark', { httpOnly: false })] })
    show(trace, -1)
    render(<CookieJar />)
    const toggle = within(region()).getByRole('button', { name: 'What JavaScript sees' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByTestId('document-cookie').textContent).toBe('theme=dark')
  })

  it('offers a copy button for every value', () => {
    show(makeSignInTrace())
    render(<CookieJar />)
    expect(within(region()).getByRole('button', { name: 'Copy value of next-auth.session-token' })).toBeTruthy()
  })

  it('lets a long cookie name wrap only after its dots and dashes, never inside a word', () => {
    show(makeSignInTrace())
    render(<CookieJar />)
    const header = within(rowOf('next-auth.session-token')).getByRole('rowheader')
    expect(header.querySelectorAll('wbr')).toHaveLength(3)
    const pieces = [...header.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent)
    expect(pieces.slice(0, 4)).toEqual(['next-', 'auth.', 'session-', 'token'])
    expect(header.className).not.toContain('anywhere')
  })
})
