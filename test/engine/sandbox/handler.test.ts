// The worker's message handler, called as a plain function in Node (no worker).
import { describe, expect, it } from 'vitest'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'
import type { RunReply, SandboxCallbackName } from '../../../src/engine/sandbox/protocol'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'
import type { MockUser } from '../../../src/engine'

const USERS: MockUser[] = [{ id: 1, name: 'Alice', email: 'alice@example.com', password: 'wonderland', image: null, role: 'admin' }]

let nextId = 1
async function run(callback: SandboxCallbackName, source: string, args: unknown[], handle = createWorkerHandler()): Promise<RunReply> {
  return handle({ type: 'run', id: nextId++, callback, source, args, users: USERS })
}

function jwtSource(body: string): string {
  return `export const callbacks = {\n  async jwt({ token, user }: any) {\n${body}\n  },\n}\n`
}

describe('createWorkerHandler: the seed callbacks', () => {
  it('authorize finds the mock user by email and password and returns { id, email, … }', async () => {
    const reply = await run('authorize', STARTER_CODE['next-auth-v4'].authorize, [{ email: 'alice@example.com', password: 'wonderland', csrfToken: 'x' }, { method: 'POST' }])
    expect(reply).toMatchObject({ ok: true, value: { email: 'alice@example.com', name: 'Alice', role: 'admin' } })
    expect(reply.ok && String((reply.value as { id: unknown }).id)).toBe('1')
  })

  it('authorize returns null for a wrong password', async () => {
    const reply = await run('authorize', STARTER_CODE['next-auth-v4'].authorize, [{ email: 'alice@example.com', password: 'nope' }, {}])
    expect(reply).toMatchObject({ ok: true, value: null })
  })

  it('jwt copies user.id into token.id at sign-in and leaves the token alone afterwards', async () => {
    const handle = createWorkerHandler()
    const signIn = await run('jwt', STARTER_CODE['next-auth-v4'].jwt, [{ token: { sub: '1' }, user: { id: '1' }, trigger: 'signIn' }], handle)
    expect(signIn).toMatchObject({ ok: true, value: { sub: '1', id: '1' } })
    const read = await run('jwt', STARTER_CODE['next-auth-v4'].jwt, [{ token: { sub: '1', id: '1', iat: 5 } }], handle)
    expect(read).toMatchObject({ ok: true, value: { sub: '1', id: '1', iat: 5 } })
  })

  it('session copies token.id into session.user.id', async () => {
    const reply = await run('session', STARTER_CODE['next-auth-v4'].session, [{ session: { user: { name: 'Alice' }, expires: 'x' }, token: { id: '1' } }])
    expect(reply).toMatchObject({ ok: true, value: { user: { name: 'Alice', id: '1' }, expires: 'x' } })
  })

  it('runs the Auth.js starter code the same way', async () => {
    const reply = await run('authorize', STARTER_CODE.authjs.authorize, [{ email: 'alice@example.com', password: 'wonderland' }, {}])
    expect(reply.ok && String((reply.value as { id: unknown }).id)).toBe('1')
    const jwt = await run('jwt', STARTER_CODE.authjs.jwt, [{ token: {}, user: { id: '1' } }])
    expect(jwt).toMatchObject({ ok: true, value: { id: '1' } })
  })
})

