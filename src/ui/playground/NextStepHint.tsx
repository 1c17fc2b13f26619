import { Fragment, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { causeText } from '../shared/causeText'
import { focusHintTarget, HINT_TARGETS } from '../shared/hintTargets'
import { nextStep, type HintText } from './nextStep'

/** A hint in words: nested messages and causes in its parameters are worded first. */
export function hintWords(hint: HintText, t: T): string {
  const params = Object.fromEntries(
    Object.entries(hint.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? ('cause' in value ? causeText(value.cause, t) : hintWords(value, t)) : value]),
  )
  return t(hint.key, params)
}

/**
 * The hint's text with every quoted button name (“Get session”) as a link to that button: a click
 * scrolls to it and focuses it. A link, not a button, so the page keeps one button of each name.
 */
function withActionLinks(text: string, t: T): ReactNode[] {
  const targets = HINT_TARGETS.map((target) => ({ id: target.id, quoted: `“${t(target.label)}”` }))
  const parts: ReactNode[] = []
  let rest = text
  for (;;) {
    const found = targets
      .map((target) => ({ target, at: rest.indexOf(target.quoted) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0]
    if (!found) break
    const { target, at } = found
    parts.push(rest.slice(0, at), '“')
    parts.push(
      <a
        key={parts.length}
        href={`#${target.id}`}
        className="font-medium underline decoration-indigo-400 underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-indigo-500"
        onClick={(event) => {
          event.preventDefault()
          focusHintTarget(target.id)
        }}
      >
        {target.quoted.slice(1, -1)}
      </a>,
      '”',
    )
    rest = rest.slice(at + target.quoted.length)
  }
  parts.push(rest)
  return parts.map((part, index) => <Fragment key={index}>{part}</Fragment>)
}

/** One line above the screen telling a newcomer (and everyone after each run) what to click next. */
export function NextStepHint() {
  const t = useT()
  const state = useAppStore(
    useShallow((s) => ({ traces: s.traces, lastTrace: s.lastTrace, cursor: s.cursor, playing: s.playing, runStatus: s.runStatus, runError: s.runError, lastTraceSecret: s.lastTraceSecret, config: s.config })),
  )
  const hint = nextStep(state)
  return (
    <p className="flex items-start gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-100" data-testid="next-step">
      <span className="shrink-0 font-semibold">{t('app.shared.labelled', { label: t('app.hint.label') })}</span>
      <span className="min-w-0 [overflow-wrap:anywhere]">{withActionLinks(hintWords(hint, t), t)}</span>
    </p>
  )
}
