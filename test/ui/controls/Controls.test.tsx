import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { appStore } from '../../../src/state/useAppStore'
import { ControlsPanel } from '../../../src/ui/controls/ControlsPanel'
import { FIXTURE_NOW_SEC, makeFailedSignInTrace, makeProtectedPageTrace, makeSignInTrace, makeTrace, type EventInput } from '../../helpers/makeTrace'

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

const DEMO = { id: '1', name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical' }

function renderWithSpies() {
  const spies = {
    signIn: vi.fn(async () => null),
    getSession: vi.fn(async () => null),
    updateSession: vi.fn(async () => null),
    signOut: vi.fn(async () => null),
    visitProtectedPage: vi.fn(async () => null),
    advanceClock: vi.fn(async (_bySec: number) => null),
    tamperCookie: vi.fn(async () => null),
    changeSecret: vi.fn(),
    clearCookies: vi.fn(async () => null),
  }
  appStore.setState({ ...spies, config: { ...initial.config, users: [DEMO] }, nowSec: FIXTURE_NOW_SEC })
  render(<ControlsPanel />)
  return spies
}

describe('ControlsPanel', () => {
  it('pre-fills the sign-in form with the demo user and signs in with what is typed', () => {
    const spies = renderWithSpies()
    const email = screen.getByRole('textbox', { name: 'Email' }) as HTMLInputElement
    const password = screen.getByRole('textbox', { name: 'Password' }) as HTMLInputElement
    expect([email.value, password.value]).toEqual([DEMO.email, DEMO.password])
    fireEvent.change(password, { target: { value: 'wrong' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(spies.signIn).toHaveBeenCalledWith(DEMO.email, 'wrong', undefined)
  })

  it('shows what signIn() resolved to, CredentialsSignin verbatim', () => {
    renderWithSpies()
    const trace = makeFailedSignInTrace()
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 }))
    const result = JSON.parse(screen.getByLabelText('signIn() resolved to').textContent!)
    expect(result).toEqual({ ok: false, status: 401, error: 'CredentialsSignin', url: null })
    expect(screen.getByText('Not signed in: CredentialsSignin')).toBeTruthy()
  })

  it('runs get session, sign out and update session with the JSON data', () => {
    const spies = renderWithSpies()
    fireEvent.click(screen.getByRole('button', { name: 'Get session' }))
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Update data (JSON)' }), { target: { value: '{"role":"editor"}' } })
    fireEvent.click(screen.getByRole('button', { name: 'Update session' }))
    expect(spies.getSession).toHaveBeenCalledTimes(1)
    expect(spies.signOut).toHaveBeenCalledTimes(1)
    expect(spies.updateSession).toHaveBeenCalledWith({ role: 'editor' })
  })

  it('refuses invalid update JSON with an explanation', () => {
    const spies = renderWithSpies()
    fireEvent.change(screen.getByRole('textbox', { name: 'Update data (JSON)' }), { target: { value: '{nope' } })
    const button = screen.getByRole('button', { name: 'Update session' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(screen.getByText(/^Not valid JSON:/)).toBeTruthy()
    fireEvent.click(button)
    expect(spies.updateSession).not.toHaveBeenCalled()
  })

  it('visits the protected page and explains a null getToken()', () => {
    const spies = renderWithSpies()
    fireEvent.change(screen.getByRole('textbox', { name: 'Page path' }), { target: { value: '/admin' } })
    fireEvent.click(screen.getByRole('button', { name: 'Visit protected page' }))
    expect(spies.visitProtectedPage).toHaveBeenCalledWith('/admin')
    const trace = makeProtectedPageTrace({ authorized: false })
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 }))
    expect(screen.getByText(/No cookie under the name getToken\(\) looks for \(next-auth.session-token\)/)).toBeTruthy()
  })

  it('shows the simulated time and advances it by fixed and custom amounts', () => {
    const spies = renderWithSpies()
    expect(screen.getByTestId('sim-clock').textContent).toBe('Thu, 01 Jan 2026, 00:00:00 UTC')
    const group = screen.getByRole('group', { name: 'Advance time' })
    fireEvent.click(within(group).getByRole('button', { name: 'Advance time by +1 min' }))
    fireEvent.click(within(group).getByRole('button', { name: 'Advance time by +1 h' }))
    fireEvent.click(within(group).getByRole('button', { name: 'Advance time by +1 day' }))
    fireEvent.click(within(group).getByRole('button', { name: 'Advance time by +30 days' }))
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Custom amount' }), { target: { value: '2' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Unit' }), { target: { value: 'hours' } })
    fireEvent.click(screen.getByRole('button', { name: 'Advance' }))
    expect(spies.advanceClock.mock.calls.map(([by]) => by)).toEqual([60, 3600, 86400, 30 * 86400, 7200])
  })

  it('offers the break-it actions', () => {
    const spies = renderWithSpies()
    fireEvent.click(screen.getByRole('button', { name: 'Tamper cookie' }))
    fireEvent.click(screen.getByRole('button', { name: 'Change secret' }))
    fireEvent.click(screen.getByRole('button', { name: 'Clear cookies' }))
    expect([spies.tamperCookie, spies.changeSecret, spies.clearCookies].map((s) => s.mock.calls.length)).toEqual([1, 1, 1])
  })

  it('explains an error that stopped a run', () => {
    renderWithSpies()
    act(() => appStore.setState({ runStatus: 'error', runError: { code: 'NO_SECRET', message: 'no secret', details: {} } }))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('NO_SECRET')
    expect(alert.textContent).toContain('No secret is configured')
  })

  it('explains a clock move the engine refused for going past the end of JavaScript dates', () => {
    renderWithSpies()
    act(() => appStore.setState({ runStatus: 'error', runError: { code: 'CLOCK_OUT_OF_RANGE', message: 'the simulated clock cannot pass 8640000000000 s', details: { limitSec: 8.64e12, bySec: 2592000 } } }))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('The clock cannot go that far')
    expect(alert.textContent).toContain('275760-09-13')
  })

  it('follows "Apply users": the form takes the new first user unless the learner typed something else', () => {
    renderWithSpies()
    const email = () => (screen.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value
    const grace = { id: 3, name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol' }
    act(() => appStore.setState({ config: { ...appStore.getState().config, users: [grace] } }))
    expect([email(), (screen.getByRole('textbox', { name: 'Password' }) as HTMLInputElement).value]).toEqual(['grace@example.com', 'cobol'])
    expect(screen.getByText('Pre-filled with the demo user grace@example.com.')).toBeTruthy()
    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'me@example.com' } })
    act(() => appStore.setState({ config: { ...appStore.getState().config, users: [DEMO] } }))
    expect(email()).toBe('me@example.com')
    expect(screen.getByText('The first mock user is ada@example.com (see Configuration).')).toBeTruthy()
  })

  it('when the client navigated, shows that signIn() resolved to undefined, where the browser went, and the engine error explained', () => {
    renderWithSpies()
    const trace = makeTrace('signIn', [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'flow.failed', actor: 'routeHandler', error: { code: 'NO_SECRET', message: 'no secret configured', details: {} } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null, navigatedTo: 'http://localhost:3000/api/auth/error' } } },
    ])
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 }))
    const result = screen.getByTestId('signin-result')
    expect(screen.getByLabelText('signIn() resolved to').textContent).toBe('undefined')
    expect(result.textContent).toContain('signIn() resolved to undefined: the client set window.location, and the browser went to http://localhost:3000/api/auth/error.')
    expect(within(result).getByText('NO_SECRET')).toBeTruthy()
    expect(result.textContent).toContain('No secret is configured')
  })

  it('keeps focus on an action button while its run is in flight, and ignores presses meanwhile', () => {
    const spies = renderWithSpies()
    const button = screen.getByRole('button', { name: 'Get session' })
    button.focus()
    act(() => appStore.setState({ runStatus: 'running' }))
    expect(document.activeElement).toBe(button)
    expect(button.getAttribute('aria-disabled')).toBe('true')
    expect((button as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(button)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    fireEvent.click(screen.getByRole('button', { name: 'Change secret' }))
    expect([spies.getSession, spies.signIn, spies.changeSecret].map((s) => s.mock.calls.length)).toEqual([0, 0, 0])
    act(() => appStore.setState({ runStatus: 'idle' }))
    fireEvent.click(button)
    expect(spies.getSession).toHaveBeenCalledTimes(1)
  })

  it('says the secret changed since the run on screen, until a run with the new one is shown', () => {
    renderWithSpies()
    const trace = makeSignInTrace()
    const secret = appStore.getState().config.secret
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1, lastTraceSecret: secret }))
    expect(screen.queryByText(/The secret changed/)).toBeNull()
    act(() => appStore.setState({ config: { ...appStore.getState().config, secret: 'a-new-secret' } }))
    expect(screen.getByRole('status').textContent).toContain('The secret changed')
    const next = { ...makeSignInTrace(), id: 'next' }
    act(() => appStore.setState({ lastTrace: next, traces: [trace, next], cursor: next.events.length - 1, lastTraceSecret: 'a-new-secret' }))
    expect(screen.queryByText(/The secret changed/)).toBeNull()
  })

  it('explains a null getToken() in words, with the known cause and that the real one is silent; the hints follow the library', () => {
    renderWithSpies()
    expect(screen.getByText('Middleware (withAuth) calls getToken() on the request.')).toBeTruthy()
    act(() => appStore.setState({ config: { ...appStore.getState().config, flavor: 'authjs' } }))
    expect(screen.getByText('Your middleware.ts calls getToken({ req, secret }) on the request (withAuth is NextAuth v4 only).')).toBeTruthy()
    expect(screen.getByText('getSession() / useSession() in the browser (auth() on the server): GET /api/auth/session')).toBeTruthy()
    const trace = makeProtectedPageTrace({ authorized: false })
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 }))
    const reason = screen.getByTestId('null-reason')
    expect(reason.textContent).toBe('Why null: No cookie under the name getToken() looks for (next-auth.session-token).')
    expect(screen.queryByText('no-cookie')).toBeNull()
    expect(screen.getByText('The real getToken() says nothing: it returns null and logs nothing. This reason is the playground’s.')).toBeTruthy()
  })

  it('refuses a custom jump past 100 years with the reason, and shows any time without breaking', () => {
    const spies = renderWithSpies()
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Custom amount' }), { target: { value: '100000000' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Unit' }), { target: { value: 'days' } })
    const advance = screen.getByRole('button', { name: 'Advance' }) as HTMLButtonElement
    expect(advance.disabled).toBe(true)
    expect(screen.getByText('At most 100 years in one jump.')).toBeTruthy()
    fireEvent.submit(advance.closest('form')!)
    expect(spies.advanceClock).not.toHaveBeenCalled()
    act(() => appStore.setState({ nowSec: 100_000_000 * 86400 + FIXTURE_NOW_SEC }))
    expect(screen.getByTestId('sim-clock').textContent).toContain('not a date')
  })

  /** A v4 sign-in whose jwt callback failed with `error`: Next.js's bare 500, and signIn() rejects. */
  const failedJwt = (error: { code: 'SANDBOX_THREW' | 'SANDBOX_TIMEOUT' | 'SANDBOX_SYNTAX_ERROR'; message: string; details: Record<string, string | number> }) => {
    const events: EventInput[] = [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'http.requested', actor: 'browser', requestId: 3, from: 'browser', to: 'routeHandler', request: { method: 'POST', url: 'http://localhost:3000/api/auth/callback/credentials', headers: [] } },
      { kind: 'callback.called', actor: 'callbacks', callback: 'jwt', args: {}, undefinedArgs: [], trigger: 'signIn', isDefault: false },
      { kind: 'callback.failed', actor: 'callbacks', callback: 'jwt', error: { ...error, details: { callback: 'jwt', ...error.details } }, logs: [], durationMs: 3 },
      { kind: 'flow.failed', actor: 'callbacks', error: { code: error.code === 'SANDBOX_THREW' ? 'CALLBACK_THREW' : error.code, message: error.message, details: { callback: 'jwt' } } },
      { kind: 'log.written', actor: 'routeHandler', level: 'error', code: 'UNHANDLED', text: error.message, logger: 'nextjs' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 3, from: 'routeHandler', to: 'browser', response: { status: 500, headers: [], body: 'Internal Server Error' } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null, rejectedWith: 'SyntaxError: Unexpected token in JSON (HTTP 500)' } } },
    ]
    return makeTrace('signIn', events)
  }

  it('leads a failed sign-in with the callback’s own error, message and line, then what NextAuth did; a rejection shows no value', () => {
    renderWithSpies()
    const trace = failedJwt({ code: 'SANDBOX_THREW', message: 'jwt threw Error: role lookup failed', details: { name: 'Error', reason: 'role lookup failed', line: 16, column: 11 } })
    act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 }))
    const cause = screen.getByTestId('signin-root-cause')
    expect(cause.textContent).toMatch(/^SANDBOX_THREWYour jwt callback threw Error: role lookup failed at line 16:11\./)
    expect(cause.textContent).toContain('Then: NextAuth v4 does not catch it: Next.js logs the error and answers 500 Internal Server Error, so signIn() rejects.')
    expect(cause.textContent!.indexOf('SANDBOX_THREW')).toBeLessThan(cause.textContent!.indexOf('Next.js'))
    expect(within(cause).getByRole('button', { name: 'Show in editor' })).toBeTruthy()
    // A rejected promise has no value: the rejection, and no JSON beside it.
    expect(screen.getByTestId('signin-result').textContent).toContain('signIn() rejected: SyntaxError: Unexpected token in JSON (HTTP 500)')
    expect(screen.queryByLabelText('signIn() resolved to')).toBeNull()
    expect(screen.getByText('A rejected promise has no value: in the app, await signIn(…) throws.')).toBeTruthy()
  })

  it('names a timeout and a syntax error as such, not as a throw', () => {
    renderWithSpies()
    const timeout = failedJwt({ code: 'SANDBOX_TIMEOUT', message: 'jwt did not finish within 1000 ms', details: { timeoutMs: 1000, elapsedMs: 1000 } })
    act(() => appStore.setState({ lastTrace: timeout, traces: [timeout], cursor: timeout.events.length - 1 }))
    expect(screen.getByTestId('signin-root-cause').textContent).toContain('Your jwt callback did not finish within 1000 ms (an endless loop, or a promise that never settles), so it was stopped.')
    expect(screen.getByTestId('signin-root-cause').textContent).not.toContain('threw')
    const syntax = failedJwt({ code: 'SANDBOX_SYNTAX_ERROR', message: 'jwt: Unexpected token (15:5)', details: { reason: 'Unexpected token (15:5)', line: 15, column: 5 } })
    act(() => appStore.setState({ lastTrace: syntax, traces: [syntax], cursor: syntax.events.length - 1 }))
    expect(screen.getByTestId('signin-root-cause').textContent).toContain('Your jwt callback has a syntax error at line 15:5, so it was not run: Unexpected token (15:5).')
  })

  it('labels an earlier run’s signIn() result as the last one, greyed once a later run ended its session', () => {
    renderWithSpies()
    const signIn = makeSignInTrace()
    const signOut = makeTrace('signOut', [{ kind: 'flow.finished', actor: 'browser', result: { flow: 'signOut', value: { url: 'http://localhost:3000/' } } }], { startedAtSec: FIXTURE_NOW_SEC + 60, id: 'signout' })
    act(() => appStore.setState({ lastTrace: signIn, traces: [signIn], cursor: signIn.events.length - 1 }))
    const result = () => screen.getByTestId('signin-result')
    expect(result().textContent).toMatch(/^Signed in/)
    expect(result().textContent).not.toContain('Last signIn() result')
    act(() => appStore.setState({ lastTrace: signOut, traces: [signIn, signOut], cursor: 0 }))
    expect(result().textContent).toContain('Last signIn() result, from the run at Thu, 01 Jan 2026, 00:00:00 UTC')
    expect(result().textContent).toContain('That session has ended since: useSession() reports “unauthenticated” now.')
    expect(result().getAttribute('data-stale')).toBe('true')
  })
})
