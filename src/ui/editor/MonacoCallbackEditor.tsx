// The one wrapper around @monaco-editor/react: a TypeScript editor for one callback, with the
// sandbox's failure as a marker and Monaco's diagnostics reported to the store. Loaded lazily.
import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import type { FlowFlavor, SandboxCallbackName } from '../../engine/index'
import type { EditorDiagnostics } from '../../state/editorSlice'
import { isSyntaxMarker, monaco, useFlavorDeclarations } from './monacoSetup'
import { MONACO_THEME_NAMES } from './monacoThemes'
import './monacoOverrides.css'

export interface CallbackMarker {
  message: string
  line: number
  column: number
}

export interface MonacoCallbackEditorProps {
  name: SandboxCallbackName
  ariaLabel: string
  code: string
  flavor: FlowFlavor
  dark: boolean
  /** Where the last run failed in this callback (a sandbox marker), if it says. */
  failure: CallbackMarker | null
  onChange: (code: string) => void
  onDiagnostics: (diagnostics: EditorDiagnostics) => void
}

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 13,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  // Monaco fades unused code below the contrast WCAG asks for; the TypeScript squiggles say enough.
  showUnused: false,
  fixedOverflowWidgets: true,
  accessibilitySupport: 'auto',
  // Long lines wrap at the editor's edge: the whole line is readable without scrolling sideways.
  wordWrap: 'on',
  wrappingIndent: 'same',
}

/**
 * The editor grows with its code, so a callback is read without scrolling inside it, up to a height
 * that still leaves room on a laptop screen; longer code scrolls.
 */
const EDITOR_MIN_HEIGHT_PX = 320
const EDITOR_MAX_HEIGHT_PX = 640

function editorHeightPx(contentHeightPx: number): number {
  return Math.min(Math.max(Math.ceil(contentHeightPx), EDITOR_MIN_HEIGHT_PX), EDITOR_MAX_HEIGHT_PX)
}

/** Reports to the store settle this long after the last marker change (re-checks clear markers before re-adding them). */
const REPORT_DELAY_MS = 200

/** The sandbox's marker for the last failure of this callback, or none. */
function showFailure(editor: monaco.editor.IStandaloneCodeEditor | null, failure: CallbackMarker | null): void {
  const model = editor?.getModel()
  if (!model) return
  const line = Math.min(Math.max(failure?.line ?? 1, 1), model.getLineCount())
  monaco.editor.setModelMarkers(
    model,
    'sandbox',
    failure ? [{ severity: monaco.MarkerSeverity.Error, message: failure.message, startLineNumber: line, startColumn: failure.column, endLineNumber: line, endColumn: model.getLineMaxColumn(line) }] : [],
  )
}

export default function MonacoCallbackEditor({ name, ariaLabel, code, flavor, dark, failure, onChange, onDiagnostics }: MonacoCallbackEditorProps) {
  useFlavorDeclarations(flavor)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const onDiagnosticsRef = useRef(onDiagnostics)
  onDiagnosticsRef.current = onDiagnostics
  const failureRef = useRef(failure)
  failureRef.current = failure
  const reportTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [heightPx, setHeightPx] = useState(EDITOR_MIN_HEIGHT_PX)

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    // A run may have failed before this lazily loaded editor existed.
    showFailure(editor, failureRef.current)
    setHeightPx(editorHeightPx(editor.getContentHeight()))
    editor.onDidContentSizeChange((event) => {
      if (event.contentHeightChanged) setHeightPx(editorHeightPx(event.contentHeight))
    })
  }

  useEffect(() => showFailure(editorRef.current, failure), [failure])
  useEffect(() => () => clearTimeout(reportTimer.current), [])

  return (
    <Editor
      path={`file:///callbacks/${name}.ts`}
      language="typescript"
      value={code}
      theme={dark ? MONACO_THEME_NAMES.dark : MONACO_THEME_NAMES.light}
      height={heightPx}
      options={{ ...OPTIONS, ariaLabel }}
      onMount={(editor, m) => {
        onMount(editor, m)
        // Markers of a model that already existed (remount) arrive before onValidate is wired.
        const model = editor.getModel()
        if (model) report(monaco.editor.getModelMarkers({ resource: model.uri, owner: 'typescript' }))
      }}
      onChange={(value) => onChange(value ?? '')}
      onValidate={(markers) => report(markers.filter((marker) => marker.owner === 'typescript'))}
    />
  )

  function report(markers: monaco.editor.IMarker[]) {
    const syntax = markers.filter(isSyntaxMarker)
    const types = markers.filter((marker) => !isSyntaxMarker(marker) && marker.severity >= monaco.MarkerSeverity.Warning)
    const first = [...syntax, ...types].sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)[0]
    clearTimeout(reportTimer.current)
    reportTimer.current = setTimeout(
      () =>
        onDiagnosticsRef.current({
          syntaxErrors: syntax.length,
          typeErrors: types.length,
          ...(first ? { first: { message: first.message, line: first.startLineNumber, column: first.startColumn } } : {}),
        }),
      REPORT_DELAY_MS,
    )
  }
}
