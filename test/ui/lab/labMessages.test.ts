// The lab's Simplified Chinese covers every English key, and keeps the same {placeholders}.
import { describe, expect, it } from 'vitest'
import { lab as en } from '../../../src/i18n/en/lab'
import { lab as zh } from '../../../src/i18n/zh/lab'
import { zh as zhCatalog } from '../../../src/i18n/zh'

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('lab messages', () => {
  it('are all translated, with the same placeholders', () => {
    const english = leaves(en)
    const chinese = leaves(zh)
    expect([...english.keys()].filter((key) => !chinese.has(key))).toEqual([])
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([])
    for (const [key, text] of english) expect([key, placeholders(chinese.get(key)!)]).toEqual([key, placeholders(text)])
  })

  it('are wired into the Chinese catalogue', () => {
    expect(zhCatalog.lab).toBe(zh)
  })
})
