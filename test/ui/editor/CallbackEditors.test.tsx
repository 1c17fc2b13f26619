// The editors panel with Monaco replaced by a textarea (Monaco does not run in jsdom): labels,
// reset, type/syntax notes, and the sandbox failure shown as an alert with its code verbatim.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { STARTER_CODE, type Trace } from '../../../src/engine/index'
import { appStore } from '../../../src/state/useAppStore'
import { CallbackEditors } from '../../../src/ui/editor/CallbackEditors'
import type { MonacoCallbackEditorProps } from '../../../src/ui/editor/MonacoCallbackEditor'

const editorProps = new Map<string, MonacoCallbackEditorProps>()

vi.mock('../../../src/ui/editor/MonacoCallbackEditor', () => ({
  default: function TextareaStub(props: MonacoCallbackEditorProps) {
    editorProps.set(props.name, props)
    return <textarea aria-label={props.ariaLabel} value={props.code} onChange={(event) => props.onChange(event.target.value)} />
  },
}))

const initial = appStore.getState()

function failedRun(callback: string, error: Record<string, unknown>, logs: unknown[] = []): Trace {
  return {
    id: 'run-1',
    flow: 'signIn',
    flavor: 'next-auth-v4',
    startedAtSec: 0,
    endedAtSec: 0,
    jarBefore: [],
    jarAfter: [],
    result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null } },
    events: [{ kind: 'callback.failed', callback, error, logs, durationMs: 1000, step: 0, atSec: 0, actor: 'callbacks' }],
  } as unknown as Trace
}

beforeEach(() => {
  appStore.setState(initial, true)
  for (const name of ['authorize', 'jwt', 'session'] as const) appStore.getState().resetEditorCode(name)
  editorProps.clear()
})

