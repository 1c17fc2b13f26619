import { Fragment, useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ALLOWED_COOKIE_SIZE, CHUNK_SIZE, type CookieView } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { documentCookie, selectCookieChangeAtCursor, selectJarAtCursor, type CookieEvent } from '../../state/selectors'
import { CopyButton } from '../shared/CopyButton'
import { BreakableName } from '../shared/BreakableName'
import { safeIso, utcLines } from '../shared/dateText'
import { durationText } from '../shared/durationText'
import { EmptyState, Panel } from '../shared/Panel'
import { cookieFlags, groupCookies, shortenValue } from './groupCookies'

/** The browser's cookie jar at the current step: one row per cookie, flags spelled out, chunks grouped. */
export function CookieJar() {
  const t = useT()
  const id = useId()
  const jar = useAppStore(selectJarAtCursor)
  const change = useAppStore(selectCookieChangeAtCursor)
  const { nowSec, flavor } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec, flavor: s.config.flavor })))
  const [showJs, setShowJs] = useState(false)
  const groups = groupCookies(jar)
  // A deleted cookie is gone from the jar; keep a struck-through row while the pipeline is on that step.
  const gone = change && (change.kind === 'cookie.deleted' || change.kind === 'cookie.expired' || change.kind === 'cookie.rejected') && !jar.some((c) => c.name === change.name) ? change : null

  return (
    <Panel
      label={t('app.panels.cookieJar')}
      actions={
        <button
          type="button"
          aria-pressed={showJs}
          onClick={() => setShowJs(!showJs)}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-200"
        >
          {t('cookieJar.js.toggle')}
        </button>
      }
    >
      {showJs && <DocumentCookie jar={jar} />}
      {jar.length === 0 && !gone ? (
        <EmptyState>{t('cookieJar.empty')}</EmptyState>
      ) : (
        <div className="-mx-1 overflow-x-auto px-1">
          <table className="w-full min-w-[420px] border-collapse text-left text-xs" aria-describedby={`${id}-caption`}>
            <caption id={`${id}-caption`} className="sr-only">
              {t('cookieJar.caption')}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
                <th scope="col" className="py-1 pr-2 font-medium">{t('cookieJar.columns.name')}</th>
                <th scope="col" className="py-1 pr-2 font-medium">{t('cookieJar.columns.value')}</th>
                <th scope="col" className="py-1 pr-2 font-medium">{t('cookieJar.columns.size')}</th>
                <th scope="col" className="py-1 pr-2 font-medium">{t('cookieJar.columns.path')}</th>
                <th scope="col" className="py-1 font-medium">{t('cookieJar.columns.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) =>
                group.kind === 'single' ? (
                  <CookieRows key={group.cookie.name + group.cookie.path} cookie={group.cookie} change={change} nowSec={nowSec} />
                ) : (
                  <Fragment key={group.baseName}>
                    <tr className="border-t border-slate-200 bg-indigo-50/60 dark:border-slate-700 dark:bg-indigo-950/30">
                      <th scope="rowgroup" colSpan={5} className="px-1 py-1.5 text-left font-normal">
                        <span className="font-semibold">{t('cookieJar.chunkGroup', { name: group.baseName, count: group.cookies.length, bytes: group.totalBytes })}</span>
                        <span className="block text-slate-600 dark:text-slate-400">{t('cookieJar.chunkGroupHint', { chunk: CHUNK_SIZE[flavor], name: group.baseName })}</span>
                      </th>
                    </tr>
                    {group.cookies.map((cookie) => (
                      <CookieRows key={cookie.name} cookie={cookie} change={change} nowSec={nowSec} chunk />
                    ))}
                  </Fragment>
                ),
              )}
              {gone && <GoneRow change={gone} />}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  )
}

function CookieRows({ cookie, change, nowSec, chunk = false }: { cookie: CookieView; change: CookieEvent | null; nowSec: number; chunk?: boolean }) {
  const t = useT()
  const flags = cookieFlags(cookie)
  const changed = change && change.name === cookie.name && (change.kind === 'cookie.set' || change.kind === 'cookie.tampered') ? change : null
  const highlight = changed ? (changed.kind === 'cookie.tampered' ? 'bg-amber-100/80 dark:bg-amber-900/40' : 'bg-emerald-100/80 dark:bg-emerald-900/40') : ''
  return (
    <>
      <tr className={`border-t border-slate-200 align-top dark:border-slate-700 ${highlight}`} data-cookie={cookie.name}>
        <th scope="row" className={`py-1.5 pr-2 text-left font-mono font-medium [overflow-wrap:break-word] ${chunk ? 'pl-3' : ''}`}>
          <BreakableName name={cookie.name} />
          {changed && <span className="ml-1 rounded bg-white/70 px-1 font-sans text-[10px] font-semibold text-emerald-900 dark:bg-slate-900/70 dark:text-emerald-200">{t(changed.kind === 'cookie.tampered' ? 'cookieJar.change.tampered' : 'cookieJar.change.set')}</span>}
        </th>
        <td className="py-1.5 pr-2">
          <span className="flex items-start gap-1">
            <code className="font-mono break-all" title={cookie.value}>{shortenValue(cookie.value)}</code>
            <CopyButton text={cookie.value} what={t('cookieJar.copyValue', { name: cookie.name })} className="px-1 py-0 text-[10px]" />
          </span>
        </td>
        <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">
          {t('cookieJar.bytes', { bytes: cookie.sizeBytes })}
          <SizeMeter bytes={cookie.sizeBytes} />
        </td>
        <td className="py-1.5 pr-2 font-mono">{cookie.path}</td>
        <td className="py-1.5">
          <Expires cookie={cookie} nowSec={nowSec} />
        </td>
      </tr>
      <tr className={highlight}>
        <td colSpan={5} className={`pb-1.5 text-slate-700 dark:text-slate-300 ${chunk ? 'pl-3' : ''}`}>
          <span className="sr-only">{t('cookieJar.flags')}: </span>
          {flags.length === 0 ? (
            <span className="text-amber-800 dark:text-amber-200">{t('cookieJar.noFlags')}</span>
          ) : (
            <span className="flex flex-wrap gap-1">
              {flags.map((flag) => (
                <span key={flag} className="rounded border border-slate-300 px-1 font-mono text-[11px] dark:border-slate-600">
                  {flag}
                </span>
              ))}
            </span>
          )}
        </td>
      </tr>
    </>
  )
}

function GoneRow({ change }: { change: CookieEvent }) {
  const t = useT()
  const label = change.kind === 'cookie.expired' ? 'cookieJar.change.expired' : change.kind === 'cookie.rejected' ? 'cookieJar.change.rejected' : 'cookieJar.change.deleted'
  return (
    <tr className="border-t border-slate-200 bg-rose-100/70 dark:border-slate-700 dark:bg-rose-950/40" data-cookie-gone={change.name}>
      <th scope="row" className="py-1.5 pr-2 text-left font-mono font-medium [overflow-wrap:break-word] line-through">
        <BreakableName name={change.name} />
      </th>
      <td colSpan={4} className="py-1.5 font-semibold text-rose-900 dark:text-rose-200">
        {t(label)}
      </td>
    </tr>
  )
}

function SizeMeter({ bytes }: { bytes: number }) {
  const t = useT()
  const ratio = Math.min(1, bytes / ALLOWED_COOKIE_SIZE)
  const color = ratio > 0.9 ? 'bg-rose-500' : ratio > 0.6 ? 'bg-amber-500' : 'bg-indigo-500'
  return (
    <span
      role="meter"
      aria-valuemin={0}
      aria-valuemax={ALLOWED_COOKIE_SIZE}
      aria-valuenow={bytes}
      aria-label={t('cookieJar.sizeMeter', { bytes, limit: ALLOWED_COOKIE_SIZE })}
      className="mt-0.5 block h-1.5 w-14 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <span className={`block h-full ${color}`} style={{ width: `${Math.max(2, ratio * 100)}%` }} />
    </span>
  )
}

function Expires({ cookie, nowSec }: { cookie: CookieView; nowSec: number }) {
  const t = useT()
  if (cookie.expiresAtSec === undefined) return <span>{t('cookieJar.sessionCookie')}</span>
  const left = cookie.expiresAtSec - nowSec
  // The header's own date format, on two lines (day, then time) so the column stays narrow.
  const lines = utcLines(cookie.expiresAtSec, t)
  return (
    <span className="flex flex-col">
      <time dateTime={safeIso(cookie.expiresAtSec)} className="whitespace-nowrap">
        <span className="block">{lines.date}</span>
        {lines.time && (
          <>
            {' '}
            <span className="block">{lines.time}</span>
          </>
        )}
      </time>
      <span className={left > 0 ? 'text-slate-600 dark:text-slate-400' : 'font-semibold text-rose-700 dark:text-rose-300'}>
        {left > 0 ? t('cookieJar.expiresIn', { duration: durationText(left, t) }) : t('cookieJar.expiredAgo', { duration: durationText(-left, t) })}
      </span>
    </span>
  )
}

function DocumentCookie({ jar }: { jar: CookieView[] }) {
  const t = useT()
  const visible = documentCookie(jar)
  return (
    <div className="mb-3 rounded-md border border-indigo-200 bg-indigo-50 p-2 text-xs dark:border-indigo-900 dark:bg-indigo-950/40">
      <p className="font-mono font-semibold">{t('cookieJar.js.title')}</p>
      <code className="block font-mono break-all" data-testid="document-cookie">
        {visible === '' ? t('cookieJar.js.emptyValue') : visible}
      </code>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{t('cookieJar.js.explain')}</p>
    </div>
  )
}
