import { useT } from '../../i18n/useT'
import { EmptyState, Panel } from '../shared/Panel'
import { CallbackEditors } from '../editor/CallbackEditors'

/** The main screen: controls, pipeline, cookie jar, token inspector, callback editors and session. */
export function PlaygroundScreen() {
  const t = useT()
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(260px,1fr)_minmax(0,2fr)_minmax(0,1.4fr)]">
      <Panel label={t('app.panels.controls')}>
        <EmptyState>{t('app.empty.controls')}</EmptyState>
      </Panel>
      <Panel label={t('app.panels.pipeline')}>
        <EmptyState>{t('app.empty.pipeline')}</EmptyState>
      </Panel>
      <div className="flex min-w-0 flex-col gap-4">
        <Panel label={t('app.panels.cookieJar')}>
          <EmptyState>{t('app.empty.cookieJar')}</EmptyState>
        </Panel>
        <Panel label={t('app.panels.tokenInspector')}>
          <EmptyState>{t('app.empty.tokenInspector')}</EmptyState>
        </Panel>
        <Panel label={t('app.panels.session')}>
          <EmptyState>{t('app.empty.session')}</EmptyState>
        </Panel>
      </div>
      <Panel label={t('app.panels.editors')} className="lg:col-span-3">
        <CallbackEditors />
      </Panel>
    </div>
  )
}
