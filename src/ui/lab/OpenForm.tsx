import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { FlowFlavor } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button, fieldClass, Hint } from '../shared/Button'
import { fromLocalInputValue, toLocalInputValue, utcOffsetText } from './labText'
import { SecretFieldLabel } from './SecretFieldLabel'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

/** "Open": the pasted token, the secrets, the settings that override detection, and Decode. */
export function OpenForm() {
  const t = useT()
  const id = useId()
  const { open, setLabOpen, setLabRememberSecret, decodeLabToken, resetLabOverrides } = useAppStore(
    useShallow((s) => ({ open: s.labOpen, setLabOpen: s.setLabOpen, setLabRememberSecret: s.setLabRememberSecret, decodeLabToken: s.decodeLabToken, resetLabOverrides: s.resetLabOverrides })),
  )
  const [showSecret, setShowSecret] = useState(false)
  const detection = open.result && 'detection' in open.result ? open.result.detection : null
  const candidates = detection?.cookies.candidates ?? []
  const overrides = [
    ...(open.flavor ? [t('lab.open.override', { label: t('lab.open.flavor'), value: t(`lab.flavors.${open.flavor}`) })] : []),
    ...(open.salt !== '' ? [t('lab.open.override', { label: t('lab.open.salt'), value: open.salt })] : []),
  ]
  const pickedDate = open.dateSec ?? Math.floor(Date.now() / 1000)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void decodeLabToken()
  }
  // Ctrl/⌘ + Enter decodes from either textbox, where Enter alone makes a new line.
  const decodeOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event)
  }

  return (
    <form onSubmit={submit} className="flex min-w-0 flex-col gap-4" aria-label={t('lab.tabs.open')}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-token`} className="text-sm font-medium">
          {t('lab.open.token')}
        </label>
        <textarea
          id={`${id}-token`}
          aria-describedby={`${id}-token-hint`}
          className={`${fieldClass} h-36 resize-y font-mono text-xs break-all`}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('lab.open.tokenPlaceholder')}
          value={open.input}
          onChange={(e) => setLabOpen({ input: e.target.value })}
          onKeyDown={decodeOnCtrlEnter}
        />
        <Hint id={`${id}-token-hint`}>{t('lab.open.tokenHint')}</Hint>
      </div>

      <div className="flex flex-col gap-1">
        <SecretFieldLabel htmlFor={`${id}-secret`} label={t('lab.open.secret')} shown={showSecret} onToggle={setShowSecret} />
        <textarea
          id={`${id}-secret`}
          aria-describedby={`${id}-secret-hint`}
          // A textarea has no type="password"; the discs hide it from anyone watching the screen.
          className={`${fieldClass} h-16 resize-y font-mono text-xs ${showSecret ? '' : '[-webkit-text-security:disc]'}`}
          spellCheck={false}
          autoComplete="off"
          value={open.secretsText}
          onChange={(e) => setLabOpen({ secretsText: e.target.value })}
          onKeyDown={decodeOnCtrlEnter}
        />
        <Hint id={`${id}-secret-hint`}>{t('lab.open.secretHint')}</Hint>
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={open.rememberSecret} onChange={(e) => setLabRememberSecret(e.target.checked)} aria-describedby={`${id}-remember-warning`} />
          <span>{t('lab.open.remember')}</span>
        </label>
        {/* Shown before the box is ticked (worded as a condition): the warning must come before the secret is written. */}
        <p id={`${id}-remember-warning`} role="note" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {t(open.rememberSecret ? 'lab.open.rememberWarningOn' : 'lab.open.rememberWarning')}
        </p>
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium">{t('lab.open.settings')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm">
            <span>{t('lab.open.flavor')}</span>
            <select className={fieldClass} value={open.flavor ?? ''} onChange={(e) => setLabOpen({ flavor: e.target.value === '' ? null : (e.target.value as FlowFlavor) })}>
              <option value="">{t('lab.open.flavorAuto')}</option>
              {FLAVORS.map((flavor) => (
                <option key={flavor} value={flavor}>
                  {t(`lab.flavors.${flavor}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-salt`}>{t('lab.open.salt')}</label>
            <input
              id={`${id}-salt`}
              aria-describedby={`${id}-salt-hint`}
              className={`${fieldClass} font-mono text-xs`}
              spellCheck={false}
              placeholder={detection && detection.saltFrom !== 'override' ? detection.salt : undefined}
              value={open.salt}
              onChange={(e) => setLabOpen({ salt: e.target.value })}
            />
            <Hint id={`${id}-salt-hint`}>{t('lab.open.saltHint')}</Hint>
          </div>
        </div>
        {candidates.length > 1 && (
          <label className="flex flex-col gap-1 text-sm">
            <span>{t('lab.open.cookie')}</span>
            <select className={`${fieldClass} font-mono text-xs`} value={open.cookieName ?? candidates[0]} onChange={(e) => setLabOpen({ cookieName: e.target.value })}>
              {candidates.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="mb-1">{t('lab.open.time')}</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-time`} checked={open.timeMode === 'now'} onChange={() => setLabOpen({ timeMode: 'now' })} />
              {t('lab.open.timeNow')}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${id}-time`} checked={open.timeMode === 'date'} onChange={() => setLabOpen({ timeMode: 'date', dateSec: open.dateSec ?? Math.floor(Date.now() / 1000) })} />
              {t('lab.open.timeDate')}
            </label>
            {open.timeMode === 'date' && (
              <label className="flex items-center gap-2">
                <span className="sr-only">{t('lab.open.date')}</span>
                <input
                  type="datetime-local"
                  aria-describedby={`${id}-date-hint`}
                  className={`${fieldClass} w-auto`}
                  value={open.dateSec === null ? '' : toLocalInputValue(open.dateSec)}
                  onChange={(e) => setLabOpen({ dateSec: fromLocalInputValue(e.target.value) })}
                />
              </label>
            )}
          </div>
          {open.timeMode === 'date' && <Hint id={`${id}-date-hint`}>{t('lab.open.dateHint', { offset: utcOffsetText(-new Date(pickedDate * 1000).getTimezoneOffset()) })}</Hint>}
        </fieldset>
      </fieldset>

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={open.busy}>
          {t('lab.open.decode')}
        </Button>
        {overrides.length > 0 && (
          <p className="flex flex-wrap items-center gap-1.5 text-xs">
            <span className="font-medium text-slate-700 dark:text-slate-300">{t('lab.open.overrides')}</span>
            {overrides.map((text) => (
              <span key={text} className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 font-mono text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
                {text}
              </span>
            ))}
            <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={resetLabOverrides}>
              {t('lab.open.overridesReset')}
            </Button>
          </p>
        )}
      </div>
    </form>
  )
}
