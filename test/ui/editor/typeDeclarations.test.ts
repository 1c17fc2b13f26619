// The editors' type declarations against the real next-auth 4.24, @auth/core 0.41 and next-auth v5
// .d.ts files: the same type names and fields, the same callback arguments and `trigger` values, the
// same authorize signature, the same re-exports; and the code a learner writes, checked by Monaco's own
// TypeScript with them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STARTER_CODE } from '../../../src/engine/index'
import { TYPE_DECLARATIONS } from '../../../src/ui/editor/typeDeclarations'
import { typeCheck } from './monacoTypeCheck'
import { V5_SESSION_WITH_ROLE } from '../../helpers/v5Callbacks'

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

/** The body of `declare module 'name' { … }` in our declarations. */
function moduleBlock(text: string, name: string): string {
  const open = text.indexOf(`declare module '${name}' {`)
  if (open < 0) throw new Error(`module ${name} not declared`)
  let depth = 0
  for (let i = text.indexOf('{', open); i < text.length; i++) {
    depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0
    if (depth === 0) return text.slice(text.indexOf('{', open) + 1, i)
  }
  throw new Error(`module ${name} not closed`)
}

/** The names a module's text exports (`export { a, b }`, `export type { … } from`, `export interface X`, `export default`). */
function exportedNames(text: string): string[] {
  const code = stripComments(text)
  const names = new Set<string>()
  for (const match of code.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) for (const name of match[1].split(',')) if (name.trim()) names.add(name.trim().split(/\s+as\s+/).at(-1)!)
  for (const match of code.matchAll(/export\s+(?:declare\s+)?(?:interface|type|function|class|const)\s+(\w+)/g)) names.add(match[1])
  if (/export\s+default\b/.test(code)) names.add('default')
  return [...names].sort()
}

