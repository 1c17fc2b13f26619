// The worker's side of the sandbox as a plain function (tests call it without a worker): transpile
// the learner's TypeScript with sucrase, build it once per source, call the callback, capture
// console output, check the return value, and map errors back to the learner's line/column.
import { transform } from 'sucrase'
import { EngineError, type SerializedEngineError } from '../errors'
import type { ConsoleEntry, ConsoleLevel, MockUser } from '../flow/types'
import { checkReturn } from './checkReturn'
import { createGlobalView, FORBIDDEN_GLOBALS, ForbiddenApiError, forbiddenStub } from './forbidden'
import { SANDBOX_CALLBACK_NAMES, type RunMessage, type RunReply, type SandboxCallbackName, type WarmMessage } from './protocol'
import { decodeMappings, originalPosition, type DecodedMappings } from './sourceMap'

const MAX_LOG_ENTRIES = 200
const MAX_LOG_CHARS = 2000
const MAX_CACHED_MODULES = 12

/** Modules a callback source may import as values; everything else is types-only (elided) or refused. */
function credentialsProvider(options: Record<string, unknown>) {
  // Same shape as next-auth/providers/credentials: the app's options are kept under `options`.
  return { id: 'credentials', name: 'Credentials', type: 'credentials', credentials: {}, authorize: () => null, options }
}
const VALUE_MODULES: Record<string, Record<string, unknown>> = {
  'next-auth/providers/credentials': { __esModule: true, default: credentialsProvider },
  '@auth/core/providers/credentials': { __esModule: true, default: credentialsProvider },
}

interface Transpiled {
  code: string
  mappings: DecodedMappings
}

interface ModuleInstance {
  exports: Record<string, unknown>
  /** Function declarations found at the module's top level, by name. */
  locals: Record<string, unknown>
}

interface CompiledModule {
  transpiled: Transpiled
  instance?: ModuleInstance
}

/** The capturing console a callback sees; `entries` is swapped per call. */
interface CapturingConsole {
  console: Record<ConsoleLevel, (...args: unknown[]) => void>
  setTarget(entries: ConsoleEntry[] | null): void
}

function renderArg(arg: unknown): string {
  if (typeof arg === 'string') return arg
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`
  if (arg === undefined || typeof arg === 'function' || typeof arg === 'symbol' || typeof arg === 'bigint') return String(arg)
  try {
    return JSON.stringify(arg) ?? String(arg)
  } catch {
    return String(arg)
  }
}

function createCapturingConsole(): CapturingConsole {
  let target: ConsoleEntry[] | null = null
  const write = (level: ConsoleLevel) => (...args: unknown[]) => {
    if (!target || target.length >= MAX_LOG_ENTRIES) return
    const text = args.map(renderArg).join(' ')
    target.push({ level, text: text.length > MAX_LOG_CHARS ? `${text.slice(0, MAX_LOG_CHARS)}…` : text })
  }
  return {
    console: { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') },
    setTarget: (entries) => {
      target = entries
    },
  }
}

function transpile(callback: SandboxCallbackName, source: string): Transpiled {
  let result: ReturnType<typeof transform>
  try {
    result = transform(source, { transforms: ['typescript', 'imports'], filePath: `${callback}.ts`, sourceMapOptions: { compiledFilename: `${callback}.js` } })
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error)
    throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: ${message}`, {
      cause: error,
      details: { callback, line: loc?.line, column: loc?.column, reason: message },
    })
  }
  // sucrase turns `import(x)` into `require(x)`, which only knows the provider modules: no network import.
  return { code: result.code, mappings: decodeMappings(result.sourceMap?.mappings ?? '') }
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
const MODULE_PARAMS = ['exports', 'require', 'users', ...SHADOWED_APIS, 'console', 'self', 'globalThis']
/**
 * The learner's module runs in a block of its own inside the factory, so a top-level `const users`
 * or `const fetch` shadows the parameter (valid code) instead of redeclaring it (a SyntaxError).
 * The directive moves out of the block, where it would be a plain string: the module stays strict.
 */
const MODULE_PROLOGUE = '"use strict";\n{\n'
const MODULE_EPILOGUE = '\n}'

/** Runs one callback call; `warm` transpiles sources ahead of their first call. */
export interface WorkerHandler {
  (message: RunMessage): Promise<RunReply>
  warm(sources: WarmMessage['sources']): void
  /** Wakes sucrase with a stand-in module (the worker does this while it boots). */
  warmUp(): void
}

/** A tiny module in the shape of a callback source: transpiling it wakes sucrase before any source arrives. */
const WARM_UP_SOURCE = 'import type { JWT } from "next-auth/jwt"\nexport const callbacks = { async jwt({ token }: { token: JWT }) { return token } }\n'

/**
 * Builds the handler. `FunctionCtor` is taken when the handler is created, so the worker can
 * harden the global `Function` afterwards.
 */
