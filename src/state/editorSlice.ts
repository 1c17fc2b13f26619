// The learner's callback code (authorize, jwt, session), kept across reloads in localStorage with the
// JavaScript the sandbox compiled from it, and what the editors know about it (type and syntax
// problems from Monaco's TypeScript worker).
import type { StateCreator } from 'zustand'
import { DEFAULT_FLAVOR, isSandboxCallback, SANDBOX_CALLBACK_NAMES, STARTER_CODE, type CompiledRecord, type CompiledStore, type ConsoleEntry, type EditorCode, type FlowFlavor, type SandboxCallbackName, type SerializedEngineError, type Trace } from '../engine/index'
import type { AppState } from './createAppStore'
import { storage } from './storage'

/** Where the editors' code is saved. */
export const EDITOR_STORAGE_KEY = 'nextauth-playground:editors:v1'
/** Where the sandbox keeps the JavaScript it compiled from the editors' code, so a reload boots its worker without the compiler. */
export const COMPILED_STORAGE_KEY = 'nextauth-playground:compiled:v1'
/** Past this size (UTF-16 units, as storage counts) the compiled JavaScript is not kept: the quota is for the editors' code. */
export const MAX_COMPILED_STORAGE_CHARS = 512 * 1024

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
  const target = storage()
  const value = JSON.stringify(code)
  try {
    target?.setItem(EDITOR_STORAGE_KEY, value)
  } catch {
    // Quota exceeded or storage refused. The compiled JavaScript gives way to the code it came from;
    // if that is not enough, the code stays in memory: nothing is lost until the tab closes.
    try {
      target?.removeItem(COMPILED_STORAGE_KEY)
      target?.setItem(EDITOR_STORAGE_KEY, value)
    } catch {
      // Still refused: in memory only, as above.
    }
  }
}

function isCompiledRecord(value: unknown): value is CompiledRecord {
  if (value === null || typeof value !== 'object') return false
  const { source, compiled, format } = value as Record<string, unknown>
  return typeof source === 'string' && typeof compiled === 'string' && typeof format === 'string'
}

function readCompiled(target: Storage): Partial<Record<SandboxCallbackName, CompiledRecord>> {
  const saved: unknown = JSON.parse(target.getItem(COMPILED_STORAGE_KEY) ?? 'null')
  const records: Partial<Record<SandboxCallbackName, CompiledRecord>> = {}
  if (saved === null || typeof saved !== 'object') return records
  for (const name of SANDBOX_CALLBACK_NAMES) {
    const record = (saved as Record<string, unknown>)[name]
    if (isCompiledRecord(record)) records[name] = record
  }
  return records
}

/**
 * The sandbox's store for compiled JavaScript, in localStorage next to the editors' code: one record
 * per callback, the last one compiled. The sandbox checks that a record is its current source's under
 * its current compiler before using it. Missing, corrupt, full or refused storage means no store:
 * every read is empty, every write is dropped, nothing reaches the page.
 */
export function createCompiledStore(): CompiledStore {
  return {
    read(name) {
      const target = storage()
      if (!target) return null
      try {
        return readCompiled(target)[name] ?? null
      } catch {
        // Unreadable or corrupt: as if nothing were kept; the worker compiles.
        return null
      }
    },
    write(name, record) {
      const target = storage()
      if (!target) return
      try {
        let records: Partial<Record<SandboxCallbackName, CompiledRecord>>
        try {
          records = readCompiled(target)
        } catch {
          // Corrupt: replaced by this record.
          records = {}
        }
        records[name] = record
        let value = JSON.stringify(records)
        if (value.length > MAX_COMPILED_STORAGE_CHARS) {
          delete records[name]
          value = JSON.stringify(records)
        }
        target.setItem(COMPILED_STORAGE_KEY, value)
      } catch {
        // Quota exceeded or storage refused: not kept; the next visit compiles this source again.
      }
    },
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
    // A refusal on purpose (the engine marks it) is the sign-in's answer, not code that failed: no callout under the editor.
    if (event.kind === 'callback.failed' && !event.refused && isSandboxCallback(event.callback)) {
      value.push({ callback: event.callback, error: event.error, logs: event.logs, step: event.step })
    }
  }
  lastFailures = { trace, value: value.length ? value : NO_FAILURES }
  return lastFailures.value
}
