// The sandbox's compiled JavaScript kept in localStorage next to the editors' code: a reload with
// edited code boots the callback worker without the compiler; missing, corrupt, full or refused
// storage only costs that compile, and never the learner's code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { STARTER_CODE, type CompiledRecord, type WorkerLike } from '../../src/engine'
import { createWorkerHandler } from '../../src/engine/sandbox/handler'
import { COMPILED_FORMAT, COMPILED_WORKER_NAME, type HostToWorker } from '../../src/engine/sandbox/protocol'
import { transpile } from '../../src/engine/sandbox/transpile'
import { createAppStore } from '../../src/state/createAppStore'
import { COMPILED_STORAGE_KEY, createCompiledStore, EDITOR_STORAGE_KEY, MAX_COMPILED_STORAGE_CHARS } from '../../src/state/editorSlice'

/** A Storage backed by a Map, with a quota in UTF-16 units (as browsers count) and a switch that refuses every use. */
function memoryStorage(quotaChars = Infinity): Storage & { refuse: boolean } {
  const items = new Map<string, string>()
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0)
  const storage = {
    refuse: false,
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem(key: string) {
      if (storage.refuse) throw new DOMException('denied', 'SecurityError')
      return items.get(key) ?? null
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    removeItem: (key: string) => void items.delete(key),
    setItem(key: string, value: string) {
      if (storage.refuse) throw new DOMException('denied', 'SecurityError')
      if (used() - (items.get(key)?.length ?? 0) + String(value).length > quotaChars) throw new DOMException('full', 'QuotaExceededError')
      items.set(key, String(value))
    },
  }
  return storage
}

const JWT = 'export async function jwt({ token }: any) {\n  return { ...token, kept: true }\n}\n'
const record = (source: string): CompiledRecord => ({ source, compiled: transpile('jwt', source), format: COMPILED_FORMAT })

let storage: ReturnType<typeof memoryStorage>
beforeEach(() => {
  storage = memoryStorage()
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
})
afterEach(() => {
  delete (globalThis as { localStorage?: Storage }).localStorage
  vi.unstubAllGlobals()
})

describe('createCompiledStore', () => {
  it('keeps one record per callback under nextauth-playground:compiled:v1, read back by a new store', () => {
    createCompiledStore().write('jwt', record(JWT))
    expect(JSON.parse(storage.getItem(COMPILED_STORAGE_KEY) ?? '{}')).toEqual({ jwt: record(JWT) })
    const reloaded = createCompiledStore()
    expect(reloaded.read('jwt')).toEqual(record(JWT))
    expect(reloaded.read('session')).toBeNull()
    reloaded.write('jwt', record(`${JWT}// later\n`))
    expect(reloaded.read('jwt')?.source).toBe(`${JWT}// later\n`)
  })

  it('reads nothing from corrupt or odd storage, and a write replaces it', () => {
    storage.setItem(COMPILED_STORAGE_KEY, '{not json')
    expect(createCompiledStore().read('jwt')).toBeNull()
    storage.setItem(COMPILED_STORAGE_KEY, JSON.stringify({ jwt: { source: JWT, compiled: 42, format: COMPILED_FORMAT }, session: 'x' }))
    expect(createCompiledStore().read('jwt')).toBeNull()
    expect(createCompiledStore().read('session')).toBeNull()
    storage.setItem(COMPILED_STORAGE_KEY, '{not json')
    createCompiledStore().write('jwt', record(JWT))
    expect(createCompiledStore().read('jwt')).toEqual(record(JWT))
  })

  it('never throws where storage is missing, refused or full', () => {
    delete (globalThis as { localStorage?: Storage }).localStorage
    expect(createCompiledStore().read('jwt')).toBeNull()
    expect(() => createCompiledStore().write('jwt', record(JWT))).not.toThrow()
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })
    storage.refuse = true
    expect(createCompiledStore().read('jwt')).toBeNull()
    expect(() => createCompiledStore().write('jwt', record(JWT))).not.toThrow()
    storage.refuse = false
    const full = memoryStorage(100)
    Object.defineProperty(globalThis, 'localStorage', { value: full, configurable: true })
    expect(() => createCompiledStore().write('jwt', record(JWT))).not.toThrow()
    expect(full.getItem(COMPILED_STORAGE_KEY)).toBeNull()
  })

  it('does not keep JavaScript past its size limit', () => {
    const store = createCompiledStore()
    store.write('session', { source: 's', compiled: 's', format: COMPILED_FORMAT })
    store.write('jwt', record(JWT))
    const huge = `${JWT}// ${'x'.repeat(MAX_COMPILED_STORAGE_CHARS)}\n`
    store.write('jwt', { source: huge, compiled: huge, format: COMPILED_FORMAT })
    expect(store.read('jwt')).toBeNull()
    expect(store.read('session')).toMatchObject({ source: 's' })
  })

  it("gives way to the editors' code when storage is full", () => {
    const code = `// ${'y'.repeat(3000)}\n${JWT}`
    // Room for the editors' code, but not for it and the compiled JavaScript together.
    const small = memoryStorage(EDITOR_STORAGE_KEY.length + JSON.stringify({ ...STARTER_CODE['next-auth-v4'], jwt: code }).length + 100)
    Object.defineProperty(globalThis, 'localStorage', { value: small, configurable: true })
    createCompiledStore().write('jwt', record(JWT))
    expect(small.getItem(COMPILED_STORAGE_KEY)).not.toBeNull()
    createAppStore().getState().setEditorCode('jwt', code)
    expect(JSON.parse(small.getItem(EDITOR_STORAGE_KEY) ?? '{}').jwt).toBe(code)
    expect(small.getItem(COMPILED_STORAGE_KEY)).toBeNull()
  })
})