describe('createWorkerHandler: how a source maps to a function', () => {
  it('accepts an exported function declaration named after the callback', async () => {
    const reply = await run('jwt', 'export async function jwt({ token }: { token: Record<string, unknown> }) {\n  return { ...token, a: 1 }\n}\n', [{ token: { b: 2 } }])
    expect(reply).toMatchObject({ ok: true, value: { a: 1, b: 2 } })
  })

  it('accepts a plain (not exported) function declaration', async () => {
    const reply = await run('session', 'function session({ session }: any) { return session }', [{ session: { expires: 'e' } }])
    expect(reply).toMatchObject({ ok: true, value: { expires: 'e' } })
  })

  it('reports a source without the callback as a syntax error that names what is missing', async () => {
    const reply = await run('jwt', 'export const x = 1', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', reason: 'missing-function' } } })
  })

  it('lets authorize read the current mock users through `users`', async () => {
    const handle = createWorkerHandler()
    const source = 'export function authorize() { return { id: String(users.length), email: users[0]?.email } }'
    const first = await handle({ type: 'run', id: 1, callback: 'authorize', source, args: [{}, {}], users: USERS })
    const second = await handle({ type: 'run', id: 2, callback: 'authorize', source, args: [{}, {}], users: [] })
    expect(first).toMatchObject({ ok: true, value: { id: '1', email: 'alice@example.com' } })
    expect(second).toMatchObject({ ok: true, value: { id: '0' } })
  })
})

describe('createWorkerHandler: top-level names of the learner module', () => {
  it.each(['users', 'fetch', 'document', 'console', 'self', 'globalThis'])('lets a top-level `const %s` shadow the sandbox name of that name', async (name) => {
    const source = `const ${name} = { marker: '${name}' }\nexport function jwt({ token }: any) {\n  return { ...token, marker: ${name}.marker }\n}\n`
    const reply = await run('jwt', source, [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, value: { marker: name } })
  })

  it('still maps a throw after such a declaration to the learner line', async () => {
    const reply = await run('jwt', 'const users = []\nexport function jwt() {\n  throw new Error("x3")\n}\n', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { line: 3, reason: 'x3' } } })
  })

  it('keeps the module strict', async () => {
    const reply = await run('jwt', 'export function jwt({ token }: any) {\n  undeclared = 1\n  return token\n}\n', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { name: 'ReferenceError', line: 2 } } })
  })

  it('still refuses the real API where the learner did not declare the name', async () => {
    const reply = await run('jwt', 'const users = []\nexport async function jwt() {\n  return fetch("https://example.com")\n}\n', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: 'fetch', line: 3 } } })
  })
})

describe('createWorkerHandler: warm', () => {
  it('transpiles sources ahead of time without running them, and the run then answers as usual', async () => {
    const handle = createWorkerHandler()
    const source = 'console.log("top level")\nexport function jwt({ token }: any) { return { ...token, warm: true } }'
    const results = await handle.warm({ jwt: { source } })
    expect(results.jwt).toMatchObject({ ok: true, compiled: expect.stringContaining('console.log("top level")') })
    const reply = await run('jwt', source, [{ token: {} }], handle)
    expect(reply).toMatchObject({ ok: true, value: { warm: true }, logs: [{ level: 'log', text: 'top level' }] })
  })

  it('says which sources do not compile, and leaves them for their run to report', async () => {
    const handle = createWorkerHandler()
    const source = 'export function jwt({ token }: any) {\n  return token +\n}\n'
    const results = await handle.warm({ jwt: { source } })
    expect(results.jwt).toMatchObject({ ok: false, error: { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 3 } } })
    const reply = await run('jwt', source, [{ token: {} }], handle)
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 3 } } })
  })

  it("answers a warm message with the worker's own failure, not with nothing", async () => {
    const broken = { transpile: () => { throw new TypeError('the compiler broke') }, transpileWithMap: () => { throw new TypeError('the compiler broke') } }
    const handle = createWorkerHandler(globalThis, { loadTranspiler: async () => broken })
    const reply = await handle.answerWarm({ type: 'warm', id: 7, sources: { jwt: { source: 'export function jwt() {}' } } })
    expect(reply).toEqual({
      type: 'warmed',
      id: 7,
      results: {},
      error: { code: 'SANDBOX_UNAVAILABLE', message: 'the callback worker could not check the code: TypeError: the compiler broke', details: { reason: 'check-failed' } },
    })
    // The reply crosses to the page as it is.
    expect(structuredClone(reply)).toEqual(reply)
    await expect(handle.answerWarm({ type: 'warm', id: 8, sources: { jwt: { source: 'export function jwt({ token }: any) { return token }', compiled: 'exports.jwt = ({ token }) => token' } } })).resolves.toMatchObject({ id: 8, results: { jwt: { ok: true } } })
  })
})

