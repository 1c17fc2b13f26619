import { useMemo, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { explainClaims, inspect } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { selectTokenAtCursor, selectTokenOriginAtCursor } from '../../state/selectors'
import { useAppStore } from '../../state/useAppStore'
import { SubHeading } from '../shared/Button'
import { CopyButton } from '../shared/CopyButton'
import { JsonView } from '../shared/JsonView'
import { dateTimeText } from '../shared/durationText'
import { ClaimsTable } from './ClaimsTable'
import { JwtIoView } from './JwtIoView'
import { KeyLadder } from './KeyLadder'
import { TokenParts } from './TokenParts'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <SubHeading>{title}</SubHeading>
      {children}
    </div>
  )
}

/** The session token at the current step: its parts, header, key ladder and claims, explained. */
export function TokenInspector() {
  const t = useT()
  const tokenEvent = useAppStore(selectTokenAtCursor)
  const origin = useAppStore(selectTokenOriginAtCursor)
  const { nowSec, secret } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec, secret: s.config.secret })))
  const inspection = useMemo(() => (tokenEvent ? inspect(tokenEvent.token) : null), [tokenEvent])
  const explanation = useMemo(() => (tokenEvent ? explainClaims(tokenEvent.claims, nowSec) : null), [tokenEvent, nowSec])

  return (
    <section aria-labelledby="token-inspector-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="token-inspector-heading" className="text-sm font-semibold tracking-wide text-slate-800 dark:text-slate-100">
          {t('inspector.title')}
        </h2>
        {tokenEvent && inspection && (
          <div className="flex items-center gap-2">
            <span className={`rounded-full px-2 py-0.5 font-mono text-[11px] font-semibold ${inspection.kind === 'jws' ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'}`}>
              {inspection.kind === 'jws'
                ? t('inspector.kind.jws', { alg: String(tokenEvent.header.alg ?? '') })
                : t('inspector.kind.jwe', { alg: String(tokenEvent.header.alg ?? ''), enc: String(tokenEvent.header.enc ?? '') })}
            </span>
            <CopyButton text={tokenEvent.token} what={t('inspector.copyToken')} />
          </div>
        )}
      </div>

      {!tokenEvent || !inspection || !explanation ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium text-slate-800 dark:text-slate-100">{t('inspector.empty')}</p>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspector.emptyHint')}</p>
        </div>
      ) : (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="token-origin">
            {t(origin?.fromThisRun ? 'inspector.fromStep' : 'inspector.fromEarlierRun', {
              number: tokenEvent.step + 1,
              // The run that made or read this token, not the run on screen.
              flow: origin?.flow ?? '',
              what: t(`inspector.what.${tokenEvent.kind === 'jwt.encoded' ? 'encoded' : 'decoded'}`),
            })}
          </p>
          {origin?.failedAfter && (
            <p role="note" className="rounded-md border border-rose-300 bg-rose-50 px-2 py-1 text-xs font-medium text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100" data-testid="token-decode-failed">
              {t('inspector.decodeFailedAfter', { number: origin.failedAfter.step + 1, code: origin.failedAfter.error.code })}
            </p>
          )}
          {inspection.kind === 'jws' && (
            <p className="rounded-md bg-amber-100 px-2 py-1 text-xs font-semibold text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">{t('inspector.jwtio.notWhatNextAuthDoes')}</p>
          )}

          <Section title={t('inspector.compact')}>
            <p className="text-xs text-slate-600 dark:text-slate-300">{t(inspection.kind === 'jws' ? 'inspector.compactHintJws' : 'inspector.compactHint')}</p>
            <TokenParts inspection={inspection} t={t} />
          </Section>

          <Section title={t('inspector.headerTitle')}>
            <JsonView value={tokenEvent.header} label={t('inspector.headerTitle')} maxHeightClass="max-h-32" />
          </Section>

          <Section title={t('inspector.ladder.title')}>
            <KeyLadder keyView={tokenEvent.key} signed={inspection.kind === 'jws'} t={t} />
          </Section>

          <Section title={inspection.kind === 'jws' ? t('inspector.claimsTitle') : t('inspector.claimsDecrypted')}>
            <p className="text-xs text-slate-600 dark:text-slate-300">{t('inspector.clockNow', { utc: dateTimeText(nowSec, t) })}</p>
            <ClaimsTable explanation={explanation} caption={t('inspector.claimsTitle')} t={t} />
            <CopyButton text={JSON.stringify(tokenEvent.claims, null, 2)} what={t('inspector.claimsTitle')} className="self-start" />
          </Section>

          <Section title={t('inspector.jwtio.title')}>
            <JwtIoView inspection={inspection} claims={tokenEvent.claims} secret={secret} flavor={origin?.flavor ?? 'next-auth-v4'} sessionCookieName={origin?.sessionCookieName ?? null} t={t} />
          </Section>
        </>
      )}
    </section>
  )
}
