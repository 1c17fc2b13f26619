import { CopyButton } from './CopyButton'

/**
 * Pretty-printed JSON with a copy button; `undefined` values are shown, as JSON.stringify would drop them.
 * Long strings wrap at `/`, `-` and spaces first (overflow-wrap: anywhere only when a word cannot fit), so a URL does not break inside its port.
 */
export function JsonView({ value, label, maxHeightClass = 'max-h-72' }: { value: unknown; label: string; maxHeightClass?: string }) {
  const text = toJsonText(value)
  return (
    <div className="relative min-w-0">
      <CopyButton text={text} what={label} className="absolute top-1.5 right-1.5 bg-white/90 dark:bg-slate-900/90" />
      <pre
        tabIndex={0}
        aria-label={label}
        className={`${maxHeightClass} overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 pr-16 font-mono text-xs leading-relaxed [overflow-wrap:anywhere] break-normal whitespace-pre-wrap text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100`}
      >
        {text}
      </pre>
    </div>
  )
}

/** JSON text of `value`, two-space indented; `undefined` alone reads "undefined". */
export function toJsonText(value: unknown): string {
  if (value === undefined) return 'undefined'
  return JSON.stringify(value, null, 2) ?? String(value)
}