describe('createWorkerHandler: logs', () => {
  it('captures console.log/info/warn/error per call, rendered to text', async () => {
    const handle = createWorkerHandler()
    const source = jwtSource('    console.log("token", token)\n    console.info(1, true)\n    console.warn(undefined)\n    console.error(new Error("bad"))\n    return token')
    const reply = await run('jwt', source, [{ token: { a: 1 } }], handle)
    expect(reply.logs).toEqual([
      { level: 'log', text: 'token {"a":1}' },
      { level: 'info', text: '1 true' },
      { level: 'warn', text: 'undefined' },
      { level: 'error', text: 'Error: bad' },
    ])
    const again = await run('jwt', jwtSource('    return token'), [{ token: {} }], handle)
    expect(again.logs).toEqual([])
  })

  it('keeps the logs of a call that throws', async () => {
    const reply = await run('jwt', jwtSource('    console.log("before")\n    throw new Error("x")'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, logs: [{ level: 'log', text: 'before' }] })
  })
})

describe('createWorkerHandler: errors map back to the learner source', () => {
  it('reports a throw with its message and the line/column in the TypeScript source', async () => {
    // Type annotations before the throw on the same line move columns in the JavaScript; the map undoes it.
    const source = 'export const callbacks = {\n  async jwt({ token }: { token: Record<string, unknown> }) {\n    const n: number = 1; throw new Error("x" + n)\n  },\n}\n'
    const reply = await run('jwt', source, [{ token: {} }])
    // V8 points at the `new Error(…)` that made the error.
    const column = source.split('\n')[2].indexOf('new Error') + 1
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { callback: 'jwt', line: 3, reason: 'x1' } } })
    expect(reply.ok === false && reply.error.details.column).toBe(column)
    expect(reply.ok === false && reply.error.message).toContain('x1')
  })

  it('reports a rejected promise like a throw', async () => {
    const source = jwtSource('    return Promise.reject(new TypeError("nope"))')
    const reply = await run('jwt', source, [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { name: 'TypeError', reason: 'nope', line: 3 } } })
  })

  it('reports a thrown non-Error value by its text', async () => {
    const reply = await run('jwt', jwtSource('    throw "plain"'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { reason: 'plain' } } })
  })

  it('keeps line numbers through the transpile for every line', async () => {
    const lines = ['import type { JWT } from "next-auth/jwt"', 'interface Extra { a: string }', 'type T = JWT & Extra', 'export function jwt({ token }: { token: T }): T {', '  const x: Extra = { a: "1" }', '  if (x.a) throw new Error("line 6")', '  return token', '}']
    const reply = await run('jwt', lines.join('\n'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { details: { line: 6, column: lines[5].indexOf('new Error') + 1 } } })
  })

  it('reports a syntax error with its line and column, without running anything', async () => {
    const source = 'export const callbacks = {\n  async jwt({ token }) {\n    console.log("ran")\n    return token +\n  },\n}\n'
    const reply = await run('jwt', source, [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, logs: [], error: { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt', line: 5 } } })
  })

  it('runs code with type errors (types only warn)', async () => {
    const reply = await run('jwt', 'export function jwt({ token }: { token: { a: number } }) {\n  const s: string = token.a\n  return { s }\n}', [{ token: { a: 1 } }])
    expect(reply).toMatchObject({ ok: true, value: { s: 1 } })
  })
})

describe('createWorkerHandler: return values', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['a function', 'return () => 1', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'function', path: 'return' } }],
    ['a nested function', 'return { ...token, f() { return 1 } }', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'function', path: 'return.f' } }],
    ['a symbol', 'return { s: Symbol("x") }', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'symbol', path: 'return.s' } }],
    ['a BigInt', 'return { a: 1n }', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'bigint', path: 'return.a' } }],
    ['a circular object', 'const o: any = { a: 1 }; o.self = o; return o', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'circular', path: 'return.self' } }],
    ['a class instance', 'return { when: new Date(0) }', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'class-instance', path: 'return.when' } }],
    ['a Map in an array', 'return { list: [1, new Map()] }', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'class-instance', path: 'return.list[1]' } }],
    ['undefined', 'return undefined', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'undefined', callback: 'jwt' } }],
    ['nothing', '', { code: 'SANDBOX_BAD_RETURN', details: { reason: 'undefined' } }],
  ]
  for (const [label, body, error] of cases) {
    it(`refuses ${label} from jwt with a specific code`, async () => {
      const reply = await run('jwt', jwtSource(`    ${body}`), [{ token: {} }])
      expect(reply).toMatchObject({ ok: false, error })
    })
  }

  it('passes null and primitives through: the flow decides what NextAuth does with them', async () => {
    await expect(run('jwt', jwtSource('    return null'), [{ token: {} }])).resolves.toMatchObject({ ok: true, value: null })
    await expect(run('jwt', jwtSource('    return 42'), [{ token: {} }])).resolves.toMatchObject({ ok: true, value: 42 })
  })

  it('lets authorize return undefined (NextAuth reads it as "no user")', async () => {
    const reply = await run('authorize', 'export function authorize() { return undefined }', [{}, {}])
    expect(reply).toMatchObject({ ok: true, value: undefined })
  })

  it('allows shared (non-circular) references and undefined fields', async () => {
    const reply = await run('jwt', jwtSource('    const shared = { x: 1 }\n    return { a: shared, b: shared, picture: undefined }'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, value: { a: { x: 1 }, b: { x: 1 } } })
  })

  it('refuses a return larger than 1 MB with its size', async () => {
    const reply = await run('jwt', jwtSource('    return { big: "x".repeat(5 * 1024 * 1024) }'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_RETURN_TOO_LARGE', details: { callback: 'jwt', sizeBytes: 5 * 1024 * 1024 + 10, limitBytes: 1024 * 1024 } } })
  })
})

