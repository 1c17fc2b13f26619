// Monaco, fully local: the bundled monaco-editor (never the CDN the React wrapper defaults to), its
// workers as Vite worker imports, and the TypeScript setup the callback editors share.
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker'
import type { FlowFlavor } from '../../engine/index'
import { MONACO_THEME_NAMES, MONACO_THEMES } from './monacoThemes'
import { TYPE_DECLARATIONS } from './typeDeclarations'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
}
// Must run before the first <Editor> mounts, or the wrapper fetches Monaco from a CDN.
loader.config({ monaco })

// Contrast-safe variants of vs / vs-dark, defined before any editor asks for them.
monaco.editor.defineTheme(MONACO_THEME_NAMES.light, MONACO_THEMES.light)
monaco.editor.defineTheme(MONACO_THEME_NAMES.dark, MONACO_THEMES.dark)

const ts = monaco.typescript
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  allowNonTsExtensions: true,
  noEmit: true,
  // No DOM: callbacks run in the sandbox worker, whose globals typeDeclarations.ts declares.
  lib: ['esnext'],
})
// All three editors are one program, as files of one app: augmentation in one shows in the others.
ts.typescriptDefaults.setEagerModelSync(true)

/** After Monaco's own check of the edited model (500 ms after the last keystroke). */
const RECHECK_DELAY_MS = 800
let recheck: ReturnType<typeof setTimeout> | undefined
// Monaco re-checks only the model that changed; an edit in one editor (removing an augmentation) can
// change the problems of the others, so every edit re-checks all of them (same options, re-set).
monaco.editor.onDidCreateModel((model) => {
  if (!model.uri.path.startsWith('/callbacks/')) return
  model.onDidChangeContent(() => {
    clearTimeout(recheck)
    recheck = setTimeout(() => ts.typescriptDefaults.setDiagnosticsOptions({ ...ts.typescriptDefaults.getDiagnosticsOptions() }), RECHECK_DELAY_MS)
  })
})

let currentFlavor: FlowFlavor | null = null

/** Loads the declarations of `flavor` (next-auth v4 or Auth.js) into the TypeScript worker. */
export function useFlavorDeclarations(flavor: FlowFlavor): void {
  if (currentFlavor === flavor) return
  currentFlavor = flavor
  ts.typescriptDefaults.setExtraLibs(TYPE_DECLARATIONS[flavor].map(({ path, content }) => ({ filePath: path, content })))
}

/**
 * TypeScript's syntax and grammar diagnostics have codes 1000–1999. Whether the code runs is the
 * sandbox worker's call (CallbackEditors asks it); this only counts what TypeScript says.
 */
export function isSyntaxMarker(marker: monaco.editor.IMarker): boolean {
  const code = typeof marker.code === 'object' ? marker.code?.value : marker.code
  const n = Number(code)
  return Number.isFinite(n) && n >= 1000 && n < 2000
}

export { monaco }
