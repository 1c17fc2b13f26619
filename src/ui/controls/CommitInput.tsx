import { useEffect, useState, type HTMLAttributes } from 'react'
import { fieldClass } from '../shared/Button'

/**
 * A text input that keeps a draft and commits it on Enter or when focus leaves, so the engine is
 * not reconfigured on every keystroke. An invalid draft is marked and explained, not committed.
 */
export function CommitInput({ id, value, onCommit, validate, describedBy, className = '', list, inputMode }: {
  id: string
  value: string
  onCommit: (value: string) => void
  validate?: (value: string) => string | null
  describedBy?: string
  className?: string
  list?: string
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
}) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setDraft(value), [value])

  const commit = () => {
    if (draft === value) return setError(null)
    const problem = validate?.(draft) ?? null
    setError(problem)
    if (!problem) onCommit(draft)
  }

  return (
    <div className="flex min-w-0 flex-1 flex-col gap-0.5">
      <input
        id={id}
        className={`${fieldClass} ${className}`}
        value={draft}
        list={list}
        inputMode={inputMode}
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={[describedBy, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  )
}
