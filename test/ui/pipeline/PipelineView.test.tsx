import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadLocale } from '../../../src/i18n/t'
import { appStore } from '../../../src/state/useAppStore'
import { PipelineView } from '../../../src/ui/pipeline/PipelineView'
import { detailBodyModule } from '../../../src/ui/pipeline/details/StepDetails'
import { stepDurationsMs } from '../../../src/ui/pipeline/playbackTiming'
import { makeGetSessionTrace, makeSignInTrace, makeTamperedSessionTrace, makeTrace, V4_TOKEN } from '../../helpers/makeTrace'
import type { Trace } from '../../../src/engine'

const initial = appStore.getState()

function show(trace: Trace, cursor = -1, playing = false) {
  act(() => appStore.setState({ lastTrace: trace, traces: [trace], cursor, playing, speed: 1 }))
}

function pipelineList() {
  return screen.getByRole('list', { name: 'Pipeline' })
}

describe('PipelineView', () => {
  // The details' body is loaded on its own in the app; have it ready so each test renders synchronously.
  beforeAll(() => detailBodyModule.preload())
  beforeEach(() => appStore.setState(initial, true))
  afterEach(() => vi.useRealTimers())

  it('renders an empty list labelled Pipeline and says what to do before any run', () => {
    render(<PipelineView />)
    expect(within(pipelineList()).queryAllByRole('listitem')).toHaveLength(0)
    expect(screen.getByRole('status').textContent).toContain('Sign in to watch')
    expect((screen.getByRole('button', { name: 'Play' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('lists every step of the trace, each named by its visible text and described by its narration', () => {
    const trace = makeSignInTrace()
    show(trace)
    render(<PipelineView />)
    const items = within(pipelineList()).getAllByRole('listitem')
    expect(items).toHaveLength(trace.events.length)
    // The name is exactly what is on screen (WCAG 2.5.3, axe label-content-name-mismatch); the narration is the description.
    expect(within(items[1]!).getByRole('button', { name: '2 GET /api/auth/providers', description: 'Step 2: The browser sends GET /api/auth/providers to the route handler.' })).toBeTruthy()
    expect(within(items[7]!).getByRole('button', { name: '8 POST /api/auth/callback/credentials', description: /^Step 8: The browser sends POST \/api\/auth\/callback\/credentials to the route handler, carrying 1 cookie\.$/ })).toBeTruthy()
    for (const item of items) {
      const button = within(item).getByRole('button')
      expect(button.getAttribute('aria-label')).toBeNull()
      expect(button.textContent).toBe(`${Number(item.getAttribute('data-step')) + 1} ${item.querySelector('button span.truncate')!.textContent}`)
    }
  })

  it('marks only the current step with aria-current="step" and announces its narration in the live region', () => {
    show(makeSignInTrace(), 16)
    render(<PipelineView />)
    const current = pipelineList().querySelectorAll('[aria-current="step"]')
    expect(current).toHaveLength(1)
    expect(current[0]!.getAttribute('data-step')).toBe('16')
    const live = screen.getByRole('status')
    expect(live.getAttribute('aria-live')).toBe('polite')
    expect(live.textContent).toContain('jose encrypts the claims (dir + A256GCM) with a key derived from the secret; exp = now + 30 days.')
  })

  it('steps with the player buttons and the keyboard', () => {
    show(makeSignInTrace(), 0)
    render(<PipelineView />)
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }))
    expect(appStore.getState().cursor).toBe(1)
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    expect(appStore.getState().cursor).toBe(3)
    fireEvent.keyDown(window, { key: 'ArrowLeft' })
    expect(appStore.getState().cursor).toBe(2)
    fireEvent.keyDown(window, { key: ' ' })
    expect(appStore.getState().playing).toBe(true)
    fireEvent.keyDown(window, { key: ' ' })
    expect(appStore.getState().playing).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Step back' }))
    expect(appStore.getState().cursor).toBe(1)
  })

  it('takes Space from a focused button while a run can play on, and leaves it to the button at the end', () => {
    const trace = makeSignInTrace()
    show(trace, 2)
    const pressed = vi.fn()
    render(
      <>
        <button type="button" onClick={pressed}>
          Get session
        </button>
        <PipelineView />
      </>,
    )
    const button = screen.getByRole('button', { name: 'Get session' })
    expect(fireEvent.keyDown(button, { key: ' ' })).toBe(false)
    expect(fireEvent.keyUp(button, { key: ' ' })).toBe(false)
    expect(appStore.getState().playing).toBe(true)
    act(() => appStore.setState({ playing: false, cursor: trace.events.length - 1 }))
    expect(fireEvent.keyDown(button, { key: ' ' })).toBe(true)
    expect(appStore.getState().playing).toBe(false)
    expect(pressed).not.toHaveBeenCalled()
  })

  it('leaves Space and arrows to text fields', () => {
    show(makeSignInTrace(), 2)
    render(
      <>
        <input aria-label="Email" />
        <PipelineView />
      </>,
    )
    const input = screen.getByRole('textbox', { name: 'Email' })
    fireEvent.keyDown(input, { key: 'ArrowRight' })
    fireEvent.keyDown(input, { key: ' ' })
    expect(appStore.getState().cursor).toBe(2)
    expect(appStore.getState().playing).toBe(false)
  })

  it('plays the run step by step on its own and stops at the last step', () => {
    vi.useFakeTimers()
    const trace = makeSignInTrace()
    show(trace, -1, true)
    render(<PipelineView />)
    const durations = stepDurationsMs(trace.events, 1)
    act(() => vi.advanceTimersByTime(120))
    expect(appStore.getState().cursor).toBe(0)
    act(() => vi.advanceTimersByTime(durations[0]!))
    expect(appStore.getState().cursor).toBe(1)
    for (let i = 1; i < trace.events.length; i++) act(() => vi.advanceTimersByTime(durations[i]!))
    expect(appStore.getState().cursor).toBe(trace.events.length - 1)
    expect(appStore.getState().playing).toBe(false)
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy()
  })

  it('skips to the end, restarts, and changes speed', () => {
    const trace = makeSignInTrace()
    show(trace, 3)
    render(<PipelineView />)
    fireEvent.click(screen.getByRole('button', { name: 'Skip animation' }))
    expect(appStore.getState().cursor).toBe(trace.events.length - 1)
    const speed = screen.getByRole('combobox', { name: 'Speed' })
    // From half speed, where every sign-in step can be read, up to 4× for the impatient.
    expect(within(speed).getAllByRole('option').map((o) => o.textContent)).toEqual(['0.5×', '1×', '1.5×', '2×', '3×', '4×'])
    fireEvent.change(speed, { target: { value: '0.5' } })
    expect(appStore.getState().speed).toBe(0.5)
    fireEvent.change(speed, { target: { value: '4' } })
    expect(appStore.getState().speed).toBe(4)
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }))
    expect(appStore.getState().cursor).toBe(-1)
    expect(appStore.getState().playing).toBe(true)
  })

  it('opens the details of a clicked step: request headers with the Cookie line highlighted and the modelled source file', () => {
    show(makeSignInTrace())
    render(<PipelineView />)
    const row = within(pipelineList()).getAllByRole('button')[7]!
    fireEvent.click(row)
    expect(appStore.getState().cursor).toBe(7)
    const details = screen.getByRole('region', { name: 'Step details' })
    expect(details.textContent).toContain('POST http://localhost:3000/api/auth/callback/credentials')
    const highlighted = details.querySelectorAll('[data-highlight="cookie"]')
    expect(highlighted).toHaveLength(1)
    expect(highlighted[0]!.textContent).toMatch(/^Cookie: next-auth\.csrf-token=/)
    expect(details.textContent).toContain('next-auth/react/index.js')
  })

  it('shows Set-Cookie lines of a response highlighted', () => {
    show(makeSignInTrace(), 17)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    const lines = [...details.querySelectorAll('[data-highlight="cookie"]')].map((el) => el.textContent ?? '')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^Set-Cookie: next-auth\.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0\.\./)
  })

  it('shows callback arguments with the trigger and which arguments are undefined', () => {
    const trace = makeGetSessionTrace()
    show(trace, 4)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    expect(details.textContent).toContain('no trigger key')
    expect(within(details).getByText('session', { selector: 'dd' })).toBeTruthy()
    expect(within(details).getByLabelText('Arguments').textContent).toContain('"session": "(undefined)"')
  })

  it('explains a decode failure with its code, a plain explanation and what to do', () => {
    show(makeTamperedSessionTrace(), 3)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    expect(details.textContent).toContain('JWT_DECRYPT_FAILED')
    expect(details.textContent).toContain('The session token could not be decrypted')
    expect(details.textContent).toContain('What to do')
    expect(details.textContent).toContain('JWEDecryptionFailed (ERR_JWE_DECRYPTION_FAILED): decryption operation failed')
    expect(screen.getByRole('status').textContent).toContain('jose cannot read the token: The session token could not be decrypted.')
  })

  it('says why a failed decode has no key ladder: the key itself could not be derived', () => {
    const noSecret = { code: 'NO_SECRET' as const, message: 'no secret', details: {} }
    show(makeTrace('getSession', [{ kind: 'jwt.decodeFailed', actor: 'jose', token: V4_TOKEN, keyError: noSecret, error: noSecret }]), 0)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    expect(within(details).getByText('No key derived', { selector: 'dt' }).nextElementSibling!.textContent).toBe('NO_SECRET · No secret is configured')
  })

  it('shows the salt getToken used and, for a wrong salt, the one that opens the token', () => {
    const resolved = { kind: 'getToken.resolved', actor: 'middleware', cookieName: 'authjs.session-token', secureCookie: false, token: null, nullReason: 'wrong-salt', salt: 'authjs.session-token', workingSalt: '__Secure-authjs.session-token' } as const
    show(makeTrace('visitProtectedPage', [resolved], { flavor: 'authjs' }), 0)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    expect(within(details).getByText('salt', { selector: 'dt' }).nextElementSibling!.textContent).toBe('"authjs.session-token"')
    expect(within(details).getByText('The salt that opens it', { selector: 'dt' }).nextElementSibling!.textContent).toBe('"__Secure-authjs.session-token"')
  })

  it('heads the step details with a human label, the raw kind only as a small code tag, and lets the narration wrap', () => {
    const trace = makeSignInTrace()
    show(trace, trace.events.length - 1)
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    const heading = within(details).getAllByRole('heading', { level: 3 })[0]!
    expect(heading.textContent).toBe(`Step ${trace.events.length} · Resultflow.finished`)
    expect(within(heading).getByText('flow.finished', { selector: 'code' })).toBeTruthy()
    expect(within(heading).getByText(`Step ${trace.events.length} · Result`)).toBeTruthy()
    // A long unbroken narration (the signIn() result as JSON) wraps inside the panel.
    expect(within(details).getByText(/^signIn\(\) resolves to/).className).toContain('[overflow-wrap:anywhere]')
    expect(screen.getByTestId('pipeline-caption').querySelector('.\\[overflow-wrap\\:anywhere\\]')).not.toBeNull()
  })

  it('says a Max-Age=0 Set-Cookie line deletes its cookie', () => {
    const trace = makeTamperedSessionTrace()
    show(trace, trace.events.findIndex((e) => e.kind === 'http.responded'))
    render(<PipelineView />)
    const details = screen.getByRole('region', { name: 'Step details' })
    const line = [...details.querySelectorAll('[data-highlight="cookie"]')].find((el) => el.textContent?.includes('Max-Age=0'))!
    expect(line.textContent).toContain('(deletes a cookie)')
    expect(line.textContent).not.toContain('(sets a cookie)')
  })

  it('says the real getToken() answers null silently, and that the reason is the playground’s', () => {
    const resolved = { kind: 'getToken.resolved', actor: 'middleware', cookieName: 'next-auth.session-token', secureCookie: false, token: null, nullReason: 'decrypt-failed' } as const
    show(makeTrace('visitProtectedPage', [resolved]), 0)
    render(<PipelineView />)
    expect(screen.getByRole('region', { name: 'Step details' }).textContent).toContain(
      'The real getToken() catches every error and returns null, with nothing in the logs (the session route, by contrast, logs JWT_SESSION_ERROR). The reason shown here is the playground’s.',
    )
  })

  it('draws a travelling packet for the current step only when motion is allowed', () => {
    show(makeSignInTrace(), 1)
    const { unmount } = render(<PipelineView />)
    expect(screen.getAllByTestId('travelling-packet')).toHaveLength(1)
    unmount()
    const original = window.matchMedia
    window.matchMedia = ((query: string) => ({ ...original(query), matches: query.includes('reduce') })) as typeof window.matchMedia
    try {
      render(<PipelineView />)
      expect(screen.queryAllByTestId('travelling-packet')).toHaveLength(0)
      expect(pipelineList().querySelectorAll('[aria-current="step"]')).toHaveLength(1)
    } finally {
      window.matchMedia = original
    }
  })
})