describe('CallbackEditors', () => {
  it('shows a loading state, then three editors named authorize, jwt callback and session callback', async () => {
    render(<CallbackEditors />)
    expect(screen.getAllByText('Loading the code editor…').length).toBeGreaterThan(0)
    for (const name of ['authorize', 'jwt callback', 'session callback']) expect(await screen.findByRole('textbox', { name })).toBeTruthy()
    expect((screen.getByRole('textbox', { name: 'jwt callback' }) as HTMLTextAreaElement).value).toBe(STARTER_CODE['next-auth-v4'].jwt)
  })

  it('mentions the keyboard trap toggle next to the editors', () => {
    render(<CallbackEditors />)
    expect(screen.getByText(/Ctrl\+M/)).toBeTruthy()
  })

  it('puts edits in the store and resets one editor to its starting code', async () => {
    render(<CallbackEditors />)
    const jwt = await screen.findByRole('textbox', { name: 'jwt callback' })
    fireEvent.change(jwt, { target: { value: 'edited' } })
    expect(appStore.getState().editorCode.jwt).toBe('edited')
    fireEvent.click(screen.getByRole('button', { name: 'Reset jwt callback to its starting code' }))
    expect(appStore.getState().editorCode.jwt).toBe(STARTER_CODE['next-auth-v4'].jwt)
    expect((jwt as HTMLTextAreaElement).value).toBe(STARTER_CODE['next-auth-v4'].jwt)
  })

  it('shows a sandbox timeout as an alert: code verbatim, which callback, how long', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { code: 'SANDBOX_TIMEOUT', message: 'jwt did not finish within 1000 ms', details: { callback: 'jwt', timeoutMs: 1000, elapsedMs: 1003 } }) }))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('SANDBOX_TIMEOUT')
    expect(alert.textContent).toContain('jwt callback')
    expect(alert.textContent).toContain('stopped after 1003 ms (limit 1000 ms)')
    expect(alert.textContent).toContain('The callback took too long')
  })

  it('shows a throw with its line and column, and hands the position to the editor as a marker', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'session callback' })
    const error = { code: 'SANDBOX_THREW', message: 'session threw Error: x', details: { callback: 'session', line: 7, column: 13, elapsedMs: 2 } }
    act(() => appStore.setState({ lastTrace: failedRun('session', error, [{ level: 'log', text: 'before' }]) }))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('SANDBOX_THREW')
    expect(alert.textContent).toContain('line 7, column 13')
    expect(within(alert).getByText('[log] before')).toBeTruthy()
    expect(editorProps.get('session')?.failure).toEqual({ line: 7, column: 13, message: 'SANDBOX_THREW: session threw Error: x' })
    expect(editorProps.get('jwt')?.failure).toBeNull()
  })

  it('names the bad-return reason and the size of a too-large return', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { code: 'SANDBOX_BAD_RETURN', message: 'm', details: { callback: 'jwt', reason: 'bigint', path: 'return.a' } }) }))
    expect(screen.getByRole('alert').textContent).toContain('returned a BigInt at return.a')
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { code: 'SANDBOX_RETURN_TOO_LARGE', message: 'm', details: { callback: 'jwt', sizeBytes: 5242890, limitBytes: 1048576 } }) }))
    expect(screen.getByRole('alert').textContent).toContain('returned 5242890 bytes (limit 1048576 bytes)')
  })

  it('says a callback will not run when the sandbox cannot compile it, and that type errors only warn', async () => {
    const syntaxError = { code: 'SANDBOX_SYNTAX_ERROR', message: 'jwt: Unexpected token', details: { callback: 'jwt', line: 4, column: 9, reason: 'Unexpected token' } } as const
    appStore.setState({ checkCallbackSource: async (name) => (name === 'jwt' ? syntaxError : null) })
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => editorProps.get('jwt')?.onDiagnostics({ syntaxErrors: 1, typeErrors: 0, first: { message: 'Expression expected.', line: 4, column: 9 } }))
    const note = await screen.findByText(/jwt callback: syntax error at line 4, column 9/)
    expect(note.textContent).toContain('Unexpected token. This callback will not run')
    act(() => editorProps.get('session')?.onDiagnostics({ syntaxErrors: 0, typeErrors: 2, first: { message: 'Type mismatch', line: 3, column: 1 } }))
    expect(screen.getByText(/session callback: 2 type problem/).textContent).toContain('still runs')
  })

  it('only warns about what TypeScript calls a syntax error when the sandbox compiles it (a required parameter after an optional one)', async () => {
    let asked = 0
    appStore.setState({
      checkCallbackSource: async () => {
        asked++
        return null
      },
    })
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => editorProps.get('jwt')?.onDiagnostics({ syntaxErrors: 1, typeErrors: 0, first: { message: 'A required parameter cannot follow an optional parameter.', line: 1, column: 24 } }))
    await vi.waitFor(() => expect(asked).toBeGreaterThan(0))
    const note = screen.getByText(/jwt callback: 1 type problem/)
    expect(note.textContent).toContain('still runs')
    expect(screen.queryByText(/will not run/)).toBeNull()
  })

  it("places a syntax error the sandbox cannot place where TypeScript points, with TypeScript's message", async () => {
    const dupLet = { code: 'SANDBOX_SYNTAX_ERROR', message: "jwt: Identifier 'a' has already been declared", details: { callback: 'jwt', reason: "Identifier 'a' has already been declared" } } as const
    appStore.setState({ checkCallbackSource: async (name) => (name === 'jwt' ? dupLet : null) })
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => editorProps.get('jwt')?.onDiagnostics({ syntaxErrors: 0, typeErrors: 2, first: { message: "Cannot redeclare block-scoped variable 'a'.", line: 2, column: 5 } }))
    expect((await screen.findByText(/jwt callback: syntax error at line 2, column 5/)).textContent).toContain("Cannot redeclare block-scoped variable 'a'. This callback will not run")
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { ...dupLet, details: { ...dupLet.details, elapsedMs: 1 } }) }))
    expect(screen.getByRole('alert').textContent).toContain('TypeScript points at line 2, column 5')
    expect(editorProps.get('jwt')?.failure).toMatchObject({ line: 2, column: 5 })
  })

  it('adds no second full stop after a message that has one', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'session callback' })
    act(() => editorProps.get('session')?.onDiagnostics({ syntaxErrors: 0, typeErrors: 1, first: { message: "Parameter 'x' implicitly has an 'any' type.", line: 3, column: 1 } }))
    const note = screen.getByText(/session callback: 1 type problem/)
    expect(note.textContent).toContain("'any' type. Type errors only warn")
    expect(note.textContent).not.toContain('..')
  })

  it('says to throw an Error when a thrown value has no line', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { code: 'SANDBOX_THREW', message: 'jwt threw string: nope', details: { callback: 'jwt', name: 'string', reason: 'nope', elapsedMs: 1 } }) }))
    expect(screen.getByRole('alert').textContent).toContain('throw an Error (throw new Error(…)) to see the line')
  })

  it('names the run its alerts belong to', async () => {
    const { container } = render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { code: 'SANDBOX_THREW', message: 'm', details: { callback: 'jwt' } }) }))
    expect(container.querySelector('[data-run-id]')?.getAttribute('data-run-id')).toBe('run-1')
  })

  it('shows a syntax error the last run reported for this very code once: in its alert, with no second note', async () => {
    const syntaxError = { code: 'SANDBOX_SYNTAX_ERROR', message: 'jwt: Unexpected token', details: { callback: 'jwt', line: 4, column: 9, reason: 'Unexpected token' } } as const
    appStore.setState({ checkCallbackSource: async (name) => (name === 'jwt' ? syntaxError : null) })
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => editorProps.get('jwt')?.onDiagnostics({ syntaxErrors: 1, typeErrors: 0, first: { message: 'Expression expected.', line: 4, column: 9 } }))
    await screen.findByText(/jwt callback: syntax error at line 4, column 9/)
    act(() => appStore.setState({ lastTrace: failedRun('jwt', { ...syntaxError, details: { ...syntaxError.details, elapsedMs: 1 } }) }))
    const group = screen.getByRole('group', { name: 'jwt callback' })
    // One callout: which callback, the code verbatim with its explanation, where.
    const alert = within(group).getByRole('alert')
    for (const text of ['Your jwt callback failed in the last run', 'SANDBOX_SYNTAX_ERROR', 'The code has a syntax error', 'line 4, column 9']) expect(alert.textContent).toContain(text)
    expect(within(group).queryByText(/syntax error at line 4, column 9/)).toBeNull()
    expect(within(group).queryByRole('status')).toBeNull()
  })

  it("greys the last run's failure out as outdated once the code changes, and takes its marker off the changed code", async () => {
    render(<CallbackEditors />)
    const session = await screen.findByRole('textbox', { name: 'session callback' })
    const error = { code: 'SANDBOX_THREW', message: 'session threw Error: x', details: { callback: 'session', line: 7, column: 13, elapsedMs: 2 } }
    // The store records the code a run used (runSlice's lastTraceCode); here the code on screen ran.
    act(() => appStore.setState({ lastTrace: failedRun('session', error), lastTraceCode: appStore.getState().editorCode }))
    expect(editorProps.get('session')?.failure).toMatchObject({ line: 7 })
    fireEvent.change(session, { target: { value: 'export function session({ session }: any) { return session }' } })
    expect(screen.queryByRole('alert')).toBeNull()
    const outdated = screen.getByRole('status', { name: 'Outdated: your session callback failed in the last run, before your latest edit' })
    expect(outdated.textContent).toContain('SANDBOX_THREW')
    expect(outdated.textContent).toContain('session threw Error: x')
    expect(outdated.textContent).toContain('run again')
    expect(editorProps.get('session')?.failure).toBeNull()
    // Back to the code that ran: the failure is about the code on screen again.
    fireEvent.change(session, { target: { value: STARTER_CODE['next-auth-v4'].session } })
    expect(screen.getByRole('alert', { name: 'Your session callback failed in the last run' })).toBeTruthy()
    expect(editorProps.get('session')?.failure).toMatchObject({ line: 7 })
  })

  it('judges a failure against the code its run started with, not the code when its result arrived', async () => {
    render(<CallbackEditors />)
    const jwt = await screen.findByRole('textbox', { name: 'jwt callback' })
    const ran = appStore.getState().editorCode
    act(() => appStore.setState({ runStatus: 'running' }))
    fireEvent.change(jwt, { target: { value: 'edited while the run was going' } })
    act(() => appStore.setState({ runStatus: 'idle', lastTraceCode: ran, lastTrace: failedRun('jwt', { code: 'SANDBOX_TIMEOUT', message: 'jwt did not finish within 1000 ms', details: { callback: 'jwt', timeoutMs: 1000, elapsedMs: 1000 } }) }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('status', { name: /Outdated: your jwt callback failed/ }).textContent).toContain('SANDBOX_TIMEOUT')
  })

  it('passes the configured flavour to the editors and swaps untouched starting code', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    // As the configuration panel does: the store swaps the untouched starters with the flavour.
    act(() => appStore.getState().setConfig({ flavor: 'authjs' }))
    expect(editorProps.get('jwt')?.flavor).toBe('authjs')
    expect(appStore.getState().editorCode.jwt).toBe(STARTER_CODE.authjs.jwt)
    expect(screen.getByText(/Types: Auth.js/)).toBeTruthy()
  })
})
