// The learner's callback code (authorize, jwt, session), kept across reloads in localStorage, and
// what the editors know about it (type and syntax problems from Monaco's TypeScript worker).
import type { StateCreator } from 'zustand'
import { DEFAULT_FLAVOR, SANDBOX_CALLBACK_NAMES, STARTER_CODE, type ConsoleEntry, type EditorCode, type FlowFlavor, type SandboxCallbackName, type SerializedEngineError, type Trace } from '../engine/index'
import type { AppState } from './createAppStore'

/** Where the editors' code is saved. */
export const EDITOR_STORAGE_KEY = 'nextauth-playground:editors:v1'

/** Problems Monaco's TypeScript worker reports in one editor. Syntax errors block a run of that callback; type errors only warn. */
export interface EditorDiagnostics {
  syntaxErrors: number
  typeErrors: number
  /** The first problem, for the summary next to the editor. */
  first?: { message: string; line: number; column: number }
}

export interface EditorSlice {
  editorCode: EditorCode
  editorDiagnostics: Partial<Record<SandboxCallbackName, EditorDiagnostics>>
  setEditorCode: (name: SandboxCallbackName, code: string) => void
  /** Back to the starting code of the current flavour. */
  resetEditorCode: (name: SandboxCallbackName) => void
  setEditorDiagnostics: (name: SandboxCallbackName, diagnostics: EditorDiagnostics) => void
  /** After a flavour switch: editors still holding the other flavour's untouched starting code get this flavour's. */
  adoptFlavorStarters: (flavor: FlowFlavor) => void
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Storage disabled (privacy settings, sandboxed iframe): the editors still work, unsaved.
    return null
  }
}

/** Saved code merged over the defaults; a missing, partial or corrupt entry falls back to the defaults. */
export function loadEditorCode(defaults: EditorCode): EditorCode {
  const code = { ...defaults }
  let saved: unknown
  try {
    saved = JSON.parse(storage()?.getItem(EDITOR_STORAGE_KEY) ?? 'null')
  } catch {
    return code
  }
  if (saved && typeof saved === 'object') {
    for (const name of SANDBOX_CALLBACK_NAMES) {
      const value = (saved as Record<string, unknown>)[name]
      if (typeof value === 'string') code[name] = value
    }
  }
  return code
}

function saveEditorCode(code: EditorCode): void {
  try {
    storage()?.setItem(EDITOR_STORAGE_KEY, JSON.stringify(code))
  } catch {
    // Quota exceeded or storage refused: keep the code in memory; nothing is lost until the tab closes.
  }
}

function currentFlavor(state: AppState): FlowFlavor {
  return (state as Partial<{ config: { flavor?: FlowFlavor } }>).config?.flavor ?? DEFAULT_FLAVOR
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  editorCode: loadEditorCode(STARTER_CODE[DEFAULT_FLAVOR]),
  editorDiagnostics: {},
  setEditorCode: (name, code) => {
    if (get().editorCode[name] === code) return
    const editorCode = { ...get().editorCode, [name]: code }
    set({ editorCode })
    saveEditorCode(editorCode)
  },
  resetEditorCode: (name) => get().setEditorCode(name, STARTER_CODE[currentFlavor(get())][name]),
  setEditorDiagnostics: (name, diagnostics) => {
    // Monaco reports on every marker change; an unchanged report must not re-render the editors.
    if (JSON.stringify(get().editorDiagnostics[name]) === JSON.stringify(diagnostics)) return
    set({ editorDiagnostics: { ...get().editorDiagnostics, [name]: diagnostics } })
  },
  adoptFlavorStarters: (flavor) => {
    const others = (Object.keys(STARTER_CODE) as FlowFlavor[]).filter((other) => other !== flavor)
    for (const name of SANDBOX_CALLBACK_NAMES) {
      if (others.some((other) => STARTER_CODE[other][name] === get().editorCode[name])) get().setEditorCode(name, STARTER_CODE[flavor][name])
    }
  },
})

/** A failed call of an editable callback in the last run. */
export interface CallbackFailure {
  callback: SandboxCallbackName
  error: SerializedEngineError
  logs: ConsoleEntry[]
  step: number
}

const NO_FAILURES: CallbackFailure[] = []
let lastFailures: { trace: Trace | null; value: CallbackFailure[] } = { trace: null, value: NO_FAILURES }

/** The failed calls of authorize / jwt / session in the last run (the whole run, not just up to the cursor). */
export function selectCallbackFailures(state: Pick<AppState, 'lastTrace'>): CallbackFailure[] {
  const trace = (state as Partial<Pick<AppState, 'lastTrace'>>).lastTrace ?? null
  if (trace === lastFailures.trace) return lastFailures.value
  const value: CallbackFailure[] = []
  for (const event of trace?.events ?? []) {
    if (event.kind === 'callback.failed' && (SANDBOX_CALLBACK_NAMES as readonly string[]).includes(event.callback)) {
      value.push({ callback: event.callback as SandboxCallbackName, error: event.error, logs: event.logs, step: event.step })
    }
  }
  lastFailures = { trace, value: value.length ? value : NO_FAILURES }
  return lastFailures.value
}
