// What learner code may not reach from the worker: the network, the page, nested workers and
// code-from-strings. Each name is shadowed by a stub that throws a recognisable error; in the real
// worker the global itself is replaced too (hardenWorkerGlobal), which covers `self.fetch` tricks.

/** Network and worker APIs. */
const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'RTCPeerConnection'] as const
/** The page and its storage (a worker has none, but learners try). */
const PAGE_APIS = ['document', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'cookieStore'] as const
/** Building code from strings, and talking to the host behind its back. */
const ESCAPE_APIS = ['eval', 'Function', 'postMessage', 'close', 'onmessage', 'addEventListener', 'removeEventListener'] as const

export const FORBIDDEN_GLOBALS: readonly string[] = [...NETWORK_APIS, ...PAGE_APIS, ...ESCAPE_APIS]

export type ForbiddenKind = 'network' | 'page' | 'code'

export function forbiddenKind(api: string): ForbiddenKind {
  // `import 'x'`: a module the playground does not have would be fetched from the network.
  if ((NETWORK_APIS as readonly string[]).includes(api) || api.startsWith('import ')) return 'network'
  if ((PAGE_APIS as readonly string[]).includes(api)) return 'page'
  return 'code'
}

const MESSAGES: Record<ForbiddenKind, string> = {
  network: 'callbacks in the playground cannot make network requests; mock the data instead',
  page: 'callbacks run in a worker and cannot touch the page (document, storage, cookies); mock the data instead',
  code: 'callbacks in the playground cannot build code from strings or talk to the page directly',
}

/** The error a forbidden API throws inside the sandbox; the handler turns it into SANDBOX_FORBIDDEN_API. */
export class ForbiddenApiError extends Error {
  readonly api: string
  constructor(api: string) {
    super(`${api}: ${MESSAGES[forbiddenKind(api)]}`)
    this.name = 'ForbiddenApiError'
    this.api = api
  }
}

/** A stand-in that throws on any use: call, `new`, property read or write, `in`. */
export function forbiddenStub(api: string): unknown {
  const fail = (): never => {
    throw new ForbiddenApiError(api)
  }
  return new Proxy(function forbidden() {}, { apply: fail, construct: fail, get: fail, set: fail, has: fail, getPrototypeOf: fail, ownKeys: fail, defineProperty: fail })
}

/** Timer-like methods that must be called with the real global as `this`. */
const BOUND_METHODS = new Set(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone', 'atob', 'btoa'])

/**
 * What learner code sees as `self` / `globalThis`: the real global, except forbidden names throw
 * and `console` is the per-call capturing console.
 */
export function createGlobalView(realGlobal: object, console: object): object {
  return new Proxy(realGlobal, {
    get(target, key) {
      if (typeof key === 'string' && FORBIDDEN_GLOBALS.includes(key)) throw new ForbiddenApiError(key)
      if (key === 'console') return console
      if (key === 'self' || key === 'globalThis') return undefined
      const value = Reflect.get(target, key)
      return typeof value === 'function' && typeof key === 'string' && BOUND_METHODS.has(key) ? value.bind(target) : value
    },
    set(_target, key) {
      throw new ForbiddenApiError(String(key))
    },
  })
}

/**
 * Replace forbidden globals on the worker's global object and its prototype chain, and cut the
 * `constructor` route to Function / AsyncFunction. Call once in the real worker, after the
 * handler has kept what it needs (postMessage, Function).
 */
export function hardenWorkerGlobal(scope: object): void {
  // Taken first: once the globals are replaced, `Function` itself is a throwing stub.
  const fnProtos = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[]
  const holders: object[] = []
  for (let node: object | null = scope; node && node !== Object.prototype; node = Object.getPrototypeOf(node)) holders.push(node)
  for (const api of FORBIDDEN_GLOBALS) {
    const stub = forbiddenStub(api)
    for (const holder of holders) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, api)
      if (holder === scope || (descriptor && descriptor.configurable)) {
        try {
          Object.defineProperty(holder, api, { get: () => stub, set: () => {}, configurable: false })
        } catch {
          // A non-configurable own property (none in Chromium's worker global): the shadowing
          // parameters of the compiled callback still hide it.
          continue
        }
      }
    }
  }
  for (const proto of fnProtos) Object.defineProperty(proto, 'constructor', { value: forbiddenStub('Function'), configurable: false, writable: false })
}
