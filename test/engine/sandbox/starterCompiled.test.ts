// The JavaScript shipped for the starting code (starterCompiled.ts, written by
// scripts/sandbox/compileStarterCode.mjs) is what the worker's own compile makes of it today, under
// today's COMPILED_FORMAT; and that format names the sucrase that is installed, so an upgrade changes
// it and JavaScript kept from an earlier visit is compiled afresh. (slimSucrase.test.ts checks that the
// worker's slimmed sucrase makes the same JavaScript as the full one from these sources.)
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'
import { COMPILED_FORMAT, SANDBOX_CALLBACK_NAMES, SUCRASE_VERSION } from '../../../src/engine/sandbox/protocol'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'
import { STARTER_COMPILED } from '../../../src/engine/sandbox/starterCompiled'

const REGENERATE = 'stale: run `node scripts/sandbox/compileStarterCode.mjs`'

describe('COMPILED_FORMAT', () => {
  it('names the installed sucrase', () => {
    const installed = JSON.parse(readFileSync('node_modules/sucrase/package.json', 'utf8')).version
    expect(SUCRASE_VERSION, 'raise SUCRASE_VERSION in src/engine/sandbox/protocol.ts with sucrase').toBe(installed)
    expect(COMPILED_FORMAT).toContain(`sucrase ${installed},`)
  })
})

describe('STARTER_COMPILED', () => {
  it('holds every starting source of both flavours, and nothing else', () => {
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const expected = [...new Set(Object.values(STARTER_CODE).map((code) => code[name]))]
      expect(STARTER_COMPILED[name].map((record) => record.source), `${name}: ${REGENERATE}`).toEqual(expected)
    }
  })

  it("is the worker's own JavaScript for each of them, under the current format", async () => {
    const handler = createWorkerHandler(globalThis)
    for (const name of SANDBOX_CALLBACK_NAMES) {
      for (const record of STARTER_COMPILED[name]) {
        const results = await handler.warm({ [name]: { source: record.source } })
        expect(results[name], name).toMatchObject({ ok: true })
        expect(record.format, `${name}: ${REGENERATE}`).toBe(COMPILED_FORMAT)
        expect(record.compiled, `${name}: ${REGENERATE}`).toBe((results[name] as { compiled: string }).compiled)
      }
    }
  })
})
