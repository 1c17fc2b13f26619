import type { ReactNode } from 'react'
import type { KeyView } from '../../engine/index'
import type { T } from '../../i18n/t'
import { CopyButton } from '../shared/CopyButton'


function Rung({ title, children, last = false }: { title: string; children: ReactNode; last?: boolean }) {
  return (
    <li className="relative flex gap-3 pb-3 last:pb-0">
      {!last && <span className="absolute top-5 bottom-0 left-[7px] w-px bg-slate-300 dark:bg-slate-600" aria-hidden="true" />}
      <span className="mt-1 h-3.5 w-3.5 shrink-0 rounded-full border-2 border-emerald-500 bg-white dark:bg-slate-900" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold text-slate-800 dark:text-slate-100">{title}</p>
        <div className="mt-0.5 text-xs text-slate-700 dark:text-slate-200">{children}</div>
      </div>
    </li>
  )
}

/** secret → HKDF(hash, salt, info, length) → derived key (→ kid for Auth.js). */
export function KeyLadder({ keyView, signed, t }: { keyView: KeyView; signed: boolean; t: T }) {
  return (
    <ol className="flex flex-col" aria-label={t('inspector.ladder.title')}>
      <Rung title={t('inspector.ladder.secret')}>{signed ? t('inspector.ladder.rawSecret') : t('inspector.ladder.secretValue')}</Rung>
      {!signed && (
        <Rung title={`${t('inspector.ladder.hkdf')}-${keyView.hash.replace(/^SHA-?/i, 'SHA-')}`}>
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-2 font-mono">
            <dt className="text-slate-600 dark:text-slate-300">{t('inspector.ladder.hash')}</dt>
            <dd>{keyView.hash}</dd>
            <dt className="text-slate-600 dark:text-slate-300">{t('inspector.ladder.salt')}</dt>
            <dd className="break-all">{keyView.salt === '' ? t('inspector.ladder.saltEmpty') : `"${keyView.salt}"`}</dd>
            <dt className="text-slate-600 dark:text-slate-300">{t('inspector.ladder.info')}</dt>
            <dd className="break-all">"{keyView.info}"</dd>
            <dt className="text-slate-600 dark:text-slate-300">{t('inspector.ladder.length')}</dt>
            <dd>{t('inspector.ladder.lengthValue', { bytes: keyView.lengthBytes })}</dd>
          </dl>
        </Rung>
      )}
      {!signed && (
        <Rung title={t('inspector.ladder.derived')} last={!keyView.kid}>
          <span className="flex items-start gap-2">
            <code className="min-w-0 flex-1 font-mono break-all">{keyView.keyHex}</code>
            <CopyButton text={keyView.keyHex} what={t('inspector.ladder.derived')} />
          </span>
        </Rung>
      )}
      {!signed && keyView.kid && (
        <Rung title={t('inspector.ladder.kid')} last>
          <code className="block font-mono break-all">{keyView.kid}</code>
          <span className="text-slate-600 dark:text-slate-300">{t('inspector.ladder.kidHint')}</span>
        </Rung>
      )}
    </ol>
  )
}
