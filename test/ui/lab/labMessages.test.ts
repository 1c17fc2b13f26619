// Everything the Token lab shows is in Simplified Chinese too: every English key the lab's components
// (and the shared components they use) can render, and all of `lab.*` and `errors.*`, with the same {placeholders}.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/i18n/en'
import { errors as zhErrors } from '../../../src/i18n/zh/errors'
import { lab as zhLab } from '../../../src/i18n/zh/lab'
import { zh } from '../../../src/i18n/zh'

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries((node ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

const LAB_DIR = resolve('src/ui/lab')
const labFiles = readdirSync(LAB_DIR).map((name) => join(LAB_DIR, name))
/** A shared module by name: a component (`.tsx`) or a formatter (`.ts`). */
const sharedFile = (name: string) => ['.tsx', '.ts'].map((ext) => resolve('src/ui/shared', `${name}${ext}`)).find((file) => existsSync(file)) ?? resolve('src/ui/shared', `${name}.tsx`)
/** The lab's files and the shared modules they import. */
const renderedFiles = [
  ...labFiles,
  ...new Set(labFiles.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '\.\.\/shared\/(\w+)'/g)].map((m) => sharedFile(m[1]!)))),
]
const AREAS = Object.keys(en)

/**
 * The keys the lab can render, from the key literals in its source: `'lab.open.token'` is one key (and
 * any below it, as with `one`/`other`), `` `errors.${code}.title` `` every key under `errors.`.
 */
function renderedKeyPrefixes(): string[] {
  const prefixes = new Set<string>(['lab.', 'errors.'])
  for (const file of renderedFiles) {
    for (const [, literal] of readFileSync(file, 'utf8').matchAll(/['"`]([a-zA-Z]+\.[\w.${}-]*)/g)) {
      if (!AREAS.includes(literal!.split('.')[0]!)) continue
      prefixes.add(literal!.split('${')[0]!)
    }
  }
  return [...prefixes].sort()
}

describe('the lab’s messages in Simplified Chinese', () => {
  it('finds the keys the lab renders from its source', () => {
    expect(renderedKeyPrefixes()).toEqual(expect.arrayContaining(['app.shared.whatToDo', 'app.shared.copyWhat', 'errors.', 'lab.', 'lab.failure.causesText.']))
    expect(renderedFiles.some((file) => file.endsWith('ErrorExplanation.tsx'))).toBe(true)
  })

  it('are all translated, with the same placeholders', () => {
    const english = leaves(en)
    const chinese = leaves(zh)
    for (const prefix of renderedKeyPrefixes()) {
      const keys = [...english.keys()].filter((key) => key.startsWith(prefix))
      expect(keys.length, prefix).toBeGreaterThan(0)
      expect([prefix, keys.filter((key) => !chinese.has(key))]).toEqual([prefix, []])
      for (const key of keys) expect([key, placeholders(chinese.get(key)!)]).toEqual([key, placeholders(english.get(key)!)])
    }
  })

  it('have no keys English does not have', () => {
    const english = leaves(en)
    expect([...leaves({ lab: zhLab, errors: zhErrors }).keys()].filter((key) => !english.has(key))).toEqual([])
  })

  it('are wired into the Chinese catalogue', () => {
    expect(zh.lab).toBe(zhLab)
    expect(zh.errors).toBe(zhErrors)
  })
})
