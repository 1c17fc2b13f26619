import { useId, type ReactNode } from 'react'

/** A titled region of the screen. `label` is its accessible name, so tests and screen readers can jump to it. */
export function Panel({ label, children, className = '', actions }: { label: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  // From useId, not from the label: labels in other scripts (Chinese) would all reduce to the same id.
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className={`flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 id={headingId} className="text-sm font-semibold tracking-wide text-slate-800 dark:text-slate-100">
          {label}
        </h2>
        {actions}
      </header>
      <div className="min-w-0 flex-1 p-4">{children}</div>
    </section>
  )
}

/** What an empty panel says: what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-300">{children}</p>
}
