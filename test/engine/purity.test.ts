// The engine stays pure: no React, zustand, state or UI imports, and no real clock. That it loads in
// plain Node without Vite is plainNode.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('src/engine', () => {
  const files = sourceFiles('src/engine')

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it('never imports React, zustand, the store or the UI', () => {
    const offenders = files.filter((file) => /from\s+['"](react|react-dom|zustand)(\/[^'"]*)?['"]|from\s+['"](\.\.\/)+(state|ui|i18n)\//.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('never reads the real clock outside the public defaults', () => {
    const offenders = files.filter((file) => !file.endsWith('defaults.ts') && /Date\.now\(\)|new Date\(\)/.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('measures time in the flow engine only through the injected timer (its default lives in flow/defaults.ts)', () => {
    const flowFiles = files.filter((file) => /[\\/]flow[\\/]/.test(file) && !file.endsWith('defaults.ts'))
    expect(flowFiles.length).toBeGreaterThan(10)
    expect(flowFiles.filter((file) => /performance\.now|Date\.now|new Date\(\)/.test(readFileSync(file, 'utf8')))).toEqual([])
  })
})
