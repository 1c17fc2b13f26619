import type { ClaimsExplanation } from '../../engine/index'
import type { T } from '../../i18n/t'
import { dateTimeText } from '../shared/dateText'
import { durationText } from '../shared/durationText'


const KNOWN = new Set(['name', 'email', 'picture', 'sub', 'iat', 'exp', 'jti', 'nbf', 'iss', 'aud'])

function meaning(name: string, t: T): string {
  return KNOWN.has(name) ? t(`inspector.claims.${name as 'name'}`) : t('inspector.claims.custom')
}

function timeNote(name: string, explanation: ClaimsExplanation, atSec: number, t: T): string {
  if (name === 'exp') {
    const { expiry } = explanation
    if (expiry.kind === 'valid') return t('inspector.time.expiresIn', { duration: durationText(expiry.remainingSec, t) })
    if (expiry.kind === 'grace') return t('inspector.time.grace', { duration: durationText(expiry.graceLeftSec, t) })
    if (expiry.kind === 'expired') return t('inspector.time.expiredAgo', { duration: durationText(expiry.expiredBySec, t) })
  }
  const delta = atSec - explanation.nowSec
  return delta > 0 ? t('inspector.time.in', { duration: durationText(delta, t) }) : t('inspector.time.ago', { duration: durationText(-delta, t) })
}

/** Every claim with its value, a one-line meaning, and times in human form against the simulated clock. */
export function ClaimsTable({ explanation, caption, t }: { explanation: ClaimsExplanation; caption: string; t: T }) {
  return (
    <table className="w-full table-fixed border-collapse text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600 dark:text-slate-300">
          <th scope="col" className="w-[22%] py-1 pr-2 font-semibold">{t('inspector.claimColumns.claim')}</th>
          <th scope="col" className="w-[40%] py-1 pr-2 font-semibold">{t('inspector.claimColumns.value')}</th>
          <th scope="col" className="py-1 font-semibold">{t('inspector.claimColumns.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {explanation.claims.map((claim) => {
          const expired = claim.name === 'exp' && (explanation.expiry.kind === 'expired' || explanation.expiry.kind === 'grace')
          return (
            <tr key={claim.name} className="border-t border-slate-200 align-top dark:border-slate-700" data-claim={claim.name}>
              <th scope="row" className="py-1.5 pr-2 text-left font-mono font-semibold break-all text-slate-900 dark:text-slate-100">
                {claim.name}
              </th>
              <td className="py-1.5 pr-2 font-mono break-all text-slate-800 dark:text-slate-100">
                {JSON.stringify(claim.value) ?? 'undefined'}
                {claim.time && (
                  <span className="mt-0.5 block font-sans text-slate-600 dark:text-slate-300">
                    {dateTimeText(claim.time.atSec, t)}
                    <span className={`block font-medium ${expired ? 'text-rose-700 dark:text-rose-300' : claim.name === 'exp' ? 'text-emerald-700 dark:text-emerald-300' : ''}`}>
                      {timeNote(claim.name, explanation, claim.time.atSec, t)}
                    </span>
                  </span>
                )}
              </td>
              <td className="py-1.5 text-slate-700 dark:text-slate-200">{meaning(claim.name, t)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
