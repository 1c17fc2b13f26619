// One colour per actor, used by its lane, its arrows and its nodes, in both themes.
import type { Actor } from '../../engine/index'

interface ActorStyle {
  /** Text colour (SVG glyphs draw with currentColor). */
  text: string
  /** A soft fill for chips and the travelling packet. */
  chip: string
  /** Solid fill for the packet and the current node. */
  solid: string
}

export const ACTOR_STYLE: Record<Actor, ActorStyle> = {
  cookieJar: { text: 'text-amber-600 dark:text-amber-400', chip: 'bg-amber-100 text-amber-800 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800', solid: 'bg-amber-500' },
  browser: { text: 'text-sky-600 dark:text-sky-400', chip: 'bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800', solid: 'bg-sky-500' },
  middleware: { text: 'text-violet-600 dark:text-violet-400', chip: 'bg-violet-100 text-violet-800 ring-violet-300 dark:bg-violet-950/60 dark:text-violet-200 dark:ring-violet-800', solid: 'bg-violet-500' },
  routeHandler: { text: 'text-indigo-600 dark:text-indigo-400', chip: 'bg-indigo-100 text-indigo-800 ring-indigo-300 dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-800', solid: 'bg-indigo-500' },
  callbacks: { text: 'text-pink-600 dark:text-pink-400', chip: 'bg-pink-100 text-pink-800 ring-pink-300 dark:bg-pink-950/60 dark:text-pink-200 dark:ring-pink-800', solid: 'bg-pink-500' },
  jose: { text: 'text-emerald-600 dark:text-emerald-400', chip: 'bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-800', solid: 'bg-emerald-500' },
}

export const ERROR_STYLE: ActorStyle = {
  text: 'text-red-600 dark:text-red-400',
  chip: 'bg-red-100 text-red-800 ring-red-300 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-800',
  solid: 'bg-red-500',
}