describe('createWorkerHandler: forbidden APIs', () => {
  const cases: [string, string][] = [
    ['fetch', 'await fetch("https://example.com")'],
    ['XMLHttpRequest', 'new XMLHttpRequest()'],
    ['WebSocket', 'new WebSocket("wss://example.com")'],
    ['EventSource', 'new EventSource("/x")'],
    ['importScripts', 'importScripts("x")'],
    ['indexedDB', 'indexedDB.open("x")'],
    ['Worker', 'new Worker("x")'],
    ['localStorage', 'localStorage.getItem("x")'],
    ['document', 'document.cookie'],
    ['fetch', 'await globalThis.fetch("https://example.com")'],
    ['fetch', 'await self.fetch("https://example.com")'],
    ['Function', 'Function("return 1")()'],
    ['postMessage', 'postMessage({ type: "result" })'],
  ]
  for (const [api, code] of cases) {
    it(`refuses ${code} with SANDBOX_FORBIDDEN_API (${api})`, async () => {
      const reply = await run('jwt', jwtSource(`    ${code}\n    return token`), [{ token: {} }])
      expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { callback: 'jwt', api, line: 3 } } })
    })
  }

  it('says that callbacks cannot make network requests', async () => {
    const reply = await run('jwt', jwtSource('    await fetch("https://example.com")'), [{ token: {} }])
    expect(reply.ok === false && reply.error.message).toContain('callbacks in the playground cannot make network requests; mock the data instead')
  })

  it('refuses dynamic import() (it becomes a require of an unknown module)', async () => {
    const reply = await run('jwt', jwtSource('    await import("https://example.com/x.js")\n    return token'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: "import 'https://example.com/x.js'" } } })
    expect(reply.ok === false && reply.error.message).toContain('cannot make network requests')
  })

  it('refuses an import named after an Object.prototype property', async () => {
    const reply = await run('jwt', 'import * as o from "constructor"\nexport function jwt() { return { o: typeof o } }', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: "import 'constructor'" } } })
  })

  it('refuses value imports of modules the playground does not have', async () => {
    const reply = await run('jwt', 'import jose from "jose"\nexport function jwt() { return jose }', [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: "import 'jose'" } } })
  })

  it('still lets callbacks use timers and JSON through globalThis', async () => {
    const reply = await run('jwt', jwtSource('    await new Promise((r) => globalThis.setTimeout(r, 1))\n    return globalThis.JSON.parse("{\\"a\\":1}")'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, value: { a: 1 } })
  })
})

