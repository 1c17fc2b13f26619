import type { CallbackFailure, EditorDiagnostics } from '../../state/editorSlice'
import { hasMessage } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { ErrorExplanation } from '../shared/ErrorExplanation'

/**
 * A failed call of one callback: its code verbatim, which callback, how long, where, and the console
 * output. `typeScriptPlaces`: where TypeScript points, for a syntax error the sandbox could not place.
 */
export function CallbackFailureAlert({ failure, label, typeScriptPlaces = null }: { failure: CallbackFailure; label: string; typeScriptPlaces?: EditorDiagnostics['first'] | null }) {
  const t = useT()
  const { error } = failure
  const d = error.details
  const facts: string[] = []
  if (typeof d.timeoutMs === 'number') facts.push(t('editor.failure.timeout', { elapsedMs: Math.round(Number(d.elapsedMs ?? d.timeoutMs)), timeoutMs: d.timeoutMs }))
  else if (typeof d.elapsedMs === 'number') facts.push(t('editor.failure.elapsed', { elapsedMs: Math.round(d.elapsedMs) }))
  if (typeof d.line === 'number') facts.push(t('editor.failure.where', { line: d.line, column: typeof d.column === 'number' ? d.column : 1 }))
  else if (typeScriptPlaces) facts.push(t('editor.failure.whereTypeScript', { line: typeScriptPlaces.line, column: typeScriptPlaces.column, message: typeScriptPlaces.message }))
  // Only an Error carries a stack, and so a line: `throw 'x'` and `Promise.reject('x')` have none.
  else if (error.code === 'SANDBOX_THREW') facts.push(t('editor.failure.throwAnError'))
  if (typeof d.sizeBytes === 'number' && typeof d.limitBytes === 'number') facts.push(t('editor.failure.size', { sizeBytes: d.sizeBytes, limitBytes: d.limitBytes }))
  if (typeof d.api === 'string') facts.push(t('editor.failure.api', { api: d.api }))
  const reasonKey = `editor.failure.badReturn.${String(d.reason)}`
  if (error.code === 'SANDBOX_BAD_RETURN' && hasMessage(reasonKey)) facts.push(t(reasonKey, { path: String(d.path ?? 'return') }))

  return (
    <div role="alert" aria-label={t('editor.failure.heading', { name: label })} className="mt-2 space-y-1">
      <ErrorExplanation error={error} />
      <p className="text-sm text-slate-800 dark:text-slate-100">
        <span className="font-semibold">{t('editor.failure.heading', { name: label })}</span>
        {' — '}
        <code className="font-mono text-xs">{error.code}</code>
        {facts.length > 0 && <span>{` · ${facts.join(' · ')}`}</span>}
      </p>
      <p className="font-mono text-xs break-words text-slate-700 dark:text-slate-300">{t('editor.failure.message', { message: error.message })}</p>
      {failure.logs.length > 0 && (
        <details className="text-xs">
          <summary>{t('editor.failure.logs')}</summary>
          <ul className="font-mono">
            {failure.logs.map((entry, index) => (
              <li key={index}>{`[${entry.level}] ${entry.text}`}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
