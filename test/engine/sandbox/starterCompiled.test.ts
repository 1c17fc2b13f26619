// The JavaScript shipped for the starting code (starterCompiled.ts, written by
// scripts/sandbox/compileStarterCode.mjs) is what the worker's own compile makes of it today, under
// today's COMPILED_FORMAT; and that format names the sucrase that is installed, so an upgrade changes
// it and JavaScript kept from an earlier visit is compiled afresh. (test/scripts/vite/slimSucrase.test.ts checks that the
// worker's slimmed sucrase makes the same JavaScript as the full one from these sources.)
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'
import { COMPILED_FORMAT, SANDBOX_CALLBACK_NAMES, SUCRASE_VERSION } from '../../../src/engine/sandbox/protocol'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'
import { STARTER_COMPILED, STARTER_COMPILED_FORMAT, STARTER_SOURCE_DIGESTS } from '../../../src/engine/sandbox/starterCompiled'

const REGENERATE = 'stale: run `node scripts/sandbox/compileStarterCode.mjs`'

describe('COMPILED_FORMAT', () => {
  it('names the installed sucrase', () => {
    const installed = JSON.parse(readFileSync('node_modules/sucrase/package.json', 'utf8')).version
    expect(SUCRASE_VERSION, 'raise SUCRASE_VERSION in src/engine/sandbox/protocol.ts with sucrase').toBe(installed)
    expect(COMPILED_FORMAT).toContain(`sucrase ${installed},`)
  })
})

describe('STARTER_COMPILED', () => {
  it('was made from today\'s starting sources of both flavours', () => {
    for (const [flavor, code] of Object.entries(STARTER_CODE) as [keyof typeof STARTER_CODE, (typeof STARTER_CODE)[keyof typeof STARTER_CODE]][]) {
      for (const name of SANDBOX_CALLBACK_NAMES) {
        const digest = createHash('sha256').update(code[name]).digest('hex')
        expect(STARTER_SOURCE_DIGESTS[flavor][name], `${flavor} ${name}: ${REGENERATE}`).toBe(digest)
      }
    }
  })

  it("is the worker's own JavaScript for each of them, under the current format", async () => {
    expect(STARTER_COMPILED_FORMAT, REGENERATE).toBe(COMPILED_FORMAT)
    const handler = createWorkerHandler(globalThis)
    for (const [flavor, code] of Object.entries(STARTER_CODE) as [keyof typeof STARTER_CODE, (typeof STARTER_CODE)[keyof typeof STARTER_CODE]][]) {
      for (const name of SANDBOX_CALLBACK_NAMES) {
        const results = await handler.warm({ [name]: { source: code[name] } })
        expect(results[name], `${flavor} ${name}`).toMatchObject({ ok: true })
        expect(STARTER_COMPILED[flavor][name], `${flavor} ${name}: ${REGENERATE}`).toBe((results[name] as { compiled: string }).compiled)
      }
    }
  })
})