describe('createWorkerHandler: returnedArgument', () => {
  it('tells when the callback returned its argument object itself (return token)', async () => {
    const same = await run('jwt', jwtSource('    token.x = 1\n    return token'), [{ token: {} }])
    expect(same).toMatchObject({ ok: true, returnedArgument: 'token' })
    const copy = await run('jwt', jwtSource('    return { ...token, x: 1 }'), [{ token: {} }])
    expect(copy.ok && 'returnedArgument' in copy).toBe(false)
  })

  it('runs the flow engine\'s DEFAULT_CALLBACK_SOURCES with the same results as its plain-function runner', async () => {
    const { DEFAULT_CALLBACK_SOURCES, createDefaultRunner } = await import('../../../src/engine/flow/defaultCallbacks')
    const plain = createDefaultRunner()
    const calls: [SandboxCallbackName, unknown[]][] = [
      ['authorize', [{ email: 'alice@example.com', password: 'wonderland' }, {}]],
      ['authorize', [{ email: 'alice@example.com', password: 'wrong' }, {}]],
      ['jwt', [{ token: { sub: '1' }, user: { id: '1' } }]],
      ['session', [{ session: { user: {} }, token: { id: '1' } }]],
    ]
    for (const [name, args] of calls) {
      const sandboxed = await run(name, DEFAULT_CALLBACK_SOURCES[name], structuredClone(args))
      const direct = await plain.run(name, structuredClone(args), { users: USERS, timer: () => 0 })
      expect(sandboxed.ok && direct.ok, name).toBe(true)
      expect(sandboxed.ok && sandboxed.value, name).toEqual(direct.ok && direct.value)
    }
  })
})

describe('createWorkerHandler: one call cannot poison the next', () => {
  it('keeps refusing a too-large return after a callback replaced JSON.stringify', async () => {
    const handle = createWorkerHandler()
    const original = JSON.stringify
    try {
      await run('jwt', jwtSource('    JSON.stringify = () => "1"\n    return token'), [{ token: {} }], handle)
      expect(JSON.stringify({})).toBe('1')
      const reply = await run('jwt', jwtSource('    return { big: "x".repeat(2 * 1024 * 1024) }'), [{ token: {} }], handle)
      expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_RETURN_TOO_LARGE' } })
    } finally {
      JSON.stringify = original
    }
  })

  it('keeps refusing a Date after a callback replaced Object.keys', async () => {
    const handle = createWorkerHandler()
    const original = Object.keys
    try {
      await run('jwt', jwtSource('    Object.keys = () => []\n    return token'), [{ token: {} }], handle)
      const reply = await run('jwt', jwtSource('    return { when: new Date(0) }'), [{ token: {} }], handle)
      expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_BAD_RETURN', details: { reason: 'class-instance', path: 'return.when' } } })
    } finally {
      Object.keys = original
    }
  })

  it('gives authorize the mock users again after a callback froze the array', async () => {
    const handle = createWorkerHandler()
    const source = 'export function authorize() {\n  Object.freeze(users)\n  return { id: String(users.length) }\n}\n'
    await expect(run('authorize', source, [{}, {}], handle)).resolves.toMatchObject({ ok: true, value: { id: '1' } })
    const reply = await handle({ type: 'run', id: nextId++, callback: 'authorize', source, args: [{}, {}], users: [...USERS, { ...USERS[0], id: 2 }] })
    expect(reply).toMatchObject({ ok: true, value: { id: '2' } })
  })
})

