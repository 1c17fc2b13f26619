import { Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { SANDBOX_CALLBACK_NAMES, type SandboxCallbackName, type SerializedEngineError } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { selectCallbackFailures, type CallbackFailure, type EditorDiagnostics } from '../../state/editorSlice'
import { SANDBOX_TIMEOUT_MS } from '../../state/runSlice'
import { useAppStore } from '../../state/useAppStore'
import { Button, Hint } from '../shared/Button'
import { plural } from '../shared/plural'
import { CallbackFailureAlert } from './CallbackFailureAlert'
import type { CallbackMarker } from './MonacoCallbackEditor'
import { useIsDark } from './useIsDark'
import { withoutFullStop } from '../shared/sentenceText'
import { retryableLazy } from '../shared/lazyModule'
import { editorHeadingId } from './editorIds'

// Monaco (~4 MB) loads only when the editors mount; the rest of the page works before it arrives.
const MonacoCallbackEditor = retryableLazy(() => import('./MonacoCallbackEditor'))

/** How long the code must stay unchanged before the sandbox worker is asked whether it compiles. */
const COMPILE_CHECK_DELAY_MS = 250


/** The authorize, jwt and session callback editors. */
export function CallbackEditors() {
  const t = useT()
  const flavor = useAppStore((s) => s.config.flavor)
  const failures = useAppStore(selectCallbackFailures)
  // Which run the alerts below belong to: tests (and assistive tooling) can wait for a new one.
  const runId = useAppStore((s) => s.lastTrace?.id ?? '')
  const ranCode = useAppStore((s) => s.lastTraceCode)

  return (
    <div className="space-y-3" data-run-id={runId}>
      {/* The limit the runner was made with, not a default that could differ from it. */}
      <Hint>{t('editor.intro', { timeoutMs: SANDBOX_TIMEOUT_MS })}</Hint>
      <Hint>{t('editor.keyboardHint')}</Hint>
      <Hint>{t(`editor.flavorNote.${flavor}`)}</Hint>
      {/*
        One editor per row, each the panel's full width: side by side, three editors got 280–320 px at
        1280–1440 px and cut their lines off; stacked, they line up and show whole lines (they wrap).
      */}
      <div className="flex flex-col gap-6">
        {SANDBOX_CALLBACK_NAMES.map((name) => (
          <CallbackEditor key={name} name={name} failure={failures.find((failure) => failure.callback === name) ?? null} ranCode={ranCode?.[name] ?? null} />
        ))}
      </div>
    </div>
  )
}

/**
 * Whether the sandbox worker compiles `code` (undefined until it has answered for this very code):
 * the run's verdict, not TypeScript's, decides whether a callback "will not run".
 */
function useCompileVerdict(name: SandboxCallbackName, code: string): SerializedEngineError | null | undefined {
  const checkCallbackSource = useAppStore((s) => s.checkCallbackSource)
  const [verdict, setVerdict] = useState<{ code: string; error: SerializedEngineError | null } | null>(null)
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      void checkCallbackSource(name, code).then((error) => {
        if (current) setVerdict({ code, error })
      })
    }, COMPILE_CHECK_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [checkCallbackSource, name, code])
  return verdict?.code === code ? verdict.error : undefined
}


/**
 * One editor. `failure`: this callback's failed call in the last run; `ranCode`: the code that run
 * used. Once the code changes the failure is outdated: it is shown greyed, without its marker.
 */
