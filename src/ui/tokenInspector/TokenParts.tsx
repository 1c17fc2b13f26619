import { Fragment } from 'react'
import type { TokenInspection, TokenPart } from '../../engine/index'
import type { T } from '../../i18n/t'
import { PART_STYLE } from './partStyle'


function partName(part: TokenPart, kind: TokenInspection['kind'], t: T): string {
  if (part === 'header') return t(kind === 'jws' ? 'inspector.parts.jwsHeader' : 'inspector.parts.header')
  if (part === 'token') return part
  return t(`inspector.parts.${part}`)
}

function partHint(part: TokenPart, kind: TokenInspection['kind'], t: T): string {
  if (part === 'header') return t(kind === 'jws' ? 'inspector.partHints.jwsHeader' : 'inspector.partHints.header')
  if (part === 'token') return ''
  return t(`inspector.partHints.${part}`)
}

/** The compact token, colour-coded by part, and a legend naming each part with its size in bytes. */
export function TokenParts({ inspection, t }: { inspection: TokenInspection; t: T }) {
  const { parts, kind } = inspection
  return (
    <div className="flex flex-col gap-2">
      <p className="rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-5 break-all dark:border-slate-700 dark:bg-slate-950" data-testid="compact-token">
        {parts.map((part, index) => (
          <Fragment key={part.name}>
            {index > 0 && <span className="font-bold text-slate-500 dark:text-slate-400">.</span>}
            <span className={PART_STYLE[part.name].text} data-part={part.name}>
              {part.text}
            </span>
          </Fragment>
        ))}
      </p>
      <ul className="grid gap-1.5 sm:grid-cols-2" aria-label={t('inspector.compact')}>
        {parts.map((part) => (
          <li key={part.name} className="flex min-w-0 items-start gap-2 text-xs">
            <span className={`mt-1 h-2.5 w-2.5 shrink-0 rounded-sm ${PART_STYLE[part.name].swatch}`} aria-hidden="true" />
            <span className="min-w-0">
              <span className="font-semibold text-slate-800 dark:text-slate-100">{partName(part.name, kind, t)}</span>{' '}
              <span className="font-mono text-slate-600 dark:text-slate-300">
                · {part.text.length === 0 ? t('inspector.partEmpty') : t('inspector.partBytes', { bytes: part.byteLength ?? '?' })}
              </span>
              <span className="block text-slate-600 dark:text-slate-300">{partHint(part.name, kind, t)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
