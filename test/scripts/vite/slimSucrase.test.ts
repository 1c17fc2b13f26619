// The callback worker's sucrase without its unused parts (scripts/vite/slimSucrase.ts): built as the
// app builds it, it must transpile what the sandbox transpiles exactly as the full sucrase does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import { exportNames, slimSucrase, STUBBED_SUCRASE_MODULES, stubModule } from '../../../scripts/vite/slimSucrase'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'
import { transpile as fullTranspile, transpileWithMap as fullWithMap } from '../../../src/engine/sandbox/transpile'
import type { TranspilerModule } from '../../../src/engine/sandbox/handler'

const SOURCES = [
  ...Object.values(STARTER_CODE['next-auth-v4']),
  ...Object.values(STARTER_CODE.authjs),
  'import type { JWT } from "next-auth/jwt"\ninterface Extra { a?: string }\nenum Role { Admin = "admin" }\nabstract class Base<T> { constructor(private readonly value: T) {} }\nexport const x = <T,>(v: T): T => v\nexport async function jwt({ token }: { token: JWT & Extra }) {\n  const n = token.a?.length ?? 0\n  for await (const _ of [] as AsyncIterable<number>[]) {}\n  try { JSON.parse("{") } catch { }\n  return { ...token, n, role: Role.Admin, big: 1_000_000, t: typeof (x as any) satisfies string }\n}\n',
  'const base = await Promise.resolve(1)\nexport default function session({ session }: any) { return { ...session, base } }\n',
]

async function buildSlim(): Promise<TranspilerModule & { code: string }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [slimSucrase()],
    build: { write: false, minify: false, lib: { entry: 'src/engine/sandbox/transpile.ts', formats: ['es'], fileName: 'transpile' }, rolldownOptions: { checks: { pluginTimings: false } } },
  })
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput
  const dir = mkdtempSync(join(tmpdir(), 'slim-sucrase-'))
  const chunk = output.output.find((file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.isEntry)!
  let code = ''
  for (const file of output.output) {
    if (file.type !== 'chunk') continue
    writeFileSync(join(dir, file.fileName), file.code)
    code += file.code
  }
  return { ...(await import(pathToFileURL(join(dir, chunk.fileName)).href)), code }
}

describe('slimSucrase', () => {
  it('keeps every export name of the modules it stubs (sucrase 3.35)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slim-sucrase-stubs-'))
    for (const file of STUBBED_SUCRASE_MODULES) {
      const path = join('node_modules/sucrase/dist/esm', file)
      const source = readFileSync(path, 'utf8')
      const { named, hasDefault } = exportNames(source)
      expect(named.length + (hasDefault ? 1 : 0), file).toBeGreaterThan(0)
      // What the real module exports, against what its stub exports (the stub imports nothing, so it loads on its own).
      const real = Object.keys(await import(pathToFileURL(resolve(path)).href)).sort()
      const stubPath = join(dir, `${file.replace(/\//g, '_')}.mjs`)
      writeFileSync(stubPath, stubModule(file, source))
      const stub = Object.keys(await import(pathToFileURL(stubPath).href)).sort()
      expect(stub, file).toEqual(real)
    }
    expect(JSON.parse(readFileSync('node_modules/sucrase/package.json', 'utf8')).version).toBe('3.35.1')
  })

  it('transpiles, maps and refuses exactly as the full sucrase does', { timeout: 60_000 }, async () => {
    const slim = await buildSlim()
    // The JSX transformer and the options checker are gone from the bundle.
    expect(slim.code).not.toContain('jsxDEV')
    expect(slim.code).not.toContain('createCheckers')
    expect(slim.code).toContain('is not part of the playground sandbox build')
    for (const source of SOURCES) {
      expect(slim.transpile('jwt', source)).toBe(fullTranspile('jwt', source))
      expect(slim.transpileWithMap('jwt', source)).toEqual(fullWithMap('jwt', source))
    }
    const broken = 'export function jwt({ token }: any) {\n  return token +\n}\n'
    expect(() => slim.transpile('jwt', broken)).toThrow(/Unexpected token/)
    const refused = (() => {
      try {
        slim.transpile('jwt', broken)
      } catch (error) {
        return (error as { details?: unknown }).details
      }
    })()
    expect(refused).toEqual({ callback: 'jwt', line: 3, column: 1, reason: 'Unexpected token' })
  })
})