export function createWorkerHandler(realGlobal: object = globalThis): WorkerHandler {
  const FunctionCtor = Function
  const now = () => performance.now()
  const cache = new Map<string, CompiledModule>()
  const capture = createCapturingConsole()
  const globalView = createGlobalView(realGlobal, capture.console)
  const users: MockUser[] = []
  const stubs = SHADOWED_APIS.map((api) => forbiddenStub(api))

  // How many lines the Function constructor (V8: 2) and the prologue put before the module, so stack lines map back.
  const bodyLineOffset = (() => {
    try {
      new FunctionCtor(...MODULE_PARAMS, `${MODULE_PROLOGUE}throw new Error()${MODULE_EPILOGUE}`)()
    } catch (error) {
      const match = /<anonymous>:(\d+):\d+/.exec((error as Error).stack ?? '')
      if (match) return Number(match[1]) - 1
    }
    return 2 + MODULE_PROLOGUE.split('\n').length - 1
  })()

  function requireModule(specifier: string): unknown {
    const mod = VALUE_MODULES[specifier]
    if (mod) return mod
    throw new ForbiddenApiError(`import '${specifier}'`)
  }

  function compiled(callback: SandboxCallbackName, source: string): CompiledModule {
    const key = `${callback}\n${source}`
    let entry = cache.get(key)
    if (!entry) {
      entry = { transpiled: transpile(callback, source) }
      if (cache.size >= MAX_CACHED_MODULES) cache.delete(cache.keys().next().value as string)
      cache.set(key, entry)
    }
    return entry
  }

  function instantiate(callback: SandboxCallbackName, module: CompiledModule): ModuleInstance {
    if (module.instance) return module.instance
    const localNames = [...new Set([callback, 'authorize', 'jwt', 'session'])]
    const epilogue = `\n;return {${localNames.map((name) => `${name}: typeof ${name} === 'function' ? ${name} : undefined`).join(', ')}}`
    let factory: (...args: unknown[]) => Record<string, unknown>
    try {
      factory = new FunctionCtor(...MODULE_PARAMS, MODULE_PROLOGUE + module.transpiled.code + epilogue + MODULE_EPILOGUE) as typeof factory
    } catch (error) {
      throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: ${(error as Error).message}`, { cause: error, details: { callback, reason: (error as Error).message } })
    }
    const exports: Record<string, unknown> = {}
    const locals = factory(exports, requireModule, users, ...stubs, capture.console, globalView, globalView)
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
        const options = obj.options as Record<string, unknown> | undefined
        if (options && typeof options === 'object') candidates.push([options[callback], options])
        candidates.push([obj[callback], obj])
      }
    }
    for (const [fn, owner] of candidates) if (typeof fn === 'function') return { fn: fn as (...args: unknown[]) => unknown, owner }
    throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: the code defines no ${callback} function`, { details: { callback, reason: 'missing-function' } })
  }

  function learnerPosition(error: unknown, module: CompiledModule | undefined): { line?: number; column?: number } {
    const stack = error instanceof Error ? error.stack ?? '' : ''
    const match = /<anonymous>:(\d+):(\d+)/.exec(stack)
    if (!match || !module) return {}
    const generatedLine = Number(match[1]) - bodyLineOffset
    return originalPosition(module.transpiled.mappings, generatedLine, Number(match[2]))
  }

  function toSerialized(callback: SandboxCallbackName, error: unknown, module: CompiledModule | undefined, elapsedMs: number): SerializedEngineError {
    if (error instanceof EngineError) {
      return { ...error.toJSON(), details: { ...error.details, callback, elapsedMs } }
    }
    const position = learnerPosition(error, module)
    if (error instanceof ForbiddenApiError) {
      return { code: 'SANDBOX_FORBIDDEN_API', message: error.message, details: { callback, api: error.api, elapsedMs, ...position } }
    }
    const name = error instanceof Error ? error.name : typeof error
    const message = error instanceof Error ? error.message : renderArg(error)
    return {
      code: 'SANDBOX_THREW',
      message: `${callback} threw ${name}: ${message}`,
      details: { callback, name, reason: message, elapsedMs, ...position },
      cause: { name, message },
    }
  }

  function warm(sources: WarmMessage['sources']): void {
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const source = sources[name]
      if (typeof source !== 'string') continue
      try {
        compiled(name, source)
      } catch (error) {
        // A source that does not transpile is not cached: its run transpiles it again and reports the error.
        if (!(error instanceof EngineError)) throw error
      }
    }
  }

  // sucrase's first transform is several times slower than the next ones; pay it before any call.
  function warmUp(): void {
    transpile('jwt', WARM_UP_SOURCE)
  }

  async function handle(message: RunMessage): Promise<RunReply> {
    const logs: ConsoleEntry[] = []
    const started = now()
    let module: CompiledModule | undefined
    users.splice(0, users.length, ...message.users)
    capture.setTarget(logs)
    try {
      module = compiled(message.callback, message.source)
      const { fn, owner } = resolveCallback(message.callback, instantiate(message.callback, module))
      const value = await fn.apply(owner, message.args)
      checkReturn(message.callback, value)
      const returnedArgument = findReturnedArgument(message.args[0], value)
      return { type: 'result', id: message.id, ok: true, value, logs, durationMs: now() - started, ...(returnedArgument ? { returnedArgument } : {}) }
    } catch (error) {
      const durationMs = now() - started
      return { type: 'result', id: message.id, ok: false, error: toSerialized(message.callback, error, module, durationMs), logs, durationMs }
    } finally {
      capture.setTarget(null)
    }
  }

  return Object.assign(handle, { warm, warmUp })
}
