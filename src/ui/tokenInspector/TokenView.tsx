// The token taken apart: its kind, parts, header, key ladder, claims and what jwt.io sees. Loaded on
// its own (see TokenInspector.tsx): none of it is needed before a run has made a token.
import { useMemo, type ReactNode } from 'react'
import { explainClaims, inspect, type JwtSecret } from '../../engine/index'
import type { TokenEvent, TokenOrigin } from '../../state/selectors'
import { SubHeading } from '../shared/Button'
import { CopyButton } from '../shared/CopyButton'
import { JsonView } from '../shared/JsonView'
import { dateTimeText } from '../shared/dateText'
import type { T } from '../../i18n/t'
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

/** "JWE · encrypted · dir + A256GCM" or "JWS · signed · HS256", from the engine's inspection of the token. */
export function TokenKindBadge({ tokenEvent, t }: { tokenEvent: TokenEvent; t: T }) {
  const inspection = useMemo(() => inspect(tokenEvent.token), [tokenEvent])
  return (
    <span className={`rounded-full px-2 py-0.5 font-mono text-[11px] font-semibold ${inspection.kind === 'jws' ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'}`}>
      {inspection.kind === 'jws'
        ? t('inspector.kind.jws', { alg: String(tokenEvent.header.alg ?? '') })
        : t('inspector.kind.jwe', { alg: String(tokenEvent.header.alg ?? ''), enc: String(tokenEvent.header.enc ?? '') })}
    </span>
  )
}

export function TokenView({ tokenEvent, origin, nowSec, secret, t }: { tokenEvent: TokenEvent; origin: TokenOrigin; nowSec: number; secret: JwtSecret | null; t: T }) {
  const inspection = useMemo(() => inspect(tokenEvent.token), [tokenEvent])
  const explanation = useMemo(() => explainClaims(tokenEvent.claims, nowSec), [tokenEvent, nowSec])
  return (
    <>
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
        <JwtIoView inspection={inspection} claims={tokenEvent.claims} secret={secret} flavor={origin.flavor} salt={origin.salt} t={t} />
      </Section>
    </>
  )
}