/** A module's statements, comments, source-map notes, quote style and semicolons aside. */
function statements(text: string): string[] {
  return stripComments(text)
    .replace(/"/g, "'")
    .split(/[;\n]/)
    .map((line) => line.trim())
    .filter(Boolean)
}

describe('type declarations for next-auth v5 (Auth.js flavour)', () => {
  const v5Dir = join(process.cwd(), 'node_modules', 'next-auth-v5')
  const V5_INDEX = real(v5Dir, 'index.d.ts')
  const V5_LIB = real(v5Dir, 'lib/index.d.ts')
  const NEXT_AUTH = moduleBlock(OURS_AUTHJS, 'next-auth')

  it('are checked against next-auth 5.0.0-beta.32', () => {
    expect(JSON.parse(real(v5Dir, 'package.json')).version).toBe('5.0.0-beta.32')
  })

  it("re-export @auth/core's Session, User, DefaultSession, Account and Profile from next-auth, as the real package does", () => {
    const reExported = (text: string) => exportedNames(/export type \{[^}]*\} from ["']@auth\/core\/types["']/.exec(stripComments(text))?.[0] ?? '')
    expect(reExported(NEXT_AUTH)).toEqual(reExported(V5_INDEX))
    expect(reExported(V5_INDEX)).toEqual(['Account', 'DefaultSession', 'Profile', 'Session', 'User'])
  })

  it('declare NextAuthConfig as the real one: AuthConfig without raw, its callbacks plus the authorized callback', () => {
    const shape = /interface NextAuthConfig extends Omit<AuthConfig, "raw"> \{\s*callbacks\?: AuthConfig\["callbacks"\] & \{\s*authorized\?:/
    expect(stripComments(V5_LIB)).toMatch(shape)
    expect(stripComments(NEXT_AUTH)).toMatch(shape)
    expect(paramKeys(NEXT_AUTH, 'authorized?: (params: {')).toEqual(paramKeys(V5_LIB, 'authorized?: (params: {'))
  })

  it('export from next-auth only names the real package exports', () => {
    const ours = exportedNames(NEXT_AUTH)
    expect(ours).toEqual(expect.arrayContaining(['NextAuthConfig', 'Session', 'User', 'DefaultSession', 'default']))
    for (const name of ours) expect(exportedNames(V5_INDEX), name).toContain(name)
  })

  it("re-export AuthError and CredentialsSignin from next-auth as the real package does, declared as @auth/core/errors declares them", () => {
    const reExport = /export \{ AuthError, CredentialsSignin \} from ["']@auth\/core\/errors["']/
    expect(stripComments(V5_INDEX)).toMatch(reExport)
    expect(stripComments(NEXT_AUTH)).toMatch(reExport)
    // The classes, statement by statement ("declare" aside: our module block is already ambient).
    const realErrors = statements(real(authCoreDir, 'errors.d.ts')).map((line) => line.replace(/^export declare /, 'export '))
    const classOf = (lines: string[], name: string) => {
      const start = lines.findIndex((line) => line.startsWith(`export class ${name} `))
      if (start < 0) throw new Error(`class ${name} not found`)
      return lines.slice(start, start + lines.slice(start).indexOf('}') + 1)
    }
    const ours = statements(moduleBlock(OURS_AUTHJS, '@auth/core/errors'))
    for (const name of ['AuthError', 'SignInError', 'CredentialsSignin']) expect(classOf(ours, name), name).toEqual(classOf(realErrors, name))
    expect(ours.find((line) => line.startsWith('type ErrorType'))).toBe(realErrors.find((line) => line.startsWith('type ErrorType')))
  })

  it.each([
    ['next-auth/jwt', 'jwt.d.ts'],
    ['next-auth/providers/credentials', 'providers/credentials.d.ts'],
    ['next-auth/adapters', 'adapters.d.ts'],
  ])("declare %s as the real package does: @auth/core's types, re-exported", (name, file) => {
    expect(statements(moduleBlock(OURS_AUTHJS, name))).toEqual(statements(real(v5Dir, file)).filter((line) => !line.startsWith('//#')))
  })
})

describe("the editors' TypeScript check with these declarations (Monaco's own compiler)", () => {
  const V5_AUTHORIZE = `import Credentials from 'next-auth/providers/credentials'
import type { User } from 'next-auth'

declare module 'next-auth' {
  interface User {
    role?: string
  }
}

export const provider = Credentials({
  credentials: { email: {}, password: {} },
  async authorize(credentials, request) {
    const user = users.find((u) => u.email === credentials.email && u.password === credentials.password)
    const found: User | null = user ? { id: String(user.id), email: user.email, role: user.role } : null
    return found
  },
})
`
  const V5_JWT = `import type { NextAuthConfig } from 'next-auth'
import type { JWT } from 'next-auth/jwt'

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string
  }
}

export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user }) {
    if (user) token.role = user.role
    const wrong: number = token.role
    const checked: JWT = token
    return checked
  },
}
`

  it.each(['next-auth-v4', 'authjs'] as const)('find no problem in the %s starting code', { timeout: 60_000 }, async (flavor) => {
    expect(await typeCheck(flavor, STARTER_CODE[flavor])).toEqual([])
  })

  it("type-check a next-auth v5 app's callbacks in the Auth.js flavour: imports from next-auth, augmentations of next-auth and next-auth/jwt", { timeout: 60_000 }, async () => {
    // The augmentations reach the callbacks' arguments: user.role and token.role are string | undefined, so only the wrong line is a problem.
    expect(await typeCheck('authjs', { authorize: V5_AUTHORIZE, jwt: V5_JWT, session: V5_SESSION_WITH_ROLE })).toEqual([
      { file: 'jwt', line: 13, code: 2322, message: "Type 'string | undefined' is not assignable to type 'number'." },
    ])
  })

  it("type-check a CredentialsSignin subclass thrown from authorize, imported from next-auth or @auth/core/errors", { timeout: 60_000 }, async () => {
    const authorize = `import Credentials from 'next-auth/providers/credentials'
import { CredentialsSignin } from 'next-auth'
import { CredentialsSignin as CoreCredentialsSignin } from '@auth/core/errors'

class InvalidLoginError extends CredentialsSignin {
  code = 'invalid_credentials'
}

export const provider = Credentials({
  credentials: { email: {}, password: {} },
  async authorize(credentials) {
    const user = users.find((u) => u.email === credentials.email)
    if (!user) throw new InvalidLoginError()
    if (user.password !== credentials.password) throw new CoreCredentialsSignin('wrong password')
    const code: number = new CoreCredentialsSignin().code
    return { id: String(user.id), email: user.email }
  },
})
`
    expect(await typeCheck('authjs', { ...STARTER_CODE.authjs, authorize })).toEqual([
      { file: 'authorize', line: 15, code: 2322, message: "Type 'string' is not assignable to type 'number'." },
    ])
  })

  it('refuse v4 names in the Auth.js flavour, as next-auth v5 does', { timeout: 60_000 }, async () => {
    const problems = await typeCheck('authjs', { ...STARTER_CODE.authjs, jwt: STARTER_CODE['next-auth-v4'].jwt })
    const messages = problems.map((problem) => problem.message).join('\n')
    expect(messages).toMatch(/Module '"next-auth"' has no exported member 'NextAuthOptions'/)
    expect(messages).not.toMatch(/Cannot find module 'next-auth'|module 'next-auth\/jwt' cannot be found/)
  })
})
