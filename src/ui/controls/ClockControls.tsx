import { useId, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { utcText } from '../shared/durationText'

const MINUTE = 60
const HOUR = 3600
const DAY = 86400
const STEPS = [
  { bySec: MINUTE, key: 'controls.clock.plus1m' },
  { bySec: HOUR, key: 'controls.clock.plus1h' },
  { bySec: DAY, key: 'controls.clock.plus1d' },
  { bySec: 30 * DAY, key: 'controls.clock.plus30d' },
] as const
const UNITS = { minutes: MINUTE, hours: HOUR, days: DAY } as const
type Unit = keyof typeof UNITS

/** The simulated date and time, always visible, and the buttons that move it forward. */
export function ClockControls() {
  const t = useT()
  const id = useId()
  const { nowSec, advanceClock, running } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec, advanceClock: s.advanceClock, running: s.runStatus === 'running' })))
  const [amount, setAmount] = useState('31')
  const [unit, setUnit] = useState<Unit>('days')
  const amountNumber = Number(amount)
  const amountValid = amount.trim() !== '' && Number.isFinite(amountNumber) && amountNumber > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (amountValid) void advanceClock(Math.round(amountNumber * UNITS[unit]))
  }

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.clock.title')}</SubHeading>
      <p className="text-sm">
        <span className="sr-only">{t('controls.clock.now')}: </span>
        <time dateTime={new Date(nowSec * 1000).toISOString()} className="font-mono font-semibold tabular-nums" data-testid="sim-clock">
          {utcText(nowSec)}
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
        <input id={`${id}-amount`} type="number" min="0" step="any" inputMode="decimal" className={`${fieldClass} w-20`} value={amount} aria-invalid={!amountValid} onChange={(e) => setAmount(e.target.value)} />
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
      <Hint>{t('controls.clock.hint')}</Hint>
    </div>
  )
}
