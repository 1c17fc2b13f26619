import type { ClaimExplanation, OpenTokenResult } from '../../engine/index'
import type { MessageKey } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { KeyDetails } from './KeyDetails'
import { LabJson, LabSection, Note } from './LabSection'
import { dateTimeText } from '../shared/dateText'
import { durationWords, localDateWords, remainingWords } from './labText'

type Decoded = Extract<OpenTokenResult, { status: 'decoded' | 'expired' }>

/** The claims: the expiry verdict, the JSON, each claim explained, and the key that opened it. */
export function DecodedPayload({ result, checkedAtSec }: { result: Decoded; checkedAtSec: number }) {
  const t = useT()
  const { expiry, lifetimeSec } = result.explanation
  const exp = typeof result.claims.exp === 'number' ? result.claims.exp : null
  const tone = expiry.kind === 'valid' ? 'good' : expiry.kind === 'grace' ? 'warn' : 'bad'

  return (
    <LabSection title={t('lab.result.payload')} tone={tone}>
      <Note tone={tone}>
        <p className="font-semibold">
          {expiry.kind === 'valid' && t('lab.result.statusValid', { duration: remainingWords(expiry.remainingSec, t) })}
          {expiry.kind === 'grace' && t('lab.result.statusGrace', { duration: durationWords(expiry.expiredBySec, t), left: durationWords(expiry.graceLeftSec, t) })}
          {expiry.kind === 'expired' && t('lab.result.statusExpired', { duration: durationWords(expiry.expiredBySec, t) })}
          {expiry.kind === 'missing' && t('lab.result.statusNoExp')}
          {expiry.kind === 'invalid' && t('lab.result.statusBadExp')}
        </p>
        {expiry.kind === 'valid' && exp !== null && <p>{t('lab.result.statusValidUntil', { date: dateTimeText(exp, t) })}</p>}
        {expiry.kind === 'expired' && exp !== null && <p>{t('lab.result.statusExpiredDetail', { date: dateTimeText(exp, t) })}</p>}
        <p className="mt-1 text-xs opacity-90">
          {t('lab.result.checkedAt', { date: dateTimeText(checkedAtSec, t), local: localDateWords(checkedAtSec, t) })}
          {lifetimeSec !== null && <> {t(lifetimeSec < 0 ? 'lab.result.lifetimeNegative' : 'lab.result.lifetime', { duration: durationWords(lifetimeSec, t) })}</>}
        </p>
      </Note>
      <p>
        {t('lab.result.openedWith', { n: result.secretIndex + 1 })}
        {result.detection.flavor === 'next-auth-v4' && result.secretIndex > 0 && <> {t('lab.result.v4OneSecret')}</>}
      </p>
      <LabJson value={result.claims} label={t('lab.result.json')} />
      <ClaimsTable claims={result.explanation.claims} />
      <KeyDetails title={t('lab.result.key')} keyView={result.key} />
    </LabSection>
  )
}

function ClaimsTable({ claims }: { claims: ClaimExplanation[] }) {
  const t = useT()
  return (
    <div className="min-w-0 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-1 text-left text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">{t('lab.result.claims')}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3 font-medium">{t('lab.result.claim')}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t('lab.result.value')}</th>
            <th scope="col" className="py-1 font-medium">{t('lab.result.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.name} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 font-normal whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">{claim.name}</code>
              </th>
              <td className="max-w-[16rem] py-1.5 pr-3">
                <span className="font-mono text-xs break-all">{valueText(claim.value)}</span>
                {claim.time && (
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    {claim.time.standing.kind === 'past'
                      ? t('lab.result.ago', { date: dateTimeText(claim.time.atSec, t), duration: durationWords(claim.time.standing.agoSec, t) })
                      : t('lab.result.ahead', { date: dateTimeText(claim.time.atSec, t), duration: durationWords(claim.time.standing.inSec, t) })}
                  </span>
                )}
              </td>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">{t(meaningKey(claim))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const KNOWN = new Set(['iat', 'exp', 'jti', 'nbf', 'iss', 'aud', 'name', 'email', 'picture', 'sub'])

function meaningKey(claim: ClaimExplanation): MessageKey {
  return KNOWN.has(claim.name) ? (`lab.claims.${claim.name}` as MessageKey) : 'lab.claims.custom'
}

function valueText(value: unknown): string {
  const text = JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 160 ? `${text.slice(0, 160)}…` : text
}
