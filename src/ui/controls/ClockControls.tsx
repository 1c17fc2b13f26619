import { useId, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { dateTimeText, safeIso } from '../shared/dateText'

const MINUTE = 60
const HOUR = 3600
const DAY = 86400
const STEPS = [
  { bySec: MINUTE, key: 'controls.clock.plus1m' },
  { bySec: HOUR, key: 'controls.clock.plus1h' },
  { bySec: DAY, key: 'controls.clock.plus1d' },
  { bySec: 30 * DAY, key: 'controls.clock.plus30d' },
] as const
const YEAR = 365 * DAY
const UNITS = { seconds: 1, minutes: MINUTE, hours: HOUR, days: DAY } as const
type Unit = keyof typeof UNITS
/**
 * The most one custom jump may move the clock: enough for any lifetime worth watching. (The engine
 * refuses only a time past the end of JavaScript dates, CLOCK_OUT_OF_RANGE; this keeps a typo in the
 * amount from getting anywhere near it.)
 */
const MAX_ADVANCE_YEARS = 100
const MAX_ADVANCE_SEC = MAX_ADVANCE_YEARS * YEAR

/** A `datetime-local` value for `sec`, read as UTC (the clock shows UTC): `YYYY-MM-DDTHH:MM:SS`. */
function dateInputValue(sec: number): string {
  return safeIso(sec)?.slice(0, 19) ?? ''
}

/** The Unix seconds a `datetime-local` value names when read as UTC, or null when it is not a date. */
function dateInputSeconds(value: string): number | null {
  const ms = Date.parse(`${value}Z`)
  return value.trim() === '' || Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}

/** The simulated date and time, always visible, and the buttons that move it forward. */
export function ClockControls() {
  const t = useT()
  const id = useId()
  const { nowSec, advanceClock, setClockTo, running } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec, advanceClock: s.advanceClock, setClockTo: s.setClockTo, running: s.runStatus === 'running' })))
  const [amount, setAmount] = useState('31')
  const [unit, setUnit] = useState<Unit>('days')
  // Until the learner edits it, the date field follows the clock (a day ahead), so it never lags behind it.
  const [edited, setEdited] = useState<string | null>(null)
  const target = edited ?? dateInputValue(nowSec + DAY)
  const amountNumber = Number(amount)
  const bySec = Math.round(amountNumber * UNITS[unit])
  const tooLarge = Number.isFinite(amountNumber) && bySec > MAX_ADVANCE_SEC
  const amountValid = amount.trim() !== '' && Number.isFinite(amountNumber) && amountNumber > 0 && bySec > 0 && !tooLarge
  const targetSec = dateInputSeconds(target)
  // The clock only moves forward (the engine refuses anything else).
  const targetValid = targetSec !== null && targetSec > nowSec
  // Marked only once the learner has typed a date: a default that the clock overtook is followed, not wrong.
  const targetInvalid = edited !== null && !targetValid

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (amountValid) void advanceClock(bySec)
  }

  const submitDate = (event: FormEvent) => {
    event.preventDefault()
    if (!targetValid) return
    void setClockTo(targetSec)
    setEdited(null)
  }

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.clock.title')}</SubHeading>
      <p className="text-sm">
        <span className="sr-only">{t('controls.clock.now')}: </span>
        <time dateTime={safeIso(nowSec)} className="font-mono font-semibold tabular-nums" data-testid="sim-clock">
          {dateTimeText(nowSec, t)}
        </time>
      </p>
      <div role="group" aria-label={t('controls.clock.advance')} className="flex flex-wrap gap-1.5">
        {STEPS.map((step) => (
          <Button key={step.key} onClick={() => void advanceClock(step.bySec)} disabled={running} aria-label={t('controls.clock.plusLabel', { amount: t(step.key) })} className="px-2 py-1 font-mono text-xs">
            {t(step.key)}
          </Button>
        ))}
      </div>
      <form onSubmit={submit} className="flex items-center gap-1.5">
        <label htmlFor={`${id}-amount`} className="sr-only">
          {t('controls.clock.custom')}
        </label>
        <input id={`${id}-amount`} type="number" min="0" step="any" inputMode="decimal" className={`${fieldClass} w-20`} value={amount} aria-invalid={!amountValid} aria-describedby={tooLarge ? `${id}-too-large` : undefined} onChange={(e) => setAmount(e.target.value)} />
        <label htmlFor={`${id}-unit`} className="sr-only">
          {t('controls.clock.unit')}
        </label>
        <select id={`${id}-unit`} className={`${fieldClass} w-auto`} value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
          {(Object.keys(UNITS) as Unit[]).map((u) => (
            <option key={u} value={u}>
              {t(`controls.clock.units.${u}`)}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={running || !amountValid} className="py-1">
          {t('controls.clock.advanceCustom')}
        </Button>
      </form>
      {tooLarge && <Hint id={`${id}-too-large`}>{t('controls.clock.tooLarge', { years: MAX_ADVANCE_YEARS })}</Hint>}
      <form onSubmit={submitDate} className="flex flex-col gap-1">
        <label htmlFor={`${id}-date`} className="text-sm">
          {t('controls.clock.toDate')}
        </label>
        {/* The field has a row of its own, wide enough for the whole date and time with seconds. */}
        <div className="flex flex-col items-start gap-1.5">
          <input
            id={`${id}-date`}
            type="datetime-local"
            step="1"
            className={`${fieldClass} font-mono`}
            value={target}
            aria-invalid={targetInvalid}
            aria-describedby={targetInvalid ? `${id}-date-hint` : undefined}
            onChange={(e) => setEdited(e.target.value)}
          />
          <Button type="submit" disabled={running || !targetValid} className="py-1">
            {t('controls.clock.toDateSubmit')}
          </Button>
        </div>
        {targetInvalid && <Hint id={`${id}-date-hint`}>{t('controls.clock.toDatePast')}</Hint>}
      </form>
      <Hint>{t('controls.clock.hint')}</Hint>
    </div>
  )
}
