// The Simplified Chinese catalogue is complete for every area of the English source (every area is
// rendered on the playground screen or the Token lab, including the error explanations), keeps every
// placeholder, and has nothing the English source lacks. What stays English is listed below, with why.
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/i18n/en'
import { zh } from '../../../src/i18n/zh'

const AREAS = Object.keys(en) as (keyof typeof en)[]

/** English on purpose: code and names the learner types or reads verbatim, and the editors' public names. */
const VERBATIM = new Set([
  // the call the form makes, as code
  'controls.signIn.call',
  // code tokens drawn on the swimlane and in the step details
  'pipeline.runHeading',
  'pipeline.player.speedValue',
  'pipeline.short.flowStarted',
  'pipeline.short.csrf',
  'pipeline.short.callbackCalled',
  'pipeline.short.clientUpdated',
  'pipeline.short.log',
  'pipeline.short.getToken',
  'pipeline.short.clock',
  'pipeline.short.setCookies',
  'pipeline.details.maxAge',
  'pipeline.details.maxAgeFromNames.jwtMaxAge',
  'pipeline.details.maxAgeFromNames.sessionMaxAge',
  'pipeline.details.setCookieLine',
  'pipeline.details.sessionExpires',
  'pipeline.details.getToken.secureCookie',
  'pipeline.details.getToken.salt',
  'pipeline.details.config.secureCookies',
  'pipeline.details.config.sessionMaxAge',
  'pipeline.details.config.jwtMaxAge',
  'pipeline.details.config.updateAge',
  'pipeline.details.expiries.tokenExp',
  'pipeline.details.expiries.cookieExpires',
  'pipeline.details.expiries.sessionExpires',
  // HKDF parameter names, as in the spec and in jose
  'inspector.ladder.hkdf',
  'inspector.ladder.hash',
  'inspector.ladder.salt',
  'inspector.ladder.info',
  'inspector.ladder.length',
  'inspector.ladder.kid',
  // The editors' accessible names are a fixed public contract (tests, benches and screen-reader users
  // find the editors by them in every language): see src/i18n/zh/editor.ts.
  'editor.names.authorize',
  'editor.names.jwt',
  'editor.names.session',
])

function leaves(node: unknown, prefix: string): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`))
}

function lookup(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root)
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

it('covers every area of the English source', () => {
  expect(AREAS).toEqual(expect.arrayContaining(['app', 'controls', 'config', 'cookieJar', 'session', 'pipeline', 'inspector', 'editor', 'errors', 'lab']))
})

it('lists only keys that exist as verbatim', () => {
  expect([...VERBATIM].filter((key) => typeof lookup(en, key) !== 'string')).toEqual([])
  expect([...VERBATIM].filter((key) => typeof lookup(zh, key) === 'string')).toEqual([])
})

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
    const extra = leaves(zh[area] ?? {}, area).filter(([key]) => typeof lookup(en, key) !== 'string').map(([key]) => key)
    expect(extra).toEqual([])
  })
})
