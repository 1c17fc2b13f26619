import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { selectProtectedPageAtCursor } from '../../state/selectors'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { withCauseText } from '../shared/causeText'
import { hintTargetId } from '../shared/hintTargets'

/** "Visit protected page": the middleware's getToken(), and why it answered null when it did (what broke the token, when the earlier runs tell it). */
export function ProtectedPage() {
  const t = useT()
  const id = useId()
  const { visitProtectedPage, running, flavor } = useAppStore(useShallow((s) => ({ visitProtectedPage: s.visitProtectedPage, running: s.runStatus === 'running', flavor: s.config.flavor })))
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
        <Button id={hintTargetId('controls.protected.visit')} onClick={() => void visitProtectedPage(path.trim() || undefined)} busy={running} aria-describedby={`${id}-hint`}>
          {t('controls.protected.visit')}
        </Button>
      </div>
      <Hint id={`${id}-hint`}>{t(`controls.protected.visitHint.${flavor}`)}</Hint>
      {result && (
        <div className={`rounded-md border p-2 text-sm ${result.authorized ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100' : 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100'}`}>
          <p className="[overflow-wrap:anywhere]">{result.authorized ? t('controls.protected.allowed', { path: result.path ?? '/' }) : t('controls.protected.redirected', { url: result.redirectTo ?? '' })}</p>
          {result.nullReason && (
            <>
              <p className="mt-1" data-testid="null-reason">
                <span className="font-medium">{t('app.shared.labelled', { label: t('controls.protected.nullReasonLabel') })}</span>
                {withCauseText(t(`controls.protected.nullReason.${result.nullReason}`, { cookieName: result.cookieName ?? '' }), result.decodeCause ?? result.missingCookie, t)}
              </p>
              <p className="mt-1 text-xs opacity-90">{t('controls.protected.silent')}</p>
            </>
          )}
        </div>
      )}
    </div>
  )
}
