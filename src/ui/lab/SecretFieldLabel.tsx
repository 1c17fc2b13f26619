import { useT } from '../../i18n/useT'

/**
 * The label of a secret field with its "Show secret" toggle beside it: the field is hidden by
 * default (screens get shared), and the toggle says which field it shows.
 */
export function SecretFieldLabel({ htmlFor, label, shown, onToggle }: { htmlFor: string; label: string; shown: boolean; onToggle: (shown: boolean) => void }) {
  const t = useT()
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      <button
        type="button"
        aria-pressed={shown}
        aria-controls={htmlFor}
        onClick={() => onToggle(!shown)}
        className="rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-pressed:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-950"
      >
        {t('lab.open.showSecret')}
      </button>
    </div>
  )
}
