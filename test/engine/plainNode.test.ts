// src/engine/index.ts loads in plain Node 20, outside Vite: bundled with rolldown (the bundler Vite
// ships) as a library build would, its dependencies left to node_modules, and imported by a spawned
// `node` with no loader. Vite-only code (`import.meta.env`, `?worker`/`?url` imports) cannot pass.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { rolldown } from 'rolldown'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'engine-plain-node-'))
  // Bare imports (jose, cookie, sucrase) resolve from the bundle's folder, as in an installed package.
  await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Vite rewrites these; plain Node has none of them. */
const VITE_ONLY = /import\.meta\.(env|hot|glob)\b/

type PlainNodeResult = { ok: true; exports: string[]; roundTrip: unknown } | { ok: false; reason: string }

/** Bundles `entry`, then imports it in a fresh `node` and lists its exports (and, for the engine, round-trips a token). */
async function importInPlainNode(entry: string, name: string): Promise<PlainNodeResult> {
  let code: string
  try {
    const bundle = await rolldown({ input: entry, platform: 'node', logLevel: 'silent', external: (id) => !id.startsWith('.') && !path.isAbsolute(id) })
    code = (await bundle.generate({ format: 'esm' })).output[0].code
    await bundle.close()
  } catch (error) {
    return { ok: false, reason: `bundle: ${(error as Error).message.split('\n').find((line) => /\S/.test(line) && !/^Build failed/.test(line))?.trim()}` }
  }
  const vite = VITE_ONLY.exec(code)
  if (vite) return { ok: false, reason: `Vite-only: ${vite[0]}` }
  const file = path.join(dir, `${name}.mjs`)
  await writeFile(file, code)
  const probe = `
    const m = await import(${JSON.stringify(file)})
    let roundTrip = null
    if (m.encode && m.decode) {
      const token = await m.encode({ token: { sub: '1' }, secret: 's3cr3t', nowSec: 1800000000 })
      roundTrip = await m.decode({ token, secret: 's3cr3t', nowSec: 1800000000 })
    }
    console.log(JSON.stringify({ exports: Object.keys(m).sort(), roundTrip }))`
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, env })
    return { ok: true, ...JSON.parse(stdout) }
  } catch (error) {
    return { ok: false, reason: `node: ${String((error as { stderr?: string }).stderr ?? error).split('\n').find((line) => /Error/.test(line))}` }
  }
}

describe('src/engine/index.ts in plain Node', () => {
  it('bundles without Vite, imports in a spawned node, exposes every export and round-trips a token', async () => {
    const result = await importInPlainNode(path.resolve('src/engine/index.ts'), 'engine')
    expect(result).toMatchObject({ ok: true })
    const { exports, roundTrip } = result as Extract<PlainNodeResult, { ok: true }>
    expect(exports).toEqual(Object.keys(await import('../../src/engine/index')).sort())
    expect(exports).toEqual(expect.arrayContaining(['encode', 'decode', 'inspect', 'deriveKey', 'EngineError', 'createSimClock', 'createPlayground']))
    expect(roundTrip).toMatchObject({ sub: '1', iat: 1800000000, exp: 1800000000 + 2592000 })
  }, 60_000)

  it('catches what plain Node cannot run: import.meta.env and a ?worker import', async () => {
    const write = (file: string, text: string) => writeFile(path.join(dir, file), text)
    await write('env.ts', 'export const mode = () => import.meta.env.MODE\n')
    await write('w.ts', 'export const w = 1\n')
    await write('worker.ts', "import W from './w.ts?worker'\nexport { W }\n")
    await write('throws.ts', "throw new Error('top-level failure')\n")
    expect(await importInPlainNode(path.join(dir, 'env.ts'), 'env')).toEqual({ ok: false, reason: 'Vite-only: import.meta.env' })
    expect(await importInPlainNode(path.join(dir, 'worker.ts'), 'worker')).toMatchObject({ ok: false, reason: expect.stringMatching(/^bundle: .*w\.ts\?worker/) })
    expect(await importInPlainNode(path.join(dir, 'throws.ts'), 'throws')).toMatchObject({ ok: false, reason: expect.stringContaining('top-level failure') })
  }, 60_000)
})
