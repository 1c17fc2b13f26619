import type { ReactNode } from 'react'
import type { T } from '../../i18n/t'
import { hintTargetId } from '../shared/hintTargets'

export const SPEEDS = [0.5, 1, 1.5, 2, 3, 4] as const

interface PlayerProps {
  t: T
  disabled: boolean
  playing: boolean
  atStart: boolean
  atEnd: boolean
  speed: number
  cursor: number
  total: number
  togglePlay: () => void
  stepBack: () => void
  stepForward: () => void
  restart: () => void
  skipAnimation: () => void
  setSpeed: (speed: number) => void
}

// Only colours fade: an opacity fade on enabling a button would leave its text briefly faint (and fail contrast).
function PlayerButton({ label, onClick, disabled, children, primary = false, wide = false, id }: { label: string; onClick: () => void; disabled: boolean; children: ReactNode; primary?: boolean; wide?: boolean; id?: string }) {
  return (
    <button
      id={id}
      type="button"
      aria-label={wide ? undefined : label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex h-8 items-center justify-center gap-1.5 rounded-md text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 ${wide ? 'px-3' : 'w-8'} ${
        primary ? 'bg-indigo-600 text-white hover:bg-indigo-500' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
      }`}
    >
      {children}
    </button>
  )
}

const icon = (d: string) => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
    <path d={d} />
  </svg>
)

/** Play, pause, step, restart, speed and skip, with the progress through the run. */
export function Player(props: PlayerProps) {
  const { t, disabled, playing, atStart, atEnd, speed, cursor, total } = props
  const progress = total === 0 ? 0 : (cursor + 1) / total
  return (
    <div role="group" aria-label={t('pipeline.player.label')} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <PlayerButton label={t('pipeline.player.restart')} onClick={props.restart} disabled={disabled}>
          {icon('M3 2h2v12H3zM14 2.5v11L6 8z')}
        </PlayerButton>
        <PlayerButton label={t('pipeline.player.stepBack')} onClick={props.stepBack} disabled={disabled || atStart}>
          {icon('M4 3h2v10H4zM13 3v10L7 8z')}
        </PlayerButton>
        <PlayerButton label={playing ? t('pipeline.player.pause') : t('pipeline.player.play')} onClick={props.togglePlay} disabled={disabled} primary wide>
          {playing ? icon('M4 3h3v10H4zM9 3h3v10H9z') : icon('M4 2.5v11L13 8z')}
          <span>{playing ? t('pipeline.player.pause') : t('pipeline.player.play')}</span>
        </PlayerButton>
        <PlayerButton label={t('pipeline.player.stepForward')} onClick={props.stepForward} disabled={disabled || atEnd}>
          {icon('M10 3h2v10h-2zM3 3v10l6-5z')}
        </PlayerButton>
        <label className="ml-1 flex items-center gap-1 text-sm text-slate-700 dark:text-slate-200">
          <span>{t('pipeline.player.speed')}</span>
          <select
            value={String(speed)}
            onChange={(event) => props.setSpeed(Number(event.target.value))}
            className="h-8 rounded-md border border-slate-300 bg-white px-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {SPEEDS.map((value) => (
              <option key={value} value={String(value)}>
                {t('pipeline.player.speedValue', { speed: value })}
              </option>
            ))}
          </select>
        </label>
        <PlayerButton id={hintTargetId('pipeline.player.skip')} label={t('pipeline.player.skip')} onClick={props.skipAnimation} disabled={disabled || atEnd} wide>
          {icon('M2 3v10l6-5zM8 3v10l6-5z')}
          <span>{t('pipeline.player.skip')}</span>
        </PlayerButton>
      </div>
      <div className="flex items-center gap-2">
        <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
          {/* Its own layer: the bar moving on every step repaints nothing else. */}
          <div className="h-full origin-left rounded-full bg-indigo-500 transition-transform duration-200 will-change-transform motion-reduce:transition-none" style={{ transform: `scaleX(${progress})` }} />
        </div>
        <span className="font-mono text-xs tabular-nums text-slate-600 dark:text-slate-300">{t('pipeline.progress', { current: Math.max(0, cursor + 1), total })}</span>
      </div>
      <p className="sr-only">{t('pipeline.player.keys')}</p>
    </div>
  )
}
