import { useId, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { SESSION_COOKIE_NAMES, sessionCookieName, type FlowFlavor } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button, fieldClass, Hint } from '../shared/Button'
import { MAKE_PROBLEM_ID } from './MadeToken'
import { SecretFieldLabel } from './SecretFieldLabel'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

/** "Make": payload, secret, library, maxAge and cookie name in; token and Set-Cookie lines out. */
export function MakeForm() {
  const t = useT()
  const id = useId()
  const { make, setLabMake, makeLabToken } = useAppStore(useShallow((s) => ({ make: s.labMake, setLabMake: s.setLabMake, makeLabToken: s.makeLabToken })))
  const problem = make.result && !make.result.ok && make.result.problem !== 'engine' ? make.result.problem : null
  const maxAgeInvalid = problem === 'max-age-invalid' || problem === 'max-age-out-of-range'
  const [showSecret, setShowSecret] = useState(false)
  // The field at fault is described by the message that says what is wrong with it.
  const describedBy = (hintId: string, invalid: boolean) => (invalid ? `${hintId} ${MAKE_PROBLEM_ID}` : hintId)

  const changeFlavor = (flavor: FlowFlavor) => {
    // Follow the library with the cookie name while it is one of the defaults.
    const known = SESSION_COOKIE_NAMES.find((entry) => entry.name === make.cookieName)
    setLabMake(known ? { flavor, cookieName: sessionCookieName(flavor, known.secure) } : { flavor })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void makeLabToken()
  }

  return (
    <form onSubmit={submit} className="flex min-w-0 flex-col gap-4" aria-label={t('lab.make.title')}>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('lab.make.intro')}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-payload`} className="text-sm font-medium">
          {t('lab.make.payload')}
        </label>
        <textarea
          id={`${id}-payload`}
          aria-describedby={describedBy(`${id}-payload-hint`, problem === 'payload-not-json' || problem === 'payload-not-object')}
          aria-invalid={problem === 'payload-not-json' || problem === 'payload-not-object'}
          className={`${fieldClass} h-40 resize-y font-mono text-xs`}
          spellCheck={false}
          value={make.payloadJson}
          onChange={(e) => setLabMake({ payloadJson: e.target.value })}
        />
        <Hint id={`${id}-payload-hint`}>{t('lab.make.payloadHint')}</Hint>
      </div>
      <div className="flex flex-col gap-1">
        <SecretFieldLabel htmlFor={`${id}-secret`} label={t('lab.make.secret')} shown={showSecret} onToggle={setShowSecret} />
        <input
          id={`${id}-secret`}
          type={showSecret ? 'text' : 'password'}
          aria-describedby={`${id}-secret-hint`}
          className={`${fieldClass} font-mono text-xs`}
          spellCheck={false}
          autoComplete="off"
          value={make.secret}
          onChange={(e) => setLabMake({ secret: e.target.value })}
        />
        <Hint id={`${id}-secret-hint`}>{t('lab.make.secretHint')}</Hint>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('lab.make.flavor')}</span>
          <select className={fieldClass} value={make.flavor} onChange={(e) => changeFlavor(e.target.value as FlowFlavor)}>
            {FLAVORS.map((flavor) => (
              <option key={flavor} value={flavor}>
                {t(`lab.flavors.${flavor}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-max-age`} className="font-medium">
            {t('lab.make.maxAge')}
          </label>
          <input
            id={`${id}-max-age`}
            aria-describedby={describedBy(`${id}-max-age-hint`, maxAgeInvalid)}
            aria-invalid={maxAgeInvalid}
            inputMode="decimal"
            className={fieldClass}
            value={make.maxAgeText}
            onChange={(e) => setLabMake({ maxAgeText: e.target.value })}
          />
          <Hint id={`${id}-max-age-hint`}>{t('lab.make.maxAgeHint')}</Hint>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-cookie`} className="text-sm font-medium">
          {t('lab.make.cookieName')}
        </label>
        <input
          id={`${id}-cookie`}
          list={`${id}-cookie-names`}
          aria-describedby={describedBy(`${id}-cookie-hint`, problem === 'cookie-name-invalid')}
          aria-invalid={problem === 'cookie-name-invalid'}
          className={`${fieldClass} font-mono text-xs`}
          spellCheck={false}
          value={make.cookieName}
          onChange={(e) => setLabMake({ cookieName: e.target.value })}
        />
        <datalist id={`${id}-cookie-names`}>
          {SESSION_COOKIE_NAMES.filter((entry) => entry.flavor === make.flavor).map((entry) => (
            <option key={entry.name} value={entry.name} />
          ))}
        </datalist>
        <Hint id={`${id}-cookie-hint`}>{t('lab.make.cookieNameHint')}</Hint>
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={make.busy}>
          {t('lab.make.submit')}
        </Button>
      </div>
    </form>
  )
}
