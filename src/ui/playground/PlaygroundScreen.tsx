import { Suspense } from 'react'
import { useT } from '../../i18n/useT'
import { Panel } from '../shared/Panel'
import { ControlsPanel } from '../controls/ControlsPanel'
import { ConfigPanel } from '../controls/ConfigPanel'
import { CookieJar } from '../cookieJar/CookieJar'
import { SessionPanel } from '../session/SessionPanel'
import { PipelineView } from '../pipeline/PipelineView'
import { TokenInspector, tokenViewModule } from '../tokenInspector/TokenInspector'
import { detailBodyModule } from '../pipeline/details/StepDetails'
import { NextStepHint } from './NextStepHint'
import { SimClockReadout } from './SimClockReadout'
import { retryableLazy } from '../shared/lazyModule'

const card = 'min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900'
/**
 * Panels that start below the first screen change on every step of a run: while they are off screen the
 * browser skips their style, layout and paint (they stay in the accessibility tree), so a step re-lays out
 * only what is visible. `auto` remembers the last rendered height, so scrolling doesn't jump. Skipping contains
 * paint, so the two-panel row gets a 4 px inset (p-1, -m-1) to keep its panels' shadows.
 */
const offscreenSkipped = '[content-visibility:auto] [contain-intrinsic-size:auto_480px]'

// The editors sit below the first screen and need Monaco, which loads lazily anyway: their panel's code
// comes in its own chunk right after the first render, not with the first load.
const CallbackEditors = retryableLazy(async () => ({ default: (await import('../editor/CallbackEditors')).CallbackEditors }))

/** Loads the parts of the screen that only a run needs (a step's details, the token taken apart); the shell calls it once the page is idle. */
export function preloadPlaygroundViews(): Promise<unknown> {
  return Promise.all([detailBodyModule.preload(), tokenViewModule.preload()])
}

/**
 * The main screen: controls and configuration on the left; the pipeline, the cookie jar, the
 * session, the token inspector and the callback editors on the right. The pipeline and the token
 * inspector bring their own landmarks, so they sit in plain cards here.
 */
export function PlaygroundScreen() {
  const t = useT()
  return (
    <div className="flex flex-col gap-4">
      {/* Sticky: what to do next and the simulated time stay in view while the learner scrolls to the jar or the editors. */}
      <div className="sticky top-0 z-30 -mx-4 -my-2 flex flex-wrap items-start gap-x-3 gap-y-2 bg-slate-50/95 px-4 py-2 backdrop-blur-sm dark:bg-slate-950/95">
        <div className="min-w-0 flex-1 basis-96">
          <NextStepHint />
        </div>
        <SimClockReadout />
      </div>
      <div className="grid gap-4 lg:grid-cols-[300px_minmax(0,1fr)] xl:grid-cols-[320px_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <ControlsPanel />
          <ConfigPanel />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <div className={card}>
            <PipelineView />
          </div>
          <div className={`grid items-start gap-4 -m-1 p-1 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${offscreenSkipped}`}>
            <CookieJar />
            <SessionPanel />
          </div>
          <div className={`${card} ${offscreenSkipped}`}>
            <TokenInspector />
          </div>
          <Panel label={t('app.panels.editors')}>
            <Suspense
              fallback={
                <p aria-busy="true" className="p-3 text-sm text-slate-700 dark:text-slate-200">
                  {t('editor.loading')}
                </p>
              }
            >
              <CallbackEditors />
            </Suspense>
          </Panel>
        </div>
      </div>
    </div>
  )
}