describe('run slice: the sandbox boots from JavaScript kept across reloads', () => {
  /** `Worker` that records each worker's name and first warm message, and runs the real handler in-process. */
  function stubWorker() {
    const names: string[] = []
    const warms: HostToWorker[] = []
    vi.stubGlobal(
      'Worker',
      class {
        constructor(_url: URL, init: { name: string }) {
          names.push(init.name)
          const handle = createWorkerHandler(globalThis)
          const worker: WorkerLike = {
            onmessage: null,
            onerror: null,
            postMessage(message) {
              if (message.type !== 'warm') return void handle(message).then((reply) => worker.onmessage?.({ data: reply }))
              warms.push(structuredClone(message))
              void handle.warm(message.sources).then((results) => worker.onmessage?.({ data: { type: 'warmed', id: message.id, results } }))
            },
            terminate() {},
          }
          queueMicrotask(() => worker.onmessage?.({ data: { type: 'ready' } }))
          return worker
        }
      },
    )
    return { names, warms }
  }

  it('keeps what the worker compiled from an edit, and a reload hands it to a worker that needs no compiler', async () => {
    const first = stubWorker()
    const before = createAppStore()
    before.getState().setEditorCode('jwt', JWT)
    await expect(before.getState().checkCallbackSource('jwt', JWT)).resolves.toBeNull()
    expect(first.names).toEqual(['callbacks'])
    expect(createCompiledStore().read('jwt')).toEqual(record(JWT))

    const reload = stubWorker()
    const after = createAppStore()
    after.getState().warmSandbox()
    expect(reload.names).toEqual([COMPILED_WORKER_NAME])
    await expect(after.getState().checkCallbackSource('jwt', JWT)).resolves.toBeNull()
    expect(reload.warms[0]).toMatchObject({ sources: { jwt: { source: JWT, compiled: record(JWT).compiled } } })
  })

  it('boots a worker that needs no compiler on a first visit with the starting code, and needs it for code nobody compiled', () => {
    const starter = stubWorker()
    createAppStore().getState().warmSandbox()
    expect(starter.names).toEqual([COMPILED_WORKER_NAME])
    expect(createAppStore().getState().editorCode).toEqual(STARTER_CODE['next-auth-v4'])

    storage.setItem(EDITOR_STORAGE_KEY, JSON.stringify({ jwt: JWT }))
    const edited = stubWorker()
    createAppStore().getState().warmSandbox()
    expect(edited.names).toEqual(['callbacks'])
  })
})
