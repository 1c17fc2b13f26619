// The editors' TypeScript check in Node: Monaco's own TypeScript worker class (its bundled compiler
// and lib files), with the compiler options of monacoSetup.ts, the flavour's extra libraries and the
// three callback files as models, as one program, the way the browser checks them.
import type { FlowFlavor, SandboxCallbackName } from '../../../src/engine/index'
import { TYPE_DECLARATIONS } from '../../../src/ui/editor/typeDeclarations'

interface Diagnostic {
  code: number
  category: number
  start?: number
  messageText: string | { messageText: string; next?: unknown[] }
}

interface MonacoTsWorker {
  getSyntacticDiagnostics(fileName: string): Promise<Diagnostic[]>
  getSemanticDiagnostics(fileName: string): Promise<Diagnostic[]>
}

type WorkerClass = new (ctx: { getMirrorModels(): unknown[] }, createData: { compilerOptions: Record<string, unknown>; extraLibs: Record<string, { content: string; version: number }> }) => MonacoTsWorker

// Not a literal: the module has no type declarations, and this file says what it needs of it.
const TS_WORKER = 'monaco-editor/languages/features/typescript/tsWorker.js'
let workerClass: Promise<WorkerClass> | undefined

/** TypeScript's enum values for monacoSetup.ts's options (ScriptTarget.ESNext, ModuleKind.ESNext, ModuleResolutionKind.NodeJs). */
const COMPILER_OPTIONS = { target: 99, module: 99, moduleResolution: 2, strict: true, esModuleInterop: true, allowSyntheticDefaultImports: true, allowNonTsExtensions: true, noEmit: true, lib: ['esnext'] }

export interface Problem {
  file: SandboxCallbackName
  line: number
  code: number
  message: string
}

function flatten(text: Diagnostic['messageText']): string {
  return typeof text === 'string' ? text : text.messageText
}

/** The problems Monaco would report (syntax and semantic, errors only) in each editor of `flavor` holding `code`. */
export async function typeCheck(flavor: FlowFlavor, code: Partial<Record<SandboxCallbackName, string>>): Promise<Problem[]> {
  const TypeScriptWorker = await (workerClass ??= import(/* @vite-ignore */ TS_WORKER).then((module: { TypeScriptWorker: WorkerClass }) => module.TypeScriptWorker))
  const models = Object.entries(code).map(([name, text]) => ({ uri: { path: `/callbacks/${name}.ts`, toString: () => `file:///callbacks/${name}.ts` }, version: 1, getValue: () => text }))
  const extraLibs = Object.fromEntries(TYPE_DECLARATIONS[flavor].map(({ path, content }) => [path, { content, version: 1 }]))
  const worker = new TypeScriptWorker({ getMirrorModels: () => models }, { compilerOptions: COMPILER_OPTIONS, extraLibs })
  const problems: Problem[] = []
  for (const [name, text] of Object.entries(code) as [SandboxCallbackName, string][]) {
    const fileName = `file:///callbacks/${name}.ts`
    for (const diagnostic of [...(await worker.getSyntacticDiagnostics(fileName)), ...(await worker.getSemanticDiagnostics(fileName))]) {
      // 1 = DiagnosticCategory.Error: what the editors count as a problem.
      if (diagnostic.category !== 1) continue
      const line = text.slice(0, diagnostic.start ?? 0).split('\n').length
      problems.push({ file: name, line, code: diagnostic.code, message: flatten(diagnostic.messageText) })
    }
  }
  return problems
}
