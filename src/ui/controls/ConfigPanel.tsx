import { useId, useState, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { FlowFlavor, NodeEnv, TokenModel } from '../../engine/index'
import type { T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { isHttpUrl, isUserList, parseCookieOverrides, type CookieOverrides } from '../../state/configSlice'
import { generateSecret } from '../../state/runSlice'
import { Button, fieldClass, Hint } from '../shared/Button'
import { durationText } from '../shared/durationText'
import { Panel } from '../shared/Panel'
import { CommitInput } from './CommitInput'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']
const TOKEN_MODELS: TokenModel[] = ['real', 'simplified-hs256']
const NODE_ENVS: NodeEnv[] = ['development', 'production']

/** The configuration panel: flavour, token model, secret, URLs, lifetimes, cookie overrides and mock users. */
export function ConfigPanel() {
  const t = useT()
  const id = useId()
  const { config, setConfig, running } = useAppStore(useShallow((s) => ({ config: s.config, setConfig: s.setConfig, running: s.runStatus === 'running' })))
  const secret = Array.isArray(config.secret) ? config.secret.join(',') : config.secret

  return (
    <Panel label={t('app.panels.config')}>
      <div className="flex flex-col gap-4 text-sm">
        <Hint>{t('config.intro')}</Hint>
        <RadioGroup label={t('config.flavor.label')} name={`${id}-flavor`} value={config.flavor} options={FLAVORS.map((f) => ({ value: f, label: t(`config.flavor.${f}`) }))} onChange={(flavor) => setConfig({ flavor })} />
        <RadioGroup label={t('config.tokenModel.label')} name={`${id}-model`} value={config.tokenModel} options={TOKEN_MODELS.map((m) => ({ value: m, label: t(`config.tokenModel.${m}`) }))} onChange={(tokenModel) => setConfig({ tokenModel })} />

        <Field label={t('config.secret.label')} htmlFor={`${id}-secret`} hint={config.tokenModel === 'simplified-hs256' ? t('config.secret.hintSimplified') : t(`config.secret.hint.${config.flavor}`)} hintId={`${id}-secret-hint`}>
          <div className="flex gap-1.5">
            <CommitInput id={`${id}-secret`} className="font-mono" value={secret} describedBy={`${id}-secret-hint`} onCommit={(value) => setConfig({ secret: value })} />
            <Button onClick={() => setConfig({ secret: generateSecret() })} busy={running}>
              {t('config.secret.generate')}
            </Button>
          </div>
        </Field>

        <Field label={t('config.siteUrl.label')} htmlFor={`${id}-url`} hint={t('config.siteUrl.hint')} hintId={`${id}-url-hint`}>
          <CommitInput id={`${id}-url`} className="font-mono" value={config.siteUrl} list={`${id}-urls`} describedBy={`${id}-url-hint`} validate={(v) => (isHttpUrl(v) ? null : t('config.siteUrl.invalid'))} onCommit={(siteUrl) => setConfig({ siteUrl })} />
          <datalist id={`${id}-urls`}>
            <option value="http://localhost:3000" />
            <option value="https://localhost:3000" />
            <option value="https://example.com" />
          </datalist>
        </Field>

        <Field label={t('config.nodeEnv.label')} htmlFor={`${id}-env`}>
          <select id={`${id}-env`} className={fieldClass} value={config.nodeEnv} onChange={(e) => setConfig({ nodeEnv: e.target.value as NodeEnv })}>
            {NODE_ENVS.map((env) => (
              <option key={env} value={env}>
                {t(`config.nodeEnv.${env}`)}
              </option>
            ))}
          </select>
        </Field>

        <SecondsField
          id={`${id}-session-max-age`}
          label={t('config.sessionMaxAge.label')}
          hint={t('config.sessionMaxAge.hint')}
          value={config.session.maxAge}
          onCommit={(maxAge) => maxAge !== undefined && setConfig({ session: { ...config.session, maxAge } })}
        />
        <SecondsField
          id={`${id}-jwt-max-age`}
          label={t('config.jwtMaxAge.label')}
          hint={config.flavor === 'authjs' ? t('config.jwtMaxAge.hintAuthjs') : t('config.jwtMaxAge.hintV4')}
          value={config.jwt.maxAge}
          optional
          onCommit={(maxAge) => setConfig({ jwt: maxAge === undefined ? {} : { ...config.jwt, maxAge } })}
        />

        <JsonField
          id={`${id}-cookies`}
          label={t('config.cookies.label')}
          hint={t('config.cookies.hint')}
          applyLabel={t('config.cookies.apply')}
          value={config.cookies ?? {}}
          rows={4}
          parse={(value) => checkCookieOverrides(value, t)}
          onApply={(cookies) => {
            setConfig({ cookies })
            return t('config.cookies.applied')
          }}
          invalidText={(message) => t('config.cookies.invalid', { message })}
        />
        <JsonField
          id={`${id}-users`}
          label={t('config.users.label')}
          hint={t('config.users.hint')}
          applyLabel={t('config.users.apply')}
          value={config.users}
          rows={8}
          parse={(value) => (isUserList(value) ? { ok: true, value } : { ok: false, message: t('config.users.notList') })}
          onApply={(users) => {
            setConfig({ users })
            return t('config.users.applied', { count: users.length })
          }}
          invalidText={(message) => t('config.users.invalid', { message })}
        />
      </div>
    </Panel>
  )
}

function Field({ label, htmlFor, hint, hintId, children }: { label: string; htmlFor: string; hint?: string; hintId?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="font-medium">
        {label}
      </label>
      {children}
      {hint && <Hint id={hintId}>{hint}</Hint>}
    </div>
  )
}

function RadioGroup<V extends string>({ label, name, value, options, onChange }: { label: string; name: string; value: V; options: { value: V; label: string }[]; onChange: (value: V) => void }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-medium">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2">
          <input type="radio" name={name} className="mt-1 accent-indigo-600" value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}

function SecondsField({ id, label, hint, value, optional = false, onCommit }: { id: string; label: string; hint: string; value: number | undefined; optional?: boolean; onCommit: (value: number | undefined) => void }) {
  const t = useT()
  return (
    <Field label={label} htmlFor={id} hint={hint} hintId={`${id}-hint`}>
      <div className="flex items-center gap-2">
        <CommitInput
          id={id}
          inputMode="numeric"
          className="w-32 font-mono"
          value={value === undefined ? '' : String(value)}
          describedBy={`${id}-hint`}
          validate={(text) => ((optional && text.trim() === '') || /^\d+$/.test(text.trim()) && Number(text) > 0 ? null : t('config.number.invalid'))}
          onCommit={(text) => onCommit(text.trim() === '' ? undefined : Number(text))}
        />
        {value !== undefined && <span className="text-xs text-slate-600 dark:text-slate-400">{t('config.number.human', { duration: durationText(value, t) })}</span>}
      </div>
    </Field>
  )
}

function JsonField<V>({ id, label, hint, applyLabel, value, rows, parse, onApply, invalidText }: {
  id: string
  label: string
  hint: string
  applyLabel: string
  value: unknown
  rows: number
  parse: (value: unknown) => { ok: true; value: V } | { ok: false; message: string }
  onApply: (value: V) => string
  invalidText: (message: string) => string
}) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2))
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const apply = () => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return setMessage({ error: true, text: invalidText(error instanceof Error ? error.message : String(error)) })
    }
    const parsed = parse(json)
    setMessage(parsed.ok ? { error: false, text: onApply(parsed.value) } : { error: true, text: invalidText(parsed.message) })
  }
  return (
    <Field label={label} htmlFor={id} hint={hint} hintId={`${id}-hint`}>
      <textarea id={id} rows={rows} spellCheck={false} className={`${fieldClass} font-mono text-xs`} value={text} aria-describedby={`${id}-hint ${id}-msg`} aria-invalid={message?.error === true} onChange={(e) => setText(e.target.value)} />
      <div className="flex items-center gap-2">
        <Button onClick={apply}>{applyLabel}</Button>
        <p id={`${id}-msg`} role="status" className={`text-xs ${message?.error ? 'text-rose-700 dark:text-rose-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
          {message?.text}
        </p>
      </div>
    </Field>
  )
}

/** The cookie overrides as the store checks them, the first problem worded. */
function checkCookieOverrides(value: unknown, t: T): { ok: true; value: CookieOverrides } | { ok: false; message: string } {
  const parsed = parseCookieOverrides(value)
  if (parsed.ok) return parsed
  switch (parsed.problem) {
    case 'not-object':
      return { ok: false, message: t('config.cookies.notObject') }
    case 'not-entry':
      return { ok: false, message: t('config.cookies.notEntry', { key: parsed.key }) }
    case 'bad-name':
      return { ok: false, message: t('config.cookies.badName', { key: parsed.key, name: parsed.name }) }
    default: {
      const unknown: never = parsed
      throw new TypeError(`no text for ${JSON.stringify(unknown)}`)
    }
  }
}