describe('PipelineView in Simplified Chinese', () => {
  // The Chinese catalogue loads lazily in the app; have it ready so the test can render synchronously.
  beforeAll(() => loadLocale('zh'))
  beforeEach(() => appStore.setState(initial, true))

  it('words the player, the list and the narration in Chinese', () => {
    act(() => appStore.setState({ locale: 'zh' }))
    show(makeSignInTrace(), 1)
    render(<PipelineView />)
    expect(screen.getByRole('list', { name: '流水线' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '后退一步' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('浏览器向路由处理器发送 GET /api/auth/providers。')
  })

  it('draws the lifelines and activation bars once for the whole list, not in every row', () => {
    const trace = makeSignInTrace()
    show(trace, 10)
    render(<PipelineView />)
    const backdrops = screen.getAllByTestId('lane-backdrop')
    expect(backdrops).toHaveLength(1)
    // Six lifelines plus one bar per stretch of an open request (split at the cursor); no row draws its own.
    expect(backdrops[0]!.querySelectorAll('line').length).toBeGreaterThan(6)
    for (const item of within(pipelineList()).getAllByRole('listitem')) expect(item.querySelectorAll('line[stroke-width="8"]')).toHaveLength(0)
    expect(pipelineList().querySelectorAll('line').length).toBeLessThan(trace.events.length * 3)
  })

  it('keeps the live region quiet while the run plays, and announces the step once it pauses', () => {
    const trace = makeSignInTrace()
    show(trace, 5, true)
    render(<PipelineView />)
    expect(screen.getByRole('status').textContent).toBe('')
    expect(screen.getByTestId('pipeline-caption').textContent).toContain('6')
    act(() => appStore.setState({ playing: false }))
    expect(screen.getByRole('status').textContent).toMatch(/^Step 6: /)
  })
})
