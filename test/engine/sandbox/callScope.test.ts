// Per-call bookkeeping in the worker: console output and timers belong to the call that made them,
// and a Web API promise a call did not wait for never settles after the call is over.
import { describe, expect, it } from 'vitest'
import { createCallScopes } from '../../../src/engine/sandbox/callScope'

const realTimers = () => ({
  setTimeout: (handler: () => void, delayMs?: number) => setTimeout(handler, delayMs),
  clearTimeout: (id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>),
  setInterval: (handler: () => void, delayMs?: number) => setInterval(handler, delayMs),
  clearInterval: (id: unknown) => clearInterval(id as ReturnType<typeof setInterval>),
})

describe(createCallScopes, () => {
  it('lets a Web API promise settle while its call is open, and never after', async () => {
    const scopes = createCallScopes(realTimers())
    const open = scopes.begin()
    await expect(scopes.guard(Promise.resolve('in time'))).resolves.toBe('in time')
    let resolveLate!: (value: string) => void
    const late = scopes.guard(new Promise<string>((resolve) => (resolveLate = resolve)))
    let settled = false
    void late.then(() => (settled = true), () => (settled = true))
    await scopes.end(open)
    resolveLate('too late')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(settled).toBe(false)
  })

  it('writes console output only into the open call, at most 200 entries of 2000 characters', async () => {
    const scopes = createCallScopes(realTimers())
    scopes.globals.console.log('before any call')
    const scope = scopes.begin()
    for (let i = 0; i < 250; i++) scopes.globals.console.log('x'.repeat(3000))
    await scopes.end(scope)
    scopes.globals.console.log('after the call')
    expect(scope.logs).toHaveLength(200)
    expect(scope.logs[0].text).toHaveLength(2001)
  })

  it('does not start timers for work left over after its call settled', async () => {
    const scopes = createCallScopes(realTimers())
    const scope = scopes.begin()
    await scopes.end(scope)
    let ran = false
    scopes.globals.setTimeout(() => (ran = true), 0)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(ran).toBe(false)
  })

  it("clears only the call's own timers", async () => {
    const scopes = createCallScopes(realTimers())
    let sandboxTimerRan = false
    const sandboxTimer = setTimeout(() => (sandboxTimerRan = true), 1)
    const scope = scopes.begin()
    scopes.globals.clearTimeout(sandboxTimer)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await scopes.end(scope)
    expect(sandboxTimerRan).toBe(true)
  })
})
