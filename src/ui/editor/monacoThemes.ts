// The editors' two Monaco themes: vs and vs-dark with every token colour that falls below WCAG AA
// (4.5:1 on the editor background) replaced by the nearest shade that passes. Plain data, so a test
// checks the contrast of the merged themes without starting Monaco.
import type { editor } from 'monaco-editor'

export const MONACO_THEME_NAMES = { light: 'playground-light', dark: 'playground-dark' } as const

/** Line numbers are drawn from theme colours too; these are Monaco's defaults, named so the test checks them. */
const LINE_NUMBER_COLORS = {
  light: { 'editorLineNumber.foreground': '#237893', 'editorLineNumber.activeForeground': '#0B216F' },
  dark: { 'editorLineNumber.foreground': '#858585', 'editorLineNumber.activeForeground': '#C6C6C6' },
}

export const MONACO_THEMES: Record<keyof typeof MONACO_THEME_NAMES, editor.IStandaloneThemeData> = {
  light: {
    base: 'vs',
    inherit: true,
    // Each colour is vs's own, darkened until it reaches 4.7:1 on #FFFFFE.
    rules: [
      { token: 'annotation', foreground: '737373' },
      { token: 'metatag.html', foreground: '737373' },
      { token: 'metatag.xml', foreground: '737373' },
      { token: 'metatag.content.html', foreground: 'E80000' },
      { token: 'attribute.name', foreground: 'E80000' },
      { token: 'string.sql', foreground: 'E80000' },
      { token: 'operator.sql', foreground: '667584' },
    ],
    colors: { ...LINE_NUMBER_COLORS.light },
  },
  dark: {
    base: 'vs-dark',
    inherit: true,
    // Each colour is vs-dark's own, lightened until it reaches 4.7:1 on #1E1E1E (comments were 4.2:1).
    rules: [
      { token: 'comment', foreground: '6B935A' },
      { token: 'variable.predefined', foreground: '7288BE' },
      { token: 'regexp', foreground: 'BA729D' },
      { token: 'annotation', foreground: 'CE6B6B' },
      { token: 'delimiter.html', foreground: '888888' },
      { token: 'delimiter.xml', foreground: '888888' },
      { token: 'tag.id.pug', foreground: '698BB8' },
      { token: 'tag.class.pug', foreground: '698BB8' },
      { token: 'string.sql', foreground: 'FF3B3B' },
    ],
    colors: { ...LINE_NUMBER_COLORS.dark },
  },
}