describe('createWorkerHandler: what leaves the worker is a copy', () => {
  it('refuses a Proxy as not cloneable (instead of failing to post it)', async () => {
    const reply = await run('jwt', jwtSource('    return new Proxy({ a: 1 }, {})'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_BAD_RETURN', details: { reason: 'not-cloneable', path: 'return' } } })
  })

  it('refuses a getter that hands out a function the second time it is read', async () => {
    const reply = await run('jwt', jwtSource('    let n = 0\n    return { get a() { return n++ ? () => 1 : 1 } }'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_BAD_RETURN', details: { reason: 'not-cloneable' } } })
  })

  it('refuses a getter that hands out a Date the second time it is read', async () => {
    const reply = await run('jwt', jwtSource('    let n = 0\n    return { get a() { return n++ ? new Date(0) : 1 } }'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_BAD_RETURN', details: { reason: 'class-instance', path: 'return.a' } } })
  })

  it('answers with plain data, read once, not the object the callback made', async () => {
    const reply = await run('jwt', jwtSource('    let n = 0\n    return { get a() { return ++n } }'), [{ token: {} }])
    expect(reply.ok).toBe(true)
    const descriptor = Object.getOwnPropertyDescriptor(reply.ok ? reply.value : {}, 'a')
    expect(descriptor).toMatchObject({ value: 2, writable: true })
  })
})

describe('createWorkerHandler: timers belong to their call', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('clears a call\'s pending timers when it settles, so none runs during a later call', async () => {
    const handle = createWorkerHandler()
    const source = 'let fired = 0\nexport async function jwt({ token }: any) {\n  if (token.start) {\n    setTimeout(() => { fired++ }, 20)\n    setInterval(() => { fired++; console.log("leak") }, 10)\n  }\n  return { fired }\n}\n'
    await expect(run('jwt', source, [{ token: { start: true } }], handle)).resolves.toMatchObject({ ok: true, value: { fired: 0 } })
    await wait(40)
    const later = await run('jwt', source, [{ token: {} }], handle)
    expect(later).toMatchObject({ ok: true, value: { fired: 0 }, logs: [] })
  })

  it('still runs timers that are due before the call answers, as part of that call', async () => {
    const reply = await run('jwt', jwtSource('    setTimeout(() => console.log("due"), 0)\n    return token'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, logs: [{ level: 'log', text: 'due' }] })
  })

  it('binds console output to the call whose timer wrote it', async () => {
    const handle = createWorkerHandler()
    const source = jwtSource('    await new Promise((resolve) => setTimeout(() => { console.log("from the timer"); resolve(null) }, 5))\n    return token')
    const first = await run('jwt', source, [{ token: {} }], handle)
    const second = await run('jwt', jwtSource('    return token'), [{ token: {} }], handle)
    expect(first.logs).toEqual([{ level: 'log', text: 'from the timer' }])
    expect(second.logs).toEqual([])
  })

  it('fails the call when one of its timer callbacks throws, with the line', async () => {
    const reply = await run('jwt', jwtSource('    await new Promise(() => setTimeout(() => {\n      throw new Error("in a timer")\n    }, 1))'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { reason: 'in a timer', line: 4 } } })
  })

  it.each(['setTimeout', 'setInterval'])('refuses %s with a string handler (code from a string)', async (timer) => {
    const reply = await run('jwt', jwtSource(`    ${timer}("import('http://localhost:9/x.js')", 0)\n    return token`), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: `${timer}(string)`, line: 3 } } })
    expect(reply.ok === false && reply.error.message).toContain('cannot build code from strings')
  })

  it('refuses a string handler reached through globalThis too', async () => {
    const reply = await run('jwt', jwtSource('    globalThis.setTimeout("1", 0)\n    return token'), [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: 'setTimeout(string)' } } })
  })
})

