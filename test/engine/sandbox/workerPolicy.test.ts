// The callback worker's own Content-Security-Policy: what it allows, that static hosts get the same
// header as the dev and preview servers, and which scripts it goes with.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isCallbackWorkerScript, WORKER_CONTENT_SECURITY_POLICY } from '../../../src/engine/sandbox/workerPolicy'

/** The policy's directives by name, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  )
}

describe('WORKER_CONTENT_SECURITY_POLICY', () => {
  const policy = directives(WORKER_CONTENT_SECURITY_POLICY)

  it('allows nothing by default: no fetch, WebSocket, font or image from anywhere', () => {
    expect(policy.get('default-src')).toEqual(["'none'"])
    for (const name of ['connect-src', 'font-src', 'img-src', 'worker-src', 'child-src', 'media-src', 'object-src']) expect(policy.has(name), name).toBe(false)
  })

  it("lets the worker load only the app's own scripts, and build the learner's module with the Function constructor", () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-eval'"])
  })

  it('is the same in public/_headers (static hosts) as in the dev and preview servers', () => {
    const headers = readFileSync('public/_headers', 'utf8')
    expect(headers).toMatch(/^\/assets\/worker-\*\n {2}Content-Security-Policy: (.+)$/m)
    expect(/Content-Security-Policy: (.+)$/m.exec(headers)?.[1]).toBe(WORKER_CONTENT_SECURITY_POLICY)
  })
})

describe(isCallbackWorkerScript, () => {
  it("goes with the callback worker only, not with Monaco's workers", () => {
    expect(isCallbackWorkerScript('/assets/worker-B9znx5Qm.js')).toBe(true)
    expect(isCallbackWorkerScript('/sub/assets/worker-B9znx5Qm.js?x=1')).toBe(true)
    expect(isCallbackWorkerScript('/src/engine/sandbox/worker.ts?worker_file&type=module')).toBe(true)
    expect(isCallbackWorkerScript('/assets/ts.worker-DD0Mf-_g.js')).toBe(false)
    expect(isCallbackWorkerScript('/assets/editor.worker-C1fTIpdT.js')).toBe(false)
  })
})
