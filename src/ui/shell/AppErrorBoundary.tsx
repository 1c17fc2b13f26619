import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useT } from '../../i18n/useT'
import { Button } from '../shared/Button'
import { retryFailedLoads } from '../shared/lazyModule'

interface Props {
  children: ReactNode
  /** Brings the store back to a state that renders (a fresh playground); code and configuration stay. */
  onReset: () => void
}

/**
 * The last line of defence: a render error anywhere below shows what broke and a way back, instead
 * of a blank page. A render error is a bug in the app, so it is logged for developers, not swallowed.
 * The reset also forgets failed lazy loads, so the panels that render again fetch their part anew.
 */
export class AppErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The playground stopped rendering', error, info.componentStack)
  }

  private readonly reset = () => {
    this.props.onReset()
    retryFailedLoads()
    this.setState({ error: null })
  }

  override render() {
    return this.state.error ? <CrashNotice error={this.state.error} onReset={this.reset} /> : this.props.children
  }
}

function CrashNotice({ error, onReset }: { error: Error; onReset: () => void }) {
  const t = useT()
  return (
    <div role="alert" className="mx-auto flex max-w-2xl flex-col gap-3 rounded-xl border border-rose-300 bg-rose-50 p-6 text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100" data-testid="crash-notice">
      <h2 className="text-lg font-semibold">{t('app.crash.title')}</h2>
      <p className="text-sm">{t('app.crash.explain')}</p>
      <p className="text-sm">
        <span className="font-medium">{t('app.crash.error')}: </span>
        <code className="font-mono text-xs [overflow-wrap:anywhere]">{`${error.name}: ${error.message}`}</code>
      </p>
      <div>
        <Button variant="primary" onClick={onReset}>
          {t('app.crash.reset')}
        </Button>
      </div>
      <p className="text-xs">{t('app.crash.kept')}</p>
    </div>
  )
}
