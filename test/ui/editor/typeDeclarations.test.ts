// The editors' type declarations against the real next-auth 4.24 and @auth/core 0.41 .d.ts files:
// the same type names and fields, the same callback arguments and `trigger` values, the same
// authorize signature.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TYPE_DECLARATIONS } from '../../../src/ui/editor/typeDeclarations'

const nextAuthDir = join(process.cwd(), 'node_modules', 'next-auth')
const authCoreDir = join(process.cwd(), 'node_modules', '@auth', 'core')
const real = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')

const V4_TYPES = real(nextAuthDir, 'core/types.d.ts')
const V4_JWT = real(nextAuthDir, 'jwt/types.d.ts')
const V4_CREDENTIALS = real(nextAuthDir, 'providers/credentials.d.ts')
const AUTHJS_INDEX = real(authCoreDir, 'index.d.ts')
const AUTHJS_TYPES = real(authCoreDir, 'types.d.ts')
const AUTHJS_JWT = real(authCoreDir, 'jwt.d.ts')
const AUTHJS_CREDENTIALS = real(authCoreDir, 'providers/credentials.d.ts')
const OURS_V4 = TYPE_DECLARATIONS['next-auth-v4'].map((lib) => lib.content).join('\n')
const OURS_AUTHJS = TYPE_DECLARATIONS.authjs.map((lib) => lib.content).join('\n')

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
}

/** The keys at the top level of the object types from `marker` to the next `=> Awaitable`. */
function paramKeys(text: string, marker: string): string[] {
  const start = text.indexOf(marker)
  if (start < 0) throw new Error(`marker not found: ${marker}`)
  const end = text.indexOf('=> Awaitable', start)
  const lines = stripComments(text.slice(start, end)).split('\n')
  const keys: string[] = []
  let depth = 0
  for (const [index, line] of lines.entries()) {
    const key = /^\s*(\w+)\??:/.exec(line)
    if (index > 0 && depth === 1 && key) keys.push(key[1])
    for (const char of line) depth += char === '{' ? 1 : char === '}' ? -1 : 0
  }
  return [...new Set(keys)].sort()
}

