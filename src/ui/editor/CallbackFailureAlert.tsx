import type { CallbackFailure, EditorDiagnostics } from '../../state/editorSlice'
import { hasMessage, type T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { ErrorExplanation } from '../shared/ErrorExplanation'

/** What is known about the failed call, besides its code: how long, where, what it returned or used. */
function failureFacts(failure: CallbackFailure, t: T, typeScriptPlaces: EditorDiagnostics['first'] | null): string[] {
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
  return facts
}

function ConsoleOutput({ failure }: { failure: CallbackFailure }) {
  const t = useT()
  if (failure.logs.length === 0) return null
  return (
    <details className="text-xs">
      <summary>{t('editor.failure.logs')}</summary>
      <ul className="font-mono">
        {failure.logs.map((entry, index) => (
          <li key={index}>{`[${entry.level}] ${entry.text}`}</li>
        ))}
      </ul>
    </details>
  )
}

/**
 * A failed call of one callback in the last run, as one callout: which callback, its code verbatim
 * with what it means and what to do, how long, where, the message and the console output.
 * `typeScriptPlaces`: where TypeScript points, for a syntax error the sandbox could not place.
 * `outdated`: the code has changed since that run; the callout is greyed (a status, not an alert),
 * keeps the code and the message, and says to run again.
 */
export function CallbackFailureAlert({ failure, label, typeScriptPlaces = null, outdated = false }: { failure: CallbackFailure; label: string; typeScriptPlaces?: EditorDiagnostics['first'] | null; outdated?: boolean }) {
  const t = useT()
  const { error } = failure
  const facts = failureFacts(failure, t, outdated ? null : typeScriptPlaces)

  if (outdated) {
    const heading = t('editor.failure.outdatedHeading', { name: label })
    return (
      <div role="status" aria-label={heading} data-outdated="true" className="space-y-1 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 text-sm text-slate-700 dark:border-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
        <p>
          <span className="font-semibold">{heading}</span>
          {' — '}
          <code className="font-mono text-xs">{error.code}</code>
          {facts.length > 0 && <span>{` · ${facts.join(' · ')}`}</span>}
        </p>
        <p className="font-mono text-xs break-words">{t('editor.failure.message', { message: error.message })}</p>
        <p>{t('editor.failure.outdatedHint')}</p>
        <ConsoleOutput failure={failure} />
      </div>
    )
  }

  const heading = t('editor.failure.heading', { name: label })
  return (
    <div role="alert" aria-label={heading} className="space-y-1 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100">
      <p className="font-semibold">
        {heading}
        {facts.length > 0 && <span className="font-normal">{` · ${facts.join(' · ')}`}</span>}
      </p>
      {/* The code verbatim, what it means and what to do, inside this callout rather than a second box. */}
      <ErrorExplanation error={error} className="rounded-none border-0! bg-transparent! p-0! dark:bg-transparent!" />
      <p className="font-mono text-xs break-words">{t('editor.failure.message', { message: error.message })}</p>
      <ConsoleOutput failure={failure} />
    </div>
  )
}
