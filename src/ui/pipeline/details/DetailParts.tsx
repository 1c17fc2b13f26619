import type { ReactNode } from 'react'
import type { HeaderLine } from '../../../engine/index'
import { SubHeading } from '../../shared/Button'
import { CopyButton } from '../../shared/CopyButton'

/** One titled part of the step details. */
export function DetailBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <SubHeading>{title}</SubHeading>
      {children}
    </div>
  )
}

/** Label/value pairs. */
export function Facts({ rows }: { rows: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
          <dd className="min-w-0 font-mono text-xs leading-5 break-all text-slate-900 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Headers as they travel, one line each. Cookie and Set-Cookie lines are highlighted and carry a
 * word for screen readers too, since that is where the session lives ("deletes a cookie" for a
 * Set-Cookie line that does).
 */
export function HeaderLines({ headers, empty, cookieNote, setCookieNote, copyLabel }: { headers: HeaderLine[]; empty: string; cookieNote: string; setCookieNote: (value: string) => string; copyLabel: string }) {
  if (headers.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{empty}</p>
  return (
    <ul className="flex flex-col gap-1">
      {headers.map(([name, value], index) => {
        const lower = name.toLowerCase()
        const cookie = lower === 'cookie' || lower === 'set-cookie'
        return (
          <li
            key={`${name}-${index}`}
            data-highlight={cookie ? 'cookie' : undefined}
            className={`flex min-w-0 items-start gap-2 rounded-md px-2 py-1 font-mono text-xs leading-5 ${
              cookie ? 'border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100' : 'bg-slate-50 text-slate-800 dark:bg-slate-950 dark:text-slate-200'
            }`}
          >
            <span className="min-w-0 flex-1 break-all">
              <span className="font-semibold">{name}:</span> {value}
              {cookie && <span className="sr-only"> ({lower === 'cookie' ? cookieNote : setCookieNote(value)})</span>}
            </span>
            {cookie && <CopyButton text={value} what={`${copyLabel} ${name}`} />}
          </li>
        )
      })}
    </ul>
  )
}

/** A line of text that is code: a Set-Cookie line, a token. */
export function CodeLine({ text, copyWhat }: { text: string; copyWhat: string }) {
  return (
    <div className="flex min-w-0 items-start gap-2 rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-950">
      <code className="min-w-0 flex-1 font-mono text-xs leading-5 break-all text-slate-800 dark:text-slate-100">{text}</code>
      <CopyButton text={text} what={copyWhat} />
    </div>
  )
}
