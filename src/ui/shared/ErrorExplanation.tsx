import type { SerializedEngineError } from '../../engine/index'
import { hasMessage } from '../../i18n/t'
import { useT } from '../../i18n/useT'

/**
 * An engine error for a learner: the code verbatim, what happened, why, and what to do. With
 * `showMessage`, also the engine's own message, which names the exact setting or value at fault.
 */
export function ErrorExplanation({ error, className = '', showMessage = false }: { error: Pick<SerializedEngineError, 'code' | 'message'>; className?: string; showMessage?: boolean }) {
  const t = useT()
  const title = `errors.${error.code}.title`
  const explanation = `errors.${error.code}.explanation`
  const fix = `errors.${error.code}.fix`
  return (
    <div className={`rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100 ${className}`}>
      <p className="font-semibold">
        <code className="mr-2 rounded bg-rose-100 px-1 font-mono text-xs dark:bg-rose-900/60">{error.code}</code>
        {hasMessage(title) ? t(title) : error.message}
      </p>
      {hasMessage(explanation) && <p className="mt-1">{t(explanation)}</p>}
      {hasMessage(fix) && (
        <p className="mt-1">
          <span className="font-medium">{t('app.shared.whatToDo')}: </span>
          {t(fix)}
        </p>
      )}
      {showMessage && hasMessage(title) && (
        <p className="mt-1 text-xs">
          <span className="font-medium">{t('pipeline.details.developerMessage')}: </span>
          <code className="font-mono [overflow-wrap:anywhere]">{error.message}</code>
        </p>
      )}
    </div>
  )
}
