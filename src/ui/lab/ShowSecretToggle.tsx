import { useT } from '../../i18n/useT'

/** "Show secret": a toggle beside a secret field, which is hidden by default (screens get shared). */
export function ShowSecretToggle({ shown, onToggle, controls }: { shown: boolean; onToggle: (shown: boolean) => void; controls: string }) {
  const t = useT()
  return (
    <button
      type="button"
      aria-pressed={shown}
      aria-controls={controls}
      onClick={() => onToggle(!shown)}
      className="rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-pressed:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-950"
    >
      {t('lab.open.showSecret')}
    </button>
  )
}
