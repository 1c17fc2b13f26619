import { Suspense, useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { loadLabEngine } from '../../state/loadLabEngine'
import { useAppStore } from '../../state/useAppStore'
import { useT } from '../../i18n/useT'
import { LOCALES, type Locale } from '../../i18n/t'
import type { ThemeChoice } from '../../state/uiSlice'
import { PlaygroundScreen, preloadPlaygroundViews } from '../playground/PlaygroundScreen'
import { AppErrorBoundary } from './AppErrorBoundary'
import { useThemeClass } from './useThemeClass'
import { useHashView } from './useHashView'
import { retryableLazy } from '../shared/lazyModule'

// The Token lab is a second screen most visits never open: keep it and its engine out of the initial bundle.
// The engine arrives with the screen, so pressing "Decode" or "Make" itself never fetches anything.
const TokenLab = retryableLazy(async () => ({ default: (await Promise.all([import('../lab/TokenLab'), loadLabEngine()]))[0].TokenLab }))

const THEMES: ThemeChoice[] = ['system', 'light', 'dark']
const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '简体中文' }

export function App() {
  const t = useT()
  // Only the shell's own fields: selecting the whole state would re-render the screen on every step.
  const { view, setView, theme, setTheme, locale, setLocale, resetPlayground } = useAppStore(
    useShallow((s) => ({ view: s.view, setView: s.setView, theme: s.theme, setTheme: s.setTheme, locale: s.locale, setLocale: s.setLocale, resetPlayground: s.resetPlayground })),
  )
  // Once shown, the playground stays mounted (hidden while the Token lab shows): what the learner typed
  // and the editors survive a visit to the lab. It is not mounted before it is first shown.
  const [playgroundShown, setPlaygroundShown] = useState(view === 'playground')
  if (view === 'playground' && !playgroundShown) setPlaygroundShown(true)
  useThemeClass(theme)
  useEffect(() => {
    // Screen readers pick the voice from <html lang>.
    document.documentElement.lang = locale === 'zh' ? 'zh-Hans' : 'en'
  }, [locale])
  useHashView(view, setView)
  const warmSandbox = useAppStore((s) => s.warmSandbox)
  useEffect(() => {
    // Once the page is idle, boot the callback worker and fetch the parts of the screen a run needs,
    // so the learner's first "Sign in" finds them ready. A failed fetch is retried (and reported) when a run needs it.
    const warm = () => {
      warmSandbox()
      preloadPlaygroundViews().catch((error: unknown) => console.warn('preloading the step details and the token view failed', error))
    }
    if (typeof requestIdleCallback !== 'function') return void warm()
    const id = requestIdleCallback(warm, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }, [warmSandbox])

  const tabClass = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800'}`

  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2">
          <div className="min-w-0 flex-1">
            <h1 className="text-lg font-bold">{t('app.name')}</h1>
            <p className="text-sm text-slate-600 dark:text-slate-300">{t('app.tagline')}</p>
          </div>
          <nav aria-label={t('app.nav.label')} className="flex gap-1">
            <a href="#" className={tabClass(view === 'playground')} aria-current={view === 'playground' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setView('playground') }}>
              {t('app.nav.playground')}
            </a>
            <a href="#/lab" className={tabClass(view === 'lab')} aria-current={view === 'lab' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setView('lab') }}>
              {t('app.nav.lab')}
            </a>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <label className="flex items-center gap-1">
              <span>{t('app.theme.label')}</span>
              <select className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
                {THEMES.map((choice) => (
                  <option key={choice} value={choice}>{t(`app.theme.${choice}`)}</option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1">
              <span>{t('app.language.label')}</span>
              <select className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
                {LOCALES.map((code) => (
                  <option key={code} value={code} lang={code}>{LOCALE_NAMES[code]}</option>
                ))}
              </select>
            </label>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1600px] p-4">
        <AppErrorBoundary onReset={resetPlayground}>
          {view === 'lab' && (
            <Suspense fallback={<div aria-busy="true" className="min-h-screen" />}>
              <TokenLab />
            </Suspense>
          )}
          {playgroundShown && (
            <div hidden={view !== 'playground'} data-testid="playground-screen">
              <PlaygroundScreen />
            </div>
          )}
        </AppErrorBoundary>
      </main>
    </div>
  )
}
