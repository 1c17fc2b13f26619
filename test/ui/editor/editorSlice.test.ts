// The editor slice: code per callback, reset to the flavour's starting code, persistence that
// survives missing and corrupt storage, and the failed callbacks of the last run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDefaultRunner, createPlayground, createSeededRandom, CredentialsSignin, STARTER_CODE, thrownCallbackError, type CallbackRunner, type FlowFlavor, type Trace } from '../../../src/engine/index'
import { EDITOR_STORAGE_KEY, loadEditorCode, selectCallbackFailures } from '../../../src/state/editorSlice'
import { createAppStore } from '../../../src/state/createAppStore'

class MemoryStorage {
  items = new Map<string, string>()
  failWrites = false
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError')
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

let storage: MemoryStorage
beforeEach(() => {
  storage = new MemoryStorage()
  ;(globalThis as { localStorage?: unknown }).localStorage = storage
})
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage
})

describe('editorSlice', () => {
  it('starts from the seed code (next-auth v4) when nothing is saved', () => {
    const store = createAppStore()
    expect(store.getState().editorCode).toEqual(STARTER_CODE['next-auth-v4'])
    expect(store.getState().editorCode.jwt).toContain('token.id = user.id')
  })

  it('saves every edit under nextauth-playground:editors:v1 and a new store reads it back', () => {
    const store = createAppStore()
    store.getState().setEditorCode('jwt', 'export function jwt({ token }) { return token }')
    expect(JSON.parse(storage.getItem(EDITOR_STORAGE_KEY) ?? '{}')).toMatchObject({ jwt: 'export function jwt({ token }) { return token }' })
    const reloaded = createAppStore()
    expect(reloaded.getState().editorCode.jwt).toBe('export function jwt({ token }) { return token }')
    expect(reloaded.getState().editorCode.session).toBe(STARTER_CODE['next-auth-v4'].session)
  })

  it('tolerates corrupt or partial storage', () => {
    storage.setItem(EDITOR_STORAGE_KEY, '{not json')
    expect(loadEditorCode(STARTER_CODE['next-auth-v4'])).toEqual(STARTER_CODE['next-auth-v4'])
    storage.setItem(EDITOR_STORAGE_KEY, JSON.stringify({ jwt: 42, session: 'custom' }))
    expect(loadEditorCode(STARTER_CODE['next-auth-v4'])).toEqual({ ...STARTER_CODE['next-auth-v4'], session: 'custom' })
  })

  it('works without storage and keeps edits in memory when writes fail', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage
    const noStorage = createAppStore()
    noStorage.getState().setEditorCode('jwt', 'x')
    expect(noStorage.getState().editorCode.jwt).toBe('x')
    ;(globalThis as { localStorage?: unknown }).localStorage = storage
    storage.failWrites = true
    const failing = createAppStore()
    failing.getState().setEditorCode('session', 'y')
    expect(failing.getState().editorCode.session).toBe('y')
  })

  it('resets one editor to the starting code of the current flavour', () => {
    const store = createAppStore()
    store.getState().setEditorCode('jwt', 'broken')
    store.getState().setEditorCode('session', 'mine')
    store.getState().resetEditorCode('jwt')
    expect(store.getState().editorCode.jwt).toBe(STARTER_CODE[store.getState().config.flavor].jwt)
    expect(store.getState().editorCode.session).toBe('mine')
  })

  it('swaps untouched starting code to the other flavour, and leaves edited code alone', () => {
    const store = createAppStore()
    store.getState().setEditorCode('session', 'mine')
    store.getState().adoptFlavorStarters('authjs')
    expect(store.getState().editorCode.jwt).toBe(STARTER_CODE.authjs.jwt)
    expect(store.getState().editorCode.jwt).toContain("from '@auth/core'")
    expect(store.getState().editorCode.session).toBe('mine')
  })
})

describe(selectCallbackFailures, () => {
  const base = { id: 't', flow: 'signIn', flavor: 'next-auth-v4', startedAtSec: 0, endedAtSec: 0, jarBefore: [], jarAfter: [], result: { flow: 'getSession', session: null, status: 'unauthenticated' } } as unknown as Trace
  it('lists the failed authorize / jwt / session calls of the last run, in order', () => {
    const error = { code: 'SANDBOX_TIMEOUT' as const, message: 'jwt did not finish', details: { callback: 'jwt', timeoutMs: 1000, elapsedMs: 1001 } }
    const trace = {
      ...base,
      events: [
        { kind: 'callback.returned', callback: 'authorize', value: {}, logs: [], durationMs: 1, step: 0, atSec: 0, actor: 'callbacks' },
        { kind: 'callback.failed', callback: 'signIn', error: { ...error, code: 'CALLBACK_THREW' }, logs: [], durationMs: 1, step: 1, atSec: 0, actor: 'callbacks' },
        { kind: 'callback.failed', callback: 'jwt', error, logs: [{ level: 'log', text: 'hi' }], durationMs: 1001, step: 2, atSec: 0, actor: 'callbacks' },
      ],
    } as unknown as Trace
    const failures = selectCallbackFailures({ lastTrace: trace })
    expect(failures).toEqual([{ callback: 'jwt', error, logs: [{ level: 'log', text: 'hi' }], step: 2 }])
    expect(selectCallbackFailures({ lastTrace: trace })).toBe(failures)
    expect(selectCallbackFailures({ lastTrace: null })).toEqual([])
  })

  it('leaves out an Auth.js authorize that threw CredentialsSignin on purpose, but not the same throw in v4', async () => {
    class InvalidLoginError extends CredentialsSignin {
      code = 'invalid_credentials'
    }
    const signInWith = async (flavor: FlowFlavor, thrown: unknown) => {
      const seed = createDefaultRunner()
      const runner: CallbackRunner = {
        run: (name, args, context) => (name === 'authorize' ? Promise.resolve({ ok: false, error: thrownCallbackError('authorize', thrown), logs: [], durationMs: 1 }) : seed.run(name, args, context)),
      }
      const playground = createPlayground({ config: { flavor }, nowSec: 1_767_225_600, random: createSeededRandom(3), runner })
      return playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
    }
    const authjs = await signInWith('authjs', new InvalidLoginError())
    expect(authjs.events.filter((e) => e.kind === 'callback.failed')).toHaveLength(1)
    expect(selectCallbackFailures({ lastTrace: authjs })).toEqual([])
    // The same throw in v4 is a thrown error (its message goes to ?error=), and a plain Error in Auth.js a crash.
    expect(selectCallbackFailures({ lastTrace: await signInWith('next-auth-v4', new InvalidLoginError()) })).toMatchObject([{ callback: 'authorize', error: { code: 'CALLBACK_THREW' } }])
    expect(selectCallbackFailures({ lastTrace: await signInWith('authjs', new Error('db down')) })).toHaveLength(1)
  })
})
