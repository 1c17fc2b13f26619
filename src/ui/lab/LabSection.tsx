import { useId, type ReactNode } from 'react'
import { JsonView } from '../shared/JsonView'

type Tone = 'neutral' | 'good' | 'warn' | 'bad'

const TONES: Record<Tone, string> = {
  neutral: 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
  good: 'border-emerald-300 bg-white dark:border-emerald-800 dark:bg-slate-900',
  warn: 'border-amber-300 bg-white dark:border-amber-700 dark:bg-slate-900',
  bad: 'border-rose-300 bg-white dark:border-rose-800 dark:bg-slate-900',
}

/** A titled region of the lab; `title` is its accessible name. */
export function LabSection({ title, tone = 'neutral', children, actions }: { title: string; tone?: Tone; children: ReactNode; actions?: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-xl border shadow-sm ${TONES[tone]}`}>
      <header className="flex items-center justify-between gap-2 border-b border-inherit px-4 py-2">
        <h3 id={id} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
          {title}
        </h3>
        {actions}
      </header>
      <div className="flex min-w-0 flex-col gap-3 p-4 text-sm">{children}</div>
    </section>
  )
}

/** A label/value list (the lab's facts). */
export function FactList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-2">{children}</dl>
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </>
  )
}

/** Inline code that may be long (cookie names, salts, kids). */
export function Mono({ children }: { children: ReactNode }) {
  return <code className="w-fit max-w-full rounded bg-slate-100 px-1 font-mono text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-100">{children}</code>
}

const NOTE_TONES: Record<Tone, string> = {
  neutral: 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-100',
  good: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100',
  warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100',
  bad: 'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100',
}

/** A boxed remark: a status, a warning, a finding. */
export function Note({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <div className={`rounded-md border p-3 ${NOTE_TONES[tone]}`}>{children}</div>
}

/** A small heading inside a lab section. */
export function LabHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h4 id={id} className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
      {children}
    </h4>
  )
}

/** A JSON block with a visible heading (the same words name the block for screen readers). */
export function LabJson({ label, value, maxHeightClass }: { label: string; value: unknown; maxHeightClass?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <LabHeading>{label}</LabHeading>
      <JsonView value={value} label={label} maxHeightClass={maxHeightClass} />
    </div>
  )
}
