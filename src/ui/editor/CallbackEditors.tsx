import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react'
import { SANDBOX_CALLBACK_NAMES, SANDBOX_DEFAULT_TIMEOUT_MS, type SandboxCallbackName } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { selectCallbackFailures, type CallbackFailure, type EditorDiagnostics } from '../../state/editorSlice'
import { useAppStore } from '../../state/useAppStore'
import { Button, Hint } from '../shared/Button'
import { CallbackFailureAlert } from './CallbackFailureAlert'
import type { CallbackMarker } from './MonacoCallbackEditor'
import { useIsDark } from './useIsDark'

// Monaco (~4 MB) loads only when the editors mount; the rest of the page works before it arrives.
const MonacoCallbackEditor = lazy(() => import('./MonacoCallbackEditor'))

/** The authorize, jwt and session callback editors. */
export function CallbackEditors() {
  const t = useT()
  const flavor = useAppStore((s) => s.config.flavor)
  const adoptFlavorStarters = useAppStore((s) => s.adoptFlavorStarters)
  const failures = useAppStore(selectCallbackFailures)

  useEffect(() => adoptFlavorStarters(flavor), [flavor, adoptFlavorStarters])

  return (
    <div className="space-y-3">
      <Hint>{t('editor.intro', { timeoutMs: SANDBOX_DEFAULT_TIMEOUT_MS })}</Hint>
      <Hint>{t('editor.keyboardHint')}</Hint>
      <Hint>{t(`editor.flavorNote.${flavor}`)}</Hint>
      <div className="grid gap-4 xl:grid-cols-3">
        {SANDBOX_CALLBACK_NAMES.map((name) => (
          <CallbackEditor key={name} name={name} failure={failures.find((failure) => failure.callback === name) ?? null} />
        ))}
      </div>
    </div>
  )
}

function CallbackEditor({ name, failure }: { name: SandboxCallbackName; failure: CallbackFailure | null }) {
  const t = useT()
  const label = t(`editor.names.${name}`)
  const code = useAppStore((s) => s.editorCode[name])
  const flavor = useAppStore((s) => s.config.flavor)
  const diagnostics = useAppStore((s) => s.editorDiagnostics[name])
  const setEditorCode = useAppStore((s) => s.setEditorCode)
  const resetEditorCode = useAppStore((s) => s.resetEditorCode)
  const setEditorDiagnostics = useAppStore((s) => s.setEditorDiagnostics)
  const dark = useIsDark()
  const headingId = `editor-heading-${name}`

  const onChange = useCallback((next: string) => setEditorCode(name, next), [name, setEditorCode])
  const onDiagnostics = useCallback((next: EditorDiagnostics) => setEditorDiagnostics(name, next), [name, setEditorDiagnostics])
  const line = failure?.error.details.line
  const column = failure?.error.details.column
  const markerMessage = failure ? `${failure.error.code}: ${failure.error.message}` : ''
  // Kept stable across renders: the editor re-sets its markers only when the failure changes.
  const marker: CallbackMarker | null = useMemo(
    () => (typeof line === 'number' ? { line, column: typeof column === 'number' ? column : 1, message: markerMessage } : null),
    [line, column, markerMessage],
  )

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
      <div className="min-h-[320px] overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
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
      {diagnostics && diagnostics.syntaxErrors > 0 && diagnostics.first && (
        <p className="text-sm font-medium text-rose-800 dark:text-rose-300">
          {t('editor.diagnostics.syntax', { name: label, line: diagnostics.first.line, column: diagnostics.first.column, message: diagnostics.first.message })}
        </p>
      )}
      {diagnostics && diagnostics.syntaxErrors === 0 && diagnostics.typeErrors > 0 && diagnostics.first && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          {t('editor.diagnostics.types', { name: label, count: diagnostics.typeErrors, line: diagnostics.first.line, message: diagnostics.first.message })}
        </p>
      )}
      {failure && <CallbackFailureAlert failure={failure} label={label} />}
    </div>
  )
}
