// The Simplified Chinese for the screen's areas is complete and keeps every placeholder.
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/i18n/en'
import { zh } from '../../../src/i18n/zh'

const AREAS = ['app', 'controls', 'config', 'cookieJar', 'session'] as const
/** Code the learner types or reads verbatim; English on purpose. */
const VERBATIM = new Set(['controls.signIn.call'])

function leaves(node: unknown, prefix: string): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`))
}

function lookup(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root)
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each(AREAS)('zh.%s', (area) => {
  const entries = leaves(en[area], area)

  it('translates every key', () => {
    const missing = entries.filter(([key]) => !VERBATIM.has(key) && typeof lookup(zh, key) !== 'string').map(([key]) => key)
    expect(missing).toEqual([])
  })

  it('keeps the same {placeholders} as the English text', () => {
    const wrong = entries.filter(([key, text]) => typeof lookup(zh, key) === 'string' && placeholders(lookup(zh, key) as string).join() !== placeholders(text).join()).map(([key]) => key)
    expect(wrong).toEqual([])
  })

  it('has no keys the English source lacks', () => {
    const extra = leaves(zh[area], area).filter(([key]) => typeof lookup(en, key) !== 'string').map(([key]) => key)
    expect(extra).toEqual([])
  })
})