function CallbackEditor({ name, failure, ranCode }: { name: SandboxCallbackName; failure: CallbackFailure | null; ranCode: string | null }) {
  const t = useT()
  const label = t(`editor.names.${name}`)
  const code = useAppStore((s) => s.editorCode[name])
  const flavor = useAppStore((s) => s.config.flavor)
  const diagnostics = useAppStore((s) => s.editorDiagnostics[name])
  const setEditorCode = useAppStore((s) => s.setEditorCode)
  const resetEditorCode = useAppStore((s) => s.resetEditorCode)
  const setEditorDiagnostics = useAppStore((s) => s.setEditorDiagnostics)
  const dark = useIsDark()
  const headingId = editorHeadingId(name)
  const verdict = useCompileVerdict(name, code)
  const current = failure !== null && (ranCode === null || ranCode === code) ? failure : null
  const outdated = failure !== null && current === null ? failure : null
  // One message per failure: a syntax error the last run already reported for this very code is its alert.
  const syntaxError = !current && verdict?.code === 'SANDBOX_SYNTAX_ERROR' ? verdict : null
  // Code that will not run has no "type problems only warn" note: TypeScript's error is the reason it will not.
  const willNotRun = syntaxError !== null || current?.error.code === 'SANDBOX_SYNTAX_ERROR'
  const tsFirst = diagnostics?.first

  const onChange = useCallback((next: string) => setEditorCode(name, next), [name, setEditorCode])
  const onDiagnostics = useCallback((next: EditorDiagnostics) => setEditorDiagnostics(name, next), [name, setEditorDiagnostics])
  // A syntax error the worker cannot place (V8 gives no position, e.g. a `let` declared twice) is marked where TypeScript points.
  const typeScriptPlaces = current?.error.code === 'SANDBOX_SYNTAX_ERROR' && typeof current.error.details.line !== 'number' && tsFirst ? tsFirst : null
  // Only a failure of the code on screen is marked: after an edit its line may hold other code.
  const line = typeScriptPlaces?.line ?? current?.error.details.line
  const column = typeScriptPlaces?.column ?? current?.error.details.column
  const markerMessage = current ? `${current.error.code}: ${current.error.message}` : ''
  // Kept stable across renders: the editor re-sets its markers only when the failure changes.
  const marker: CallbackMarker | null = useMemo(
    () => (typeof line === 'number' ? { line, column: typeof column === 'number' ? column : 1, message: markerMessage } : null),
    [line, column, markerMessage],
  )
  const problems = (diagnostics?.syntaxErrors ?? 0) + (diagnostics?.typeErrors ?? 0)

  return (
    <div role="group" aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="font-mono text-sm font-semibold text-slate-800 dark:text-slate-100">
          {label}
        </h3>
        <Button aria-label={t('editor.resetLabel', { name: label })} onClick={() => resetEditorCode(name)}>
          {t('editor.reset')}
        </Button>
      </div>
      <Hint>{t(`editor.descriptions.${name}`)}</Hint>
      <div className="min-h-[320px] min-w-0 overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        <Suspense
          fallback={
            <p aria-busy="true" className="p-3 text-sm text-slate-700 dark:text-slate-200">
              {t('editor.loading')}
            </p>
          }
        >
          <MonacoCallbackEditor name={name} ariaLabel={label} code={code} flavor={flavor} dark={dark} failure={marker} onChange={onChange} onDiagnostics={onDiagnostics} />
        </Suspense>
      </div>
      <div className="min-w-0 space-y-2 empty:hidden">
        {syntaxError && <SyntaxNote label={label} error={syntaxError} typeScriptFirst={tsFirst} />}
        {!willNotRun && problems > 0 && tsFirst && (
          <p className="text-sm text-amber-900 dark:text-amber-200">
            {plural(t, 'editor.diagnostics.types', problems, { name: label, line: tsFirst.line, message: withoutFullStop(tsFirst.message) })}
          </p>
        )}
        {current && <CallbackFailureAlert failure={current} label={label} typeScriptPlaces={typeScriptPlaces} />}
        {outdated && <CallbackFailureAlert failure={outdated} label={label} outdated />}
      </div>
    </div>
  )
}

/** The sandbox cannot compile this code: where (from sucrase, else from TypeScript) and why. */
function SyntaxNote({ label, error, typeScriptFirst }: { label: string; error: SerializedEngineError; typeScriptFirst: EditorDiagnostics['first'] }) {
  const t = useT()
  const { line, column, reason } = error.details
  const className = 'text-sm font-medium text-rose-800 dark:text-rose-300'
  if (typeof line === 'number') {
    const message = withoutFullStop(String(reason ?? error.message))
    return <p className={className}>{t('editor.diagnostics.syntax', { name: label, line, column: typeof column === 'number' ? column : 1, message })}</p>
  }
  if (typeScriptFirst) {
    return <p className={className}>{t('editor.diagnostics.syntax', { name: label, line: typeScriptFirst.line, column: typeScriptFirst.column, message: withoutFullStop(typeScriptFirst.message) })}</p>
  }
  return <p className={className}>{t('editor.diagnostics.syntaxNowhere', { name: label, message: withoutFullStop(String(reason ?? error.message)) })}</p>
}
