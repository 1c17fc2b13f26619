// A Vite plugin for the callback worker's bundle: the parts of sucrase the sandbox never runs become
// stubs. The sandbox transpiles with the `typescript` and `imports` transforms only, so the JSX, Flow,
// Jest, React and ESM-import transformers, the Flow and JSX parser plugins, and the options check
// (with ts-interface-checker) are dead weight the worker would otherwise download and compile on
// every cold start (about a third of sucrase). sucrase imports them statically, so a bundler cannot
// drop them by itself. A stub keeps every export name; calling one throws, which only a transform
// the sandbox does not use would do. Pinned to sucrase 3.35 by test/scripts/vite/slimSucrase.test.ts.
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

/** sucrase's modules (dist/esm) that become stubs. */
export const STUBBED_SUCRASE_MODULES = [
  'transformers/JSXTransformer.js',
  'transformers/FlowTransformer.js',
  'transformers/JestHoistTransformer.js',
  'transformers/ReactDisplayNameTransformer.js',
  'transformers/ReactHotLoaderTransformer.js',
  'transformers/ESMImportTransformer.js',
  'parser/plugins/flow.js',
  'parser/plugins/jsx/index.js',
  'parser/plugins/jsx/xhtml.js',
  'Options.js',
] as const

/** Exports that must still work: the options check is called on every transform (our options are fixed), and one JSX helper is shared. */
const KEPT: Record<string, string> = {
  validateOptions: 'export function validateOptions() {}',
  startsWithLowerCase: 'export function startsWithLowerCase(s) { const code = s.charCodeAt(0); return code >= 97 && code <= 122 }',
}

/** The export names of one of sucrase's ESM files. */
export function exportNames(source: string): { named: string[]; hasDefault: boolean } {
  const named = [...source.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) ([\w$]+)/gm)].map((m) => m[1])
  for (const list of source.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of list[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()
      if (name && name !== 'default') named.push(name)
    }
  }
  return { named, hasDefault: /^export default /m.test(source) }
}

/** The stand-in module for `source`. */
export function stubModule(file: string, source: string): string {
  const { named, hasDefault } = exportNames(source)
  const fail = `function unavailable() { throw new Error('sucrase: ${file} is not part of the playground sandbox build') }`
  const lines = [fail, ...named.map((name) => KEPT[name] ?? `export function ${name}() { unavailable() }`)]
  if (hasDefault) lines.push('export default class Unavailable { constructor() { unavailable() } }')
  return lines.join('\n')
}

export function slimSucrase(): Plugin {
  const pattern = new RegExp(`/node_modules/sucrase/dist/esm/(${STUBBED_SUCRASE_MODULES.map((file) => file.replace(/[./]/g, (c) => `\\${c}`)).join('|')})$`)
  return {
    name: 'slim-sucrase',
    enforce: 'pre',
    load(id) {
      const match = pattern.exec(id.split('?')[0].replace(/\\/g, '/'))
      if (!match) return null
      return stubModule(match[1], readFileSync(id.split('?')[0], 'utf8'))
    },
  }
}