/** The fields of `interface name` (the first declaration after `from`, if given). */
function interfaceFields(text: string, name: string): string[] {
  const match = new RegExp(`interface ${name}\\b[^{]*\\{`).exec(text)
  if (!match) throw new Error(`interface ${name} not found`)
  let depth = 1
  let i = match.index + match[0].length
  const start = i
  for (; depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0
  const body = stripComments(text.slice(start, i - 1))
  const fields: string[] = []
  let level = 0
  for (const line of body.split('\n')) {
    const key = /^\s*(\w+)\??:/.exec(line)
    if (level === 0 && key) fields.push(key[1])
    for (const char of line) level += char === '{' ? 1 : char === '}' ? -1 : 0
  }
  return fields.sort()
}

function triggerValues(text: string, marker: string): string[] {
  const start = text.indexOf(marker)
  const block = text.slice(start, text.indexOf('=> Awaitable', start))
  const match = /trigger\??:\s*([^;\n]+)/.exec(stripComments(block))
  if (!match) throw new Error(`no trigger under ${marker}`)
  return [...match[1].matchAll(/"(\w+)"/g)].map((m) => m[1]).sort()
}

function signature(text: string, name: string): string {
  const cleaned = stripComments(text).replace(/\s+/g, '')
  const match = new RegExp(`${name}:\\(credentials[^=]*=>Awaitable<[^>]*>`).exec(cleaned)
  if (!match) throw new Error(`${name} signature not found`)
  return match[0]
}

describe('type declarations for next-auth v4', () => {
  it('declare the jwt callback with the real argument names', () => {
    expect(paramKeys(OURS_V4, 'jwt: (params: {')).toEqual(paramKeys(V4_TYPES, 'jwt: (params: {'))
    expect(paramKeys(OURS_V4, 'jwt: (params: {')).toEqual(['account', 'isNewUser', 'profile', 'session', 'token', 'trigger', 'user'])
  })

  it("declare trigger as the real 'signIn' | 'signUp' | 'update'", () => {
    expect(triggerValues(OURS_V4, 'jwt: (params: {')).toEqual(triggerValues(V4_TYPES, 'jwt: (params: {'))
    expect(triggerValues(V4_TYPES, 'jwt: (params: {')).toEqual(['signIn', 'signUp', 'update'])
  })

  it('declare the session callback with the real argument names (session, token, …)', () => {
    expect(paramKeys(OURS_V4, 'session: (params: {')).toEqual(paramKeys(V4_TYPES, 'session: (params: {'))
  })

  it('declare JWT, Session, User, Account, Profile and DefaultSession with the real fields', () => {
    for (const name of ['DefaultSession', 'DefaultUser', 'Profile']) expect(interfaceFields(OURS_V4, name), name).toEqual(interfaceFields(V4_TYPES, name))
    expect(interfaceFields(OURS_V4, 'DefaultJWT')).toEqual(interfaceFields(V4_JWT, 'DefaultJWT'))
    for (const name of ['JWT', 'Session', 'User', 'Account', 'Profile', 'DefaultSession', 'DefaultUser', 'CallbacksOptions', 'NextAuthOptions']) {
      expect(OURS_V4, name).toMatch(new RegExp(`export interface ${name}\\b`))
    }
    expect(V4_JWT).toMatch(/export interface JWT extends Record<string, unknown>, DefaultJWT/)
    expect(OURS_V4).toMatch(/export interface JWT extends Record<string, unknown>, DefaultJWT/)
    expect(interfaceFields(OURS_V4, 'Account')).toEqual(expect.arrayContaining(interfaceFields(V4_TYPES, 'Account')))
  })

  it('declare authorize(credentials, req) exactly as next-auth/providers/credentials does', () => {
    expect(signature(OURS_V4, 'authorize')).toBe(signature(V4_CREDENTIALS, 'authorize'))
  })
})

describe('type declarations for Auth.js (@auth/core)', () => {
  it('declare the jwt callback with the real argument names and trigger values', () => {
    expect(paramKeys(OURS_AUTHJS, 'jwt?: (params: {')).toEqual(paramKeys(AUTHJS_INDEX, 'jwt?: (params: {'))
    expect(triggerValues(OURS_AUTHJS, 'jwt?: (params: {')).toEqual(triggerValues(AUTHJS_INDEX, 'jwt?: (params: {'))
  })

  it('declare the session callback with the real argument names', () => {
    expect(paramKeys(OURS_AUTHJS, 'session?: (params: ({')).toEqual(paramKeys(AUTHJS_INDEX, 'session?: (params: ({'))
  })

  it('declare the session, user and token types with the real fields', () => {
    for (const name of ['DefaultSession', 'DefaultUser']) expect(interfaceFields(OURS_AUTHJS, name), name).toEqual(interfaceFields(AUTHJS_TYPES, name))
    expect(interfaceFields(OURS_AUTHJS, 'DefaultJWT')).toEqual(interfaceFields(AUTHJS_JWT, 'DefaultJWT'))
    expect(interfaceFields(OURS_AUTHJS, 'Account')).toEqual(expect.arrayContaining(['provider', 'providerAccountId', 'type', 'userId', 'expires_at']))
    expect(interfaceFields(AUTHJS_TYPES, 'Account')).toEqual(['expires_at', 'provider', 'providerAccountId', 'type', 'userId'])
  })

  it('declare authorize(credentials, request) exactly as @auth/core/providers/credentials does', () => {
    expect(signature(OURS_AUTHJS, 'authorize')).toBe(signature(AUTHJS_CREDENTIALS, 'authorize'))
  })
})

describe('declarations of the worker globals', () => {
  it('declare only what the sandbox worker offers (its allow-list), and no DOM', async () => {
    const { WORKER_GLOBALS } = await import('../../../src/ui/editor/typeDeclarations')
    const { SAFE_GLOBALS } = await import('../../../src/engine/sandbox/lockdown')
    const declared = [...stripComments(WORKER_GLOBALS).matchAll(/^declare (?:var|const|let|function|class) (\w+)/gm)].map((m) => m[1])
    expect(declared.length).toBeGreaterThan(10)
    for (const name of declared) expect(SAFE_GLOBALS, name).toContain(name)
    for (const name of ['fetch', 'document', 'window', 'localStorage', 'XMLHttpRequest', 'WebSocket', 'importScripts']) expect(declared).not.toContain(name)
    for (const flavor of ['next-auth-v4', 'authjs'] as const) expect(TYPE_DECLARATIONS[flavor].map((lib) => lib.content)).toContain(WORKER_GLOBALS)
  })

  it("declare the Request Auth.js's authorize gets, with the headers and body reads the sandbox gives it", async () => {
    const { WORKER_GLOBALS } = await import('../../../src/ui/editor/typeDeclarations')
    const request = /declare class Request \{([\s\S]*?)\n\}/.exec(WORKER_GLOBALS)?.[1] ?? ''
    for (const member of ['readonly method: string', 'readonly url: string', 'readonly headers: Headers', 'json(): Promise<any>', 'text(): Promise<string>']) expect(request).toContain(member)
    expect(WORKER_GLOBALS).toMatch(/declare class Headers \{[\s\S]*?get\(name: string\): string \| null/)
  })
})
