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

  it('says syntax errors block the callback and type errors only warn', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => editorProps.get('jwt')?.onDiagnostics({ syntaxErrors: 1, typeErrors: 0, first: { message: "')' expected.", line: 4, column: 9 } }))
    expect(screen.getByText(/jwt callback: syntax error at line 4, column 9/).textContent).toContain('will not run')
    act(() => editorProps.get('session')?.onDiagnostics({ syntaxErrors: 0, typeErrors: 2, first: { message: 'Type mismatch', line: 3, column: 1 } }))
    expect(screen.getByText(/session callback: 2 type problem/).textContent).toContain('still runs')
  })

  it('passes the configured flavour to the editors and swaps untouched starting code', async () => {
    render(<CallbackEditors />)
    await screen.findByRole('textbox', { name: 'jwt callback' })
    act(() => appStore.setState({ config: { ...appStore.getState().config, flavor: 'authjs' } }))
    expect(editorProps.get('jwt')?.flavor).toBe('authjs')
    expect(appStore.getState().editorCode.jwt).toBe(STARTER_CODE.authjs.jwt)
    expect(screen.getByText(/Types: Auth.js/)).toBeTruthy()
  })
})
