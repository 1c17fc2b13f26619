// The worker's side of the sandbox as a plain function (tests call it without a worker): compile the
// learner's TypeScript once per source (sucrase, loaded on first need), run the module, call the
// callback in a call scope of its own (console output, timers), check and copy the return value, and
// map errors back to the learner's line/column.
import { EngineError, type SerializedEngineError } from '../errors'
import type { MockUser } from '../flow/types'
import { createCallScopes, renderArg, type CallScope, type ScopedGlobals } from './callScope'
import { checkReturn } from './checkReturn'
import { credentialsProvider } from './credentialsProvider'
import { CredentialsSignin, credentialsSigninCode } from './credentialsSignin'
import { createGlobalView, FORBIDDEN_GLOBALS, ForbiddenApiError, forbiddenStub } from './forbidden'
import { SANDBOX_CALLBACK_NAMES, type CompileResult, type RunMessage, type RunReply, type SandboxCallbackName, type WarmMessage, type WarmReply } from './protocol'
import { originalPosition, type DecodedMappings } from './sourceMap'
import type { Transpile, TranspileWithMap } from './transpile'

const MAX_CACHED_MODULES = 12

/**
 * Modules a callback source may import as values; everything else is types-only (elided by sucrase,
 * e.g. `import type { NextAuthConfig } from 'next-auth'`) or refused. From 'next-auth' (v5) only
 * `CredentialsSignin` is a value: reading any other name of it is refused, as the whole import was before.
 */
const PROVIDER_MODULE = Object.freeze({ __esModule: true, default: Object.freeze(credentialsProvider) })
const ERRORS_MODULE = Object.freeze({ __esModule: true, CredentialsSignin })
const NEXT_AUTH_MODULE = new Proxy(ERRORS_MODULE, {
  get(target, key) {
    if (typeof key === 'symbol' || key === 'then' || Object.prototype.hasOwnProperty.call(target, key)) return Reflect.get(target, key)
    throw new ForbiddenApiError(`import 'next-auth'`)
  },
})
const VALUE_MODULES: Readonly<Record<string, unknown>> = Object.freeze({
  'next-auth/providers/credentials': PROVIDER_MODULE,
  '@auth/core/providers/credentials': PROVIDER_MODULE,
  '@auth/core/errors': ERRORS_MODULE,
  'next-auth': NEXT_AUTH_MODULE,
})

type ModuleFactory = (...args: unknown[]) => Promise<Record<string, unknown>>

interface ModuleInstance {
  exports: Record<string, unknown>
  /** Function declarations found at the module's top level, by name. */
  locals: Record<string, unknown>
}

interface CompiledModule {
  callback: SandboxCallbackName
  source: string
  /** The JavaScript sucrase made (or the host kept from an earlier worker). */
  code: string
  factory: ModuleFactory
  instance?: ModuleInstance
  /** Made on the first error that needs a position. */
  mappings?: DecodedMappings
}

/** What the worker loads lazily: sucrase and the two ways to call it. */
export interface TranspilerModule {
  transpile: Transpile
  transpileWithMap: TranspileWithMap
}

export interface WorkerHandlerOptions {
  /** Loads sucrase; the default is a dynamic import, so a worker that only runs known sources never loads it. */
  loadTranspiler?: () => Promise<TranspilerModule>
}

/**
 * Which property of the first argument the callback returned as the same object (`return token`),
 * which only the worker can tell: the identity is lost when the value crosses to the page.
 */
function findReturnedArgument(first: unknown, value: unknown): string | undefined {
  if (first === null || typeof first !== 'object' || value === null || typeof value !== 'object') return undefined
  return Object.keys(first).find((key) => (first as Record<string, unknown>)[key] === value)
}

/**
 * Forbidden APIs shadowed by parameters of the compiled module (`eval` cannot be a parameter name
 * in strict code; the hardened worker global and the global view cover it).
 */
