import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { hintTargetId } from '../shared/hintTargets'

const DEFAULT_UPDATE_DATA = '{\n  "name": "Ada (updated)"\n}'

/** Get session, Update session (with editable JSON data) and Sign out. */
export function SessionActions() {
  const t = useT()
  const id = useId()
  const { getSession, updateSession, signOut, running, flavor } = useAppStore(
    useShallow((s) => ({ getSession: s.getSession, updateSession: s.updateSession, signOut: s.signOut, running: s.runStatus === 'running', flavor: s.config.flavor })),
  )
  const [dataText, setDataText] = useState(DEFAULT_UPDATE_DATA)
  const parsed = parseJson(dataText)

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.session.title')}</SubHeading>
      <div className="flex flex-wrap gap-2">
        <Button id={hintTargetId('controls.session.get')} onClick={() => void getSession()} busy={running} aria-describedby={`${id}-get`}>
          {t('controls.session.get')}
        </Button>
        <Button id={hintTargetId('controls.session.signOut')} onClick={() => void signOut()} busy={running} aria-describedby={`${id}-signout`}>
          {t('controls.session.signOut')}
        </Button>
      </div>
      <Hint id={`${id}-get`}>{t(`controls.session.getHint.${flavor}`)}</Hint>
      <Hint id={`${id}-signout`}>{t('controls.session.signOutHint')}</Hint>
      <label htmlFor={`${id}-data`} className="mt-1 text-sm">
        {t('controls.session.updateData')}
      </label>
      <textarea
        id={`${id}-data`}
        rows={3}
        spellCheck={false}
        className={`${fieldClass} font-mono text-xs`}
        value={dataText}
        aria-invalid={!parsed.ok}
        aria-describedby={`${id}-data-error`}
        onChange={(e) => setDataText(e.target.value)}
      />
      {!parsed.ok && (
        <p id={`${id}-data-error`} className="text-xs text-rose-700 dark:text-rose-300">
          {t('controls.session.updateDataInvalid', { message: parsed.message })}
        </p>
      )}
      <div>
        <Button id={hintTargetId('controls.session.update')} onClick={() => parsed.ok && void updateSession(parsed.value)} disabled={!parsed.ok} busy={running} aria-describedby={`${id}-update`}>
          {t('controls.session.update')}
        </Button>
      </div>
      <Hint id={`${id}-update`}>{t('controls.session.updateHint')}</Hint>
    </div>
  )
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
