import './labMessages'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import type { LabTab } from '../../state/labSlice'
import { useAppStore } from '../../state/useAppStore'
import { MadeToken } from './MadeToken'
import { MakeForm } from './MakeForm'
import { OpenForm } from './OpenForm'
import { OpenResult } from './OpenResult'

const TABS: LabTab[] = ['open', 'make']

/** The Token lab: open a real NextAuth / Auth.js session cookie, or make one. */
export function TokenLab() {
  const t = useT()
  const { tab, setTab } = useAppStore(useShallow((s) => ({ tab: s.labTab, setTab: s.setLabTab })))

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!
    setTab(next)
    document.getElementById(`lab-tab-${next}`)?.focus()
  }

  return (
    <div className="mx-auto flex max-w-6xl min-w-0 flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t('lab.title')}</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('lab.intro')}</p>
        <p className="flex items-start gap-2 text-sm text-emerald-800 dark:text-emerald-300">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 fill-current">
            <path d="M10 1a5 5 0 0 0-5 5v3H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1V6a5 5 0 0 0-5-5Zm-3 8V6a3 3 0 1 1 6 0v3H7Z" />
          </svg>
          <span>{t('lab.privacy')}</span>
        </p>
      </div>

      <div role="tablist" aria-label={t('lab.tabs.label')} className="flex gap-1 border-b border-slate-200 dark:border-slate-700" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`lab-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`lab-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              tab === name ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }`}
          >
            {t(`lab.tabs.${name}`)}
          </button>
        ))}
      </div>

      <div id={`lab-panel-${tab}`} role="tabpanel" aria-labelledby={`lab-tab-${tab}`} className="grid min-w-0 items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        {tab === 'open' ? (
          <>
            <OpenForm />
            <OpenResult />
          </>
        ) : (
          <>
            <MakeForm />
            <MadeToken />
          </>
        )}
      </div>
    </div>
  )
}