describe('createWorkerHandler: modules and syntax', () => {
  it('allows top-level await, as in an ES module', async () => {
    const reply = await run('jwt', 'const base = await Promise.resolve(41)\nexport async function jwt({ token }: any) {\n  return { ...token, base: base + 1 }\n}\n', [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, value: { base: 42 } })
  })

  it('reports a duplicate declaration (an early error V8 finds, not sucrase) as a syntax error, without running anything', async () => {
    const handle = createWorkerHandler()
    const source = 'console.log("ran")\nlet a = 1\nlet a = 2\nexport function jwt({ token }: any) { return token }\n'
    const results = await handle.warm({ jwt: { source } })
    expect(results.jwt).toMatchObject({ ok: false, error: { code: 'SANDBOX_SYNTAX_ERROR', details: { callback: 'jwt' } } })
    const reply = await run('jwt', source, [{ token: {} }], handle)
    expect(reply).toMatchObject({ ok: false, logs: [], error: { code: 'SANDBOX_SYNTAX_ERROR' } })
  })

  it('runs a next-auth v5 app\'s code: its imports from next-auth are types (erased), its provider import the stand-in', async () => {
    const handle = createWorkerHandler()
    const authorize = "import Credentials from 'next-auth/providers/credentials'\nimport type { User } from 'next-auth'\n\ndeclare module 'next-auth' {\n  interface User { role?: string }\n}\n\nexport const provider = Credentials({\n  credentials: { email: {}, password: {} },\n  async authorize(credentials, request): Promise<User | null> {\n    const user = users.find((u) => u.email === credentials.email)\n    return user ? { id: String(user.id), role: user.role } : null\n  },\n})\n"
    const jwt = "import type { NextAuthConfig } from 'next-auth'\nimport { JWT } from 'next-auth/jwt'\n\ndeclare module 'next-auth/jwt' {\n  interface JWT { role?: string }\n}\n\nexport const callbacks: NextAuthConfig['callbacks'] = {\n  async jwt({ token, user }): Promise<JWT> {\n    if (user) token.role = user.role\n    return token\n  },\n}\n"
    await expect(run('authorize', authorize, [{ email: 'alice@example.com' }, {}], handle)).resolves.toMatchObject({ ok: true, value: { id: '1', role: 'admin' } })
    await expect(run('jwt', jwt, [{ token: {}, user: { role: 'admin' } }], handle)).resolves.toMatchObject({ ok: true, value: { role: 'admin' } })
    // A value from next-auth itself (NextAuth, signIn, auth…) is server code the playground does not have.
    const value = await run('jwt', "import NextAuth from 'next-auth'\nexport const handlers = NextAuth({ providers: [] })\nexport function jwt({ token }: any) { return token }\n", [{ token: {} }], handle)
    expect(value).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: "import 'next-auth'" } } })
  })

  it('runs code TypeScript calls a grammar error but JavaScript accepts (a required parameter after an optional one)', async () => {
    const reply = await run('jwt', 'function f(a?: number, b: number) { return b }\nexport function jwt({ token }: any) { return { ...token, b: f(1, 2) } }\n', [{ token: {} }])
    expect(reply).toMatchObject({ ok: true, value: { b: 2 } })
  })
})

describe('createWorkerHandler: sucrase only when needed', () => {
  it('runs a source the host already has compiled without loading sucrase, and loads it for the first error position', async () => {
    const compiler = await import('../../../src/engine/sandbox/transpile')
    let loads = 0
    const handle = createWorkerHandler(globalThis, {
      loadTranspiler: async () => {
        loads++
        return compiler
      },
    })
    const source = 'export function jwt({ token }: { token: Record<string, unknown> }) {\n  if (token.fail) throw new Error("mapped")\n  return { ...token, ran: true }\n}\n'
    const compiled = compiler.transpile('jwt', source)
    await expect(handle.warm({ jwt: { source, compiled } })).resolves.toMatchObject({ jwt: { ok: true } })
    await expect(run('jwt', source, [{ token: {} }], handle)).resolves.toMatchObject({ ok: true, value: { ran: true } })
    expect(loads).toBe(0)
    const failed = await run('jwt', source, [{ token: { fail: true } }], handle)
    expect(failed).toMatchObject({ ok: false, error: { details: { line: 2, column: source.split('\n')[1].indexOf('new Error') + 1 } } })
    expect(loads).toBe(1)
  })
})

describe('createWorkerHandler: Auth.js authorize gets a Request', () => {
  it('rebuilds { url, method, headers, body } as a Web Request, as @auth/core does', async () => {
    const source = [
      'export async function authorize(credentials: any, request: Request) {',
      '  const body = await request.json()',
      '  return { id: "1", name: request.headers.get("user-agent"), email: body.email, image: `${request.method} ${new URL(request.url).pathname} ${request instanceof Request}` }',
      '}',
    ].join('\n')
    const request = { url: 'http://localhost:3000/api/auth/callback/credentials', method: 'POST', headers: { 'user-agent': 'playground', 'content-type': 'application/json' }, body: JSON.stringify({ email: 'alice@example.com' }) }
    const reply = await createWorkerHandler()({ type: 'run', id: nextId++, callback: 'authorize', source, args: [{}, request], users: USERS, webRequestArg: true })
    expect(reply).toMatchObject({ ok: true, value: { id: '1', name: 'playground', email: 'alice@example.com', image: 'POST /api/auth/callback/credentials true' } })
  })
})

