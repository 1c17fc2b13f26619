import { useId } from 'react'
import type { T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { selectJarAtCursor, selectTokenAtCursor } from '../../state/selectors'
import { dateTimeLines, safeIso } from '../shared/dateText'
import { durationText } from '../shared/durationText'
import { BreakableName } from '../shared/BreakableName'
import { findSessionCookie } from './findSessionCookie'

/** A time as two short lines (date, then time) in a `<time>` carrying the exact instant. */
function TimeLines({ atSec, t }: { atSec: number; t: T }) {
  const lines = dateTimeLines(atSec, t)
  return (
    <time dateTime={safeIso(atSec)} className="block">
      <span className="block">{lines.date}</span>
      <span className="block">{lines.time}</span>
    </time>
  )
}

/** Cookie Expires, token.exp and session.expires side by side, each against the simulated clock. */
export function ExpiryTimes({ nowSec, sessionExpires }: { nowSec: number; sessionExpires: string | undefined }) {
  const t = useT()
  const id = useId()
  const jar = useAppStore(selectJarAtCursor)
  const token = useAppStore(selectTokenAtCursor)
  const cookieName = useAppStore((s) => s.config.cookies?.sessionToken?.name)
  const cookie = findSessionCookie(jar, cookieName)
  const exp = token?.claims.exp
  const sessionSec = sessionExpires === undefined ? undefined : Date.parse(sessionExpires) / 1000

  const items = [
    { key: 'cookie', label: t('session.expiries.cookie'), hint: t('session.expiries.cookieHint'), atSec: cookie?.expiresAtSec },
    { key: 'exp', label: t('session.expiries.tokenExp'), hint: t('session.expiries.tokenExpHint'), atSec: typeof exp === 'number' ? exp : undefined },
    { key: 'session', label: t('session.expiries.sessionExpires'), hint: t('session.expiries.sessionExpiresHint'), atSec: Number.isFinite(sessionSec) ? sessionSec : undefined },
  ]

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="@container flex flex-col gap-2">
      <h3 id={`${id}-title`} className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
        {t('session.expiries.title')}
      </h3>
      {/* Side by side from 18rem (the session column at 1280 px is ~20rem): date and time on two short lines. */}
      <dl className="grid grid-cols-1 gap-2 @min-[18rem]:grid-cols-3">
        {items.map((item) => (
          <div key={item.key} className="flex min-w-0 flex-col rounded-md border border-slate-200 p-1.5 dark:border-slate-700" data-expiry={item.key}>
            <dt className="font-mono text-xs font-semibold [overflow-wrap:break-word]">
              <BreakableName name={item.label} />
            </dt>
            <dd className="text-xs">
              {item.atSec === undefined ? (
                t('session.expiries.none')
              ) : (
                <>
                  <TimeLines atSec={item.atSec} t={t} />
                  <span className={item.atSec > nowSec ? 'text-slate-600 dark:text-slate-400' : 'font-semibold text-rose-700 dark:text-rose-300'}>
                    {item.atSec > nowSec ? t('session.expiries.in', { duration: durationText(item.atSec - nowSec, t) }) : t('session.expiries.ago', { duration: durationText(nowSec - item.atSec, t) })}
                  </span>
                </>
              )}
            </dd>
            <dd className="mt-1 text-[11px] leading-snug text-slate-600 dark:text-slate-400">{item.hint}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('session.expiries.explain')}</p>
    </div>
  )
}
