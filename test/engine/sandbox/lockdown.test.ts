// The worker global's allow-list, on a stand-in global (freezing the real built-ins would freeze the
// test runner's; the browser suite checks the locked-down worker itself, test/e2e/hostile.e2e.ts).
import { describe, expect, it } from 'vitest'
import { FORBIDDEN_GLOBALS, ForbiddenApiError } from '../../../src/engine/sandbox/forbidden'
import { hardenWorkerGlobal, SAFE_GLOBALS } from '../../../src/engine/sandbox/lockdown'

function fakeWorkerGlobal() {
  const eventTarget = { addEventListener() {}, dispatchEvent() {}, removeEventListener() {} }
  const workerScope = Object.create(eventTarget, { atob: { value: (s: string) => s, configurable: true, writable: true }, importScripts: { value() {}, configurable: true, writable: true } })
  const scope = Object.create(workerScope)
  Object.assign(scope, { JSON, Math, setTimeout, fetch() {}, FontFace: class {}, WebSocketStream: class {}, navigator: { userAgent: 'x' }, WebAssembly: {}, FinalizationRegistry, postMessage() {}, name: 'worker' })
  return { scope, workerScope, eventTarget }
}

const options = (replacements: Record<string, unknown> = {}) => ({ replacements, guard: <T,>(promise: Promise<T>) => promise })

describe(hardenWorkerGlobal, () => {
  it('removes every name that is not on the allow-list, from the global and its prototypes', () => {
    const { scope, workerScope, eventTarget } = fakeWorkerGlobal()
    hardenWorkerGlobal(scope, options())
    for (const name of ['navigator', 'WebAssembly', 'FinalizationRegistry', 'name']) expect(name in scope, name).toBe(false)
    expect(Object.keys(eventTarget)).toEqual([])
    expect(Object.getOwnPropertyNames(workerScope)).toEqual([])
    for (const name of Object.getOwnPropertyNames(scope)) expect([...SAFE_GLOBALS, ...FORBIDDEN_GLOBALS], name).toContain(name)
  })

  it('keeps safe names, moving inherited ones onto the global itself', () => {
    const { scope } = fakeWorkerGlobal()
    hardenWorkerGlobal(scope, options())
    expect(scope.JSON).toBe(JSON)
    expect(scope.atob('a')).toBe('a')
  })

  it('puts throwing stubs under the forbidden names (including the ones a deny-list once missed)', () => {
    const { scope } = fakeWorkerGlobal()
    hardenWorkerGlobal(scope, options())
    for (const api of ['fetch', 'FontFace', 'WebSocketStream', 'dispatchEvent', 'importScripts', 'postMessage']) {
      expect(() => new scope[api](), api).toThrow(ForbiddenApiError)
    }
    expect(() => scope.fetch('http://example.com')).toThrow('cannot make network requests; mock the data instead')
  })

  it("puts the sandbox's own console and timers in place of the worker's", () => {
    const { scope } = fakeWorkerGlobal()
    const mine = () => 0
    hardenWorkerGlobal(scope, options({ setTimeout: mine }))
    expect(scope.setTimeout).toBe(mine)
    expect(() => (scope.setTimeout = setTimeout)).toThrow(TypeError)
  })
})