describe("createWorkerHandler: Auth.js's CredentialsSignin", () => {
  const webRequest = [{ email: 'alice@example.com' }, {}]

  it("lets authorize throw a subclass of CredentialsSignin from 'next-auth' with its own code, keeping message and line", async () => {
    const source = "import { CredentialsSignin } from 'next-auth'\nimport type { NextAuthConfig } from 'next-auth'\n\nclass InvalidLoginError extends CredentialsSignin {\n  code = 'invalid_credentials'\n}\n\nexport async function authorize(credentials: any) {\n  throw new InvalidLoginError()\n}\n"
    const reply = await run('authorize', source, webRequest)
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'SANDBOX_THREW',
        message: 'authorize threw InvalidLoginError: Read more at https://errors.authjs.dev#credentialssignin',
        details: { callback: 'authorize', name: 'InvalidLoginError', credentialsSigninCode: 'invalid_credentials', line: 9 },
        cause: { name: 'InvalidLoginError' },
      },
    })
  })

  it("gives CredentialsSignin the real class's shape; new CredentialsSignin() from '@auth/core/errors' has the code 'credentials'", async () => {
    const shape = "import { CredentialsSignin } from '@auth/core/errors'\nclass Sub extends CredentialsSignin { code = 'x' }\nexport function jwt({ token }: any) {\n  const e = new CredentialsSignin('bad')\n  const s = new Sub()\n  return { name: e.name, type: e.type, kind: e.kind, code: e.code, message: e.message, subName: s.name, subType: s.type, subKind: s.kind, subCode: s.code, isError: e instanceof Error, subIs: s instanceof CredentialsSignin }\n}\n"
    expect(await run('jwt', shape, [{ token: {} }])).toMatchObject({
      ok: true,
      value: { name: 'CredentialsSignin', type: 'CredentialsSignin', kind: 'signIn', code: 'credentials', message: 'bad. Read more at https://errors.authjs.dev#credentialssignin', subName: 'Sub', subType: 'CredentialsSignin', subKind: 'signIn', subCode: 'x', isError: true, subIs: true },
    })
    const reply = await run('authorize', "import { CredentialsSignin } from '@auth/core/errors'\nexport function authorize() {\n  throw new CredentialsSignin()\n}\n", webRequest)
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { name: 'CredentialsSignin', credentialsSigninCode: 'credentials', line: 3 } } })
  })

  it('makes a code that is not a string text, as the URL will', async () => {
    const reply = await run('authorize', "import { CredentialsSignin } from 'next-auth'\nclass Coded extends CredentialsSignin { code = 42 as any }\nexport function authorize() { throw new Coded() }\n", webRequest)
    expect(reply).toMatchObject({ ok: false, error: { details: { credentialsSigninCode: '42' } } })
  })

  it('keeps type imports from next-auth elided, and any other throw as it was (no credentialsSigninCode)', async () => {
    const source = "import type { CredentialsSignin } from 'next-auth'\nimport type { NextAuthConfig } from 'next-auth'\nexport function authorize() {\n  const e = new Error('plain') as Error & { code?: string }\n  e.code = 'looks_coded'\n  throw e\n}\n"
    const reply = await run('authorize', source, webRequest)
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', message: 'authorize threw Error: plain', details: { name: 'Error', line: 4 } } })
    expect(reply.ok === false && reply.error.details).not.toHaveProperty('credentialsSigninCode')
    // A look-alike of its own (not the playground's class) is a plain throw too.
    const lookalike = await run('authorize', "class CredentialsSignin extends Error { code = 'x' }\nexport function authorize() { throw new CredentialsSignin() }\n", webRequest)
    expect(lookalike.ok === false && lookalike.error.details).not.toHaveProperty('credentialsSigninCode')
  })

  it("still refuses every other value of 'next-auth' (signIn, auth, a namespace's member)", async () => {
    const reply = await run('jwt', "import { CredentialsSignin, signIn } from 'next-auth'\nexport async function jwt({ token }: any) { await signIn('credentials'); return token }\n", [{ token: {} }])
    expect(reply).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API', details: { api: "import 'next-auth'" } } })
    const ns = await run('jwt', "import * as NA from 'next-auth'\nexport function jwt({ token }: any) { return { ...token, t: typeof NA.CredentialsSignin, a: (NA as any).auth } }\n", [{ token: {} }])
    expect(ns).toMatchObject({ ok: false, error: { code: 'SANDBOX_FORBIDDEN_API' } })
  })
})
