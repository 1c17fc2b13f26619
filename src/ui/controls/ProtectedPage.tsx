import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { selectProtectedPageAtCursor } from '../../state/selectors'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'

/** "Visit protected page": the middleware's getToken(), and why it answered null when it did. */
export function ProtectedPage() {
  const t = useT()
  const id = useId()
  const { visitProtectedPage, running } = useAppStore(useShallow((s) => ({ visitProtectedPage: s.visitProtectedPage, running: s.runStatus === 'running' })))
  const result = useAppStore(selectProtectedPageAtCursor)
  const [path, setPath] = useState('/dashboard')

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.protected.title')}</SubHeading>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-path`} className="shrink-0 text-sm">
          {t('controls.protected.path')}
        </label>
        <input id={`${id}-path`} className={`${fieldClass} font-mono`} value={path} onChange={(e) => setPath(e.target.value)} />
      </div>
      <div>
        <Button onClick={() => void visitProtectedPage(path.trim() || undefined)} busy={running} aria-describedby={`${id}-hint`}>
          {t('controls.protected.visit')}
        </Button>
      </div>
      <Hint id={`${id}-hint`}>{t('controls.protected.visitHint')}</Hint>
      {result && (
        <div className={`rounded-md border p-2 text-sm ${result.authorized ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100' : 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100'}`}>
          <p>{result.authorized ? t('controls.protected.allowed', { path: result.path ?? '/' }) : t('controls.protected.redirected', { url: result.redirectTo ?? '' })}</p>
          {result.nullReason && (
            <p className="mt-1">
              <span className="font-medium">{t('controls.protected.nullReasonLabel')}: </span>
              <code className="font-mono text-xs">{result.nullReason}</code> — {t(`controls.protected.nullReason.${result.nullReason}`, { cookieName: result.cookieName ?? '' })}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
