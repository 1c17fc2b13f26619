// jwt.io-style colours per token part, readable in both themes.
import type { TokenPart } from '../../engine/index'

export const PART_STYLE: Record<TokenPart, { text: string; swatch: string }> = {
  token: { text: 'text-slate-700 dark:text-slate-200', swatch: 'bg-slate-400' },
  header: { text: 'text-rose-700 dark:text-rose-300', swatch: 'bg-rose-500' },
  encryptedKey: { text: 'text-slate-600 dark:text-slate-300', swatch: 'bg-slate-400' },
  iv: { text: 'text-violet-700 dark:text-violet-300', swatch: 'bg-violet-500' },
  ciphertext: { text: 'text-sky-700 dark:text-sky-300', swatch: 'bg-sky-500' },
  tag: { text: 'text-emerald-700 dark:text-emerald-300', swatch: 'bg-emerald-500' },
  payload: { text: 'text-violet-700 dark:text-violet-300', swatch: 'bg-violet-500' },
  signature: { text: 'text-sky-700 dark:text-sky-300', swatch: 'bg-sky-500' },
}
