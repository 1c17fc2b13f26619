import { useEffect, useState } from 'react'
import { useT } from '../../i18n/useT'

/** Copies `text` to the clipboard; its accessible name says what it copies. */
export function CopyButton({ text, what, className = '' }: { text: string; what: string; className?: string }) {
  const t = useT()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch (error) {
      // Clipboard access can be refused (permissions, insecure context); tell the learner, keep the page working.
      console.warn('clipboard write refused', error)
      setState('failed')
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={t('app.shared.copyWhat', { what })}
      className={`inline-flex shrink-0 items-center rounded border border-slate-300 px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 ${className}`}
    >
      <span aria-live="polite">{state === 'copied' ? t('app.shared.copied') : state === 'failed' ? t('app.shared.copyFailed') : t('app.shared.copy')}</span>
    </button>
  )
}
