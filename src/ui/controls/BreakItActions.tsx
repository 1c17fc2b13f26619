import { useId } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { selectSecretChangedSinceLastRun } from '../../state/selectors'
import { useAppStore } from '../../state/useAppStore'
import { Button, Hint, SubHeading } from '../shared/Button'
import { hintTargetId } from '../shared/hintTargets'

/** Ways to break the session on purpose: tamper with the cookie, rotate the secret, clear the jar. */
export function BreakItActions() {
  const t = useT()
  const id = useId()
  const { tamperCookie, changeSecret, clearCookies, running, tokenModel } = useAppStore(
    useShallow((s) => ({ tamperCookie: s.tamperCookie, changeSecret: s.changeSecret, clearCookies: s.clearCookies, running: s.runStatus === 'running', tokenModel: s.config.tokenModel })),
  )
  // The notice is about the tokens already made: once a run with the new secret is shown, it no longer applies.
  const secretChanged = useAppStore(selectSecretChangedSinceLastRun)

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.breakIt.title')}</SubHeading>
      <ul className="flex flex-col gap-2">
        <li className="flex flex-col gap-0.5">
          <Button id={hintTargetId('controls.breakIt.tamper')} variant="danger" onClick={() => void tamperCookie()} busy={running} aria-describedby={`${id}-tamper`} className="self-start">
            {t('controls.breakIt.tamper')}
          </Button>
          <Hint id={`${id}-tamper`}>{t(`controls.breakIt.tamperHint.${tokenModel}`)}</Hint>
        </li>
        <li className="flex flex-col gap-0.5">
          <Button
            id={hintTargetId('controls.breakIt.changeSecret')}
            variant="danger"
            onClick={() => changeSecret()}
            busy={running}
            aria-describedby={`${id}-secret`}
            className="self-start"
          >
            {t('controls.breakIt.changeSecret')}
          </Button>
          <Hint id={`${id}-secret`}>{t('controls.breakIt.changeSecretHint')}</Hint>
          {secretChanged && (
            <p role="status" className="text-xs font-medium text-amber-800 dark:text-amber-200">
              {t('controls.breakIt.secretChanged')}
            </p>
          )}
        </li>
        <li className="flex flex-col gap-0.5">
          <Button id={hintTargetId('controls.breakIt.clear')} variant="danger" onClick={() => void clearCookies()} busy={running} aria-describedby={`${id}-clear`} className="self-start">
            {t('controls.breakIt.clear')}
          </Button>
          <Hint id={`${id}-clear`}>{t('controls.breakIt.clearHint')}</Hint>
        </li>
      </ul>
    </div>
  )
}