const SHADOWED_APIS = FORBIDDEN_GLOBALS.filter((api) => api !== 'eval')
const SCOPED_NAMES = ['console', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] as const satisfies readonly (keyof ScopedGlobals)[]
const MODULE_PARAMS = ['exports', 'require', 'users', ...SHADOWED_APIS, ...SCOPED_NAMES, 'self', 'globalThis']
/**
 * The learner's module runs in a block of its own inside an async factory (so top-level `await`
 * works, as in an ES module), and a top-level `const users` or `const fetch` shadows the parameter
 * (valid code) instead of redeclaring it (a SyntaxError). The directive moves out of the block,
 * where it would be a plain string: the module stays strict.
 */
const MODULE_PROLOGUE = '"use strict";\n{\n'
const MODULE_EPILOGUE = `\n;return {${SANDBOX_CALLBACK_NAMES.map((name) => `${name}: typeof ${name} === 'function' ? ${name} : undefined`).join(', ')}}\n}`

/** Runs one callback call; `warm` compiles sources ahead of their first call and says whether they compile. */
export interface WorkerHandler {
  (message: RunMessage): Promise<RunReply>
  warm(sources: WarmMessage['sources']): Promise<Partial<Record<SandboxCallbackName, CompileResult>>>
  /** The worker's answer to a warm message; never rejects: a warm that fails answers with its error. */
  answerWarm(message: WarmMessage): Promise<WarmReply>
  /** The per-call console and timers, for the worker to put on its global. */
  readonly globals: ScopedGlobals
  /** Makes a Web API promise settle only while the call that made it is open. */
  guard<T>(promise: Promise<T>): Promise<T>
}

const loadSucrase = (): Promise<TranspilerModule> => import('./transpile')

/**
 * Builds the handler. The constructors and timers it needs are taken when it is created, so the
 * worker can lock its global down afterwards.
 */
export function createWorkerHandler(realGlobal: object = globalThis, options: WorkerHandlerOptions = {}): WorkerHandler {
  const AsyncFunctionCtor = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => ModuleFactory
  const RequestCtor = (realGlobal as { Request?: typeof Request }).Request
  const now = performance.now.bind(performance)
  const g = realGlobal as typeof globalThis
  const scopes = createCallScopes({
    setTimeout: g.setTimeout.bind(g) as (handler: () => void, delayMs?: number) => unknown,
    clearTimeout: g.clearTimeout.bind(g) as (id: unknown) => void,
    setInterval: g.setInterval.bind(g) as (handler: () => void, delayMs?: number) => unknown,
    clearInterval: g.clearInterval.bind(g) as (id: unknown) => void,
  })
  const globalView = createGlobalView(realGlobal, { ...scopes.globals })
  const stubs = SHADOWED_APIS.map((api) => forbiddenStub(api))
  const cache = new Map<string, CompiledModule>()
  let users: MockUser[] = []
  let transpiler: Promise<TranspilerModule> | null = null
  let bodyLineOffset: Promise<number> | null = null
  const loadTranspiler = () =>
    (transpiler ??= (options.loadTranspiler ?? loadSucrase)().catch((error: unknown) => {
      transpiler = null
      throw new EngineError('SANDBOX_UNAVAILABLE', `the TypeScript compiler could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error, details: { reason: 'no-compiler' } })
    }))

  function requireModule(specifier: string): unknown {
    if (Object.prototype.hasOwnProperty.call(VALUE_MODULES, specifier)) return VALUE_MODULES[specifier]
    throw new ForbiddenApiError(`import '${specifier}'`)
  }
  Object.freeze(requireModule)

  function buildFactory(callback: SandboxCallbackName, code: string): ModuleFactory {
    try {
      return new AsyncFunctionCtor(...MODULE_PARAMS, MODULE_PROLOGUE + code + MODULE_EPILOGUE)
    } catch (error) {
      // V8's early errors, e.g. a `let` declared twice: sucrase does not check them. No position here.
      const message = error instanceof Error ? error.message : String(error)
      throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: ${message}`, { cause: error, details: { callback, reason: message } })
    }
  }

  async function compile(callback: SandboxCallbackName, source: string, compiled?: string): Promise<CompiledModule> {
    const key = `${callback}\n${source}`
    const cached = cache.get(key)
    if (cached) return cached
    const code = compiled ?? (await loadTranspiler()).transpile(callback, source)
    const entry: CompiledModule = cache.get(key) ?? { callback, source, code, factory: buildFactory(callback, code) }
    if (cache.size >= MAX_CACHED_MODULES) cache.delete(cache.keys().next().value as string)
    cache.set(key, entry)
    return entry
  }

  /** The mock users for this call, in the array every module was given; a module that froze it gets a fresh one. */
  function setUsers(next: MockUser[]): void {
    try {
      users.splice(0, users.length, ...next)
      if (users.length === next.length) return
    } catch {
      // The array was frozen or sealed by a callback: replaced below.
    }
    users = [...next]
    for (const entry of cache.values()) entry.instance = undefined
  }

  async function instantiate(module: CompiledModule): Promise<ModuleInstance> {
    if (module.instance) return module.instance
    const exports: Record<string, unknown> = {}
    const { console, setTimeout, setInterval, clearTimeout, clearInterval } = scopes.globals
    const locals = await module.factory(exports, requireModule, users, ...stubs, console, setTimeout, setInterval, clearTimeout, clearInterval, globalView, globalView)
    module.instance = { exports, locals }
    return module.instance
  }

  /** The callback function and the object it belongs to (so `this` is what NextAuth would pass). */
  function resolveCallback(callback: SandboxCallbackName, instance: ModuleInstance): { fn: (...args: unknown[]) => unknown; owner: unknown } {
    const candidates: [unknown, unknown][] = [
      [instance.exports[callback], instance.exports],
      [instance.locals[callback], undefined],
    ]
    for (const value of Object.values(instance.exports)) {
      if (value && typeof value === 'object') {
        const obj = value as Record<string, unknown>
        // A provider keeps the app's options under `options`, over its own defaults (as NextAuth merges them).
        const providerOptions = obj.options as Record<string, unknown> | undefined
        if (providerOptions && typeof providerOptions === 'object') candidates.push([providerOptions[callback], providerOptions])
        candidates.push([obj[callback], obj])
      }
    }
    for (const [fn, owner] of candidates) if (typeof fn === 'function') return { fn: fn as (...args: unknown[]) => unknown, owner }
    throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: the code defines no ${callback} function`, { details: { callback, reason: 'missing-function' } })
  }

  /** Auth.js hands authorize a Web Request; the flow's plain `{ url, method, headers, body }` (marked `webRequestArg`) is rebuilt as one here. */
  function callArgs(message: RunMessage): unknown[] {
    if (!message.webRequestArg) return message.args
    if (!RequestCtor) throw new TypeError('webRequestArg: this realm has no Request')
    const plain = message.args[1] as { url: string; method?: unknown; headers?: unknown; body?: unknown }
    const method = typeof plain.method === 'string' ? plain.method : 'GET'
    const hasBody = method !== 'GET' && method !== 'HEAD' && typeof plain.body === 'string'
    const request = new RequestCtor(plain.url, { method, headers: plain.headers as HeadersInit, ...(hasBody ? { body: plain.body as string } : {}) })
    return [message.args[0], request, ...message.args.slice(2)]
  }

  /** How many lines the AsyncFunction constructor (V8: 2) and the prologue put before the module; found once, on the first error. */
  function lineOffset(): Promise<number> {
    bodyLineOffset ??= new AsyncFunctionCtor(...MODULE_PARAMS, `${MODULE_PROLOGUE}throw new Error()${MODULE_EPILOGUE}`)().then(
      () => 4,
      (error: unknown) => {
        const match = /<anonymous>:(\d+):\d+/.exec((error as Error).stack ?? '')
        return match ? Number(match[1]) - 1 : 2 + MODULE_PROLOGUE.split('\n').length - 1
      },
    )
    return bodyLineOffset
  }

  /** Where in the learner's TypeScript the error was made: the stack points into the compiled module. */
  async function learnerPosition(stack: string, module: CompiledModule | undefined): Promise<{ line?: number; column?: number }> {
    const match = /<anonymous>:(\d+):(\d+)/.exec(stack)
    if (!match || !module) return {}
    const generatedLine = Number(match[1]) - (await lineOffset())
    if (!module.mappings) {
      try {
        module.mappings = (await loadTranspiler()).transpileWithMap(module.callback, module.source).mappings
      } catch (error) {
        // A source that compiled once compiles again; if sucrase disagrees, report the line, which it keeps.
        if (!(error instanceof EngineError)) throw error
        return { line: generatedLine }
      }
    }
    return originalPosition(module.mappings, generatedLine, Number(match[2]))
  }

  /** What is known about a thrown value, read while its call is still open (reading it may run learner code). */
  function describeThrown(callback: SandboxCallbackName, error: unknown, elapsedMs: number): { serialized: SerializedEngineError; stack: string | null } {
    if (error instanceof EngineError) return { serialized: { ...error.toJSON(), details: { ...error.details, callback, elapsedMs } }, stack: null }
    const stack = error instanceof Error ? String(error.stack ?? '') : ''
    if (error instanceof ForbiddenApiError) {
      return { serialized: { code: 'SANDBOX_FORBIDDEN_API', message: error.message, details: { callback, api: error.api, elapsedMs } }, stack }
    }
    const name = error instanceof Error ? String(error.name) : typeof error
    const message = error instanceof Error ? String(error.message) : renderArg(error)
    // Auth.js answers a thrown CredentialsSignin with its `code` in the URL: the host needs it.
    const code = credentialsSigninCode(error)
    const signin = code === undefined ? {} : { credentialsSigninCode: code }
    return {
      serialized: { code: 'SANDBOX_THREW', message: `${callback} threw ${name}: ${message}`, details: { callback, name, reason: message, ...signin, elapsedMs }, cause: { name, message } },
      stack,
    }
  }

  async function warm(sources: WarmMessage['sources']): Promise<Partial<Record<SandboxCallbackName, CompileResult>>> {
    const results: Partial<Record<SandboxCallbackName, CompileResult>> = {}
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const entry = sources[name]
      if (!entry) continue
      try {
        results[name] = { ok: true, compiled: (await compile(name, entry.source, entry.compiled)).code }
      } catch (error) {
        // A source that does not compile is not cached: its run compiles it again and reports the error.
        if (!(error instanceof EngineError)) throw error
        results[name] = { ok: false, error: error.toJSON() }
      }
    }
    return results
  }

  async function answerWarm(message: WarmMessage): Promise<WarmReply> {
    try {
      return { type: 'warmed', id: message.id, results: await warm(message.sources) }
    } catch (error) {
      // Not a compile error of the source (those are results): a failure of the worker's own.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      const failed = new EngineError('SANDBOX_UNAVAILABLE', `the callback worker could not check the code: ${reason}`, { details: { reason: 'check-failed' } })
      return { type: 'warmed', id: message.id, results: {}, error: { code: failed.code, message: failed.message, details: { ...failed.details } } }
    }
  }

  async function handle(message: RunMessage): Promise<RunReply> {
    const scope: CallScope = scopes.begin()
    const started = now()
    let module: CompiledModule | undefined
    setUsers(message.users)
    try {
      module = await compile(message.callback, message.source)
      const { fn, owner } = resolveCallback(message.callback, await instantiate(module))
      const args = callArgs(message)
      const value = await Promise.race([fn.apply(owner, args), scope.failed])
      const checked = checkReturn(message.callback, value)
      const returnedArgument = findReturnedArgument(args[0], value)
      const durationMs = now() - started
      await scopes.end(scope)
      return { type: 'result', id: message.id, ok: true, value: checked.value, logs: scope.logs, durationMs, ...(returnedArgument ? { returnedArgument } : {}) }
    } catch (error) {
      const durationMs = now() - started
      const { serialized, stack } = describeThrown(message.callback, error, durationMs)
      await scopes.end(scope)
      const position = stack ? await learnerPosition(stack, module) : {}
      return { type: 'result', id: message.id, ok: false, error: { ...serialized, details: { ...serialized.details, ...position } }, logs: scope.logs, durationMs }
    }
  }

  return Object.assign(handle, { warm, answerWarm, globals: scopes.globals, guard: scopes.guard })
}
