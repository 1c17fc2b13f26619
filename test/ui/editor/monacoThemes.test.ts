// The editors' themes against WCAG AA: every token colour the merged theme can paint (Monaco's own
// vs / vs-dark rules with ours over them) and the line numbers reach 4.5:1 on the editor background.
import { describe, expect, it } from 'vitest'
// Monaco's built-in theme data (plain objects); the deep import has no type declarations.
// @ts-expect-error -- no .d.ts for monaco-editor's internal theme module
import { vs, vs_dark } from 'monaco-editor/editor/standalone/common/themes.js'
import { MONACO_THEMES } from '../../../src/ui/editor/monacoThemes'

interface Rule {
  token: string
  foreground?: string
}
interface BaseTheme {
  rules: Rule[]
  colors: Record<string, string>
}

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two opaque `#RRGGBB` / `RRGGBB` colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
  return (x + 0.05) / (y + 0.05)
}

/** Token → foreground as Monaco resolves an inheriting theme: the base rules, then ours over them. */
function mergedForegrounds(base: BaseTheme, ours: Rule[]): Map<string, string> {
  const merged = new Map<string, string>()
  for (const rule of [...base.rules, ...ours]) if (rule.foreground) merged.set(rule.token, rule.foreground.slice(0, 6))
  return merged
}

const CASES = [
  ['light', vs as BaseTheme, MONACO_THEMES.light],
  ['dark', vs_dark as BaseTheme, MONACO_THEMES.dark],
] as const

describe('Monaco themes', () => {
  it('computes contrast ratios the way WCAG does', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5)
    // The colour the axe check flagged: vs-dark comments on the vs-dark background.
    expect(contrast('608B4E', '1E1E1E')).toBeLessThan(4.5)
  })

  for (const [name, base, theme] of CASES) {
    const background = { ...base.colors, ...theme.colors }['editor.background']

    it(`${name}: inherits ${theme.base} and keeps its background`, () => {
      expect(theme.inherit).toBe(true)
      expect(background).toMatch(/^#[0-9A-F]{6}$/i)
    })

    it(`${name}: every token colour reaches 4.5:1 on the editor background`, () => {
      const merged = mergedForegrounds(base, theme.rules)
      expect(merged.size).toBeGreaterThan(20)
      const failing = [...merged].map(([token, colour]) => ({ token, colour, ratio: Number(contrast(colour, background).toFixed(2)) })).filter(({ ratio }) => ratio < 4.5)
      expect(failing).toEqual([])
    })

    it(`${name}: editor text and line numbers reach 4.5:1`, () => {
      const colors = { ...base.colors, ...theme.colors }
      for (const key of ['editor.foreground', 'editorLineNumber.foreground', 'editorLineNumber.activeForeground']) {
        expect(colors[key], key).toBeDefined()
        expect(contrast(colors[key], background), key).toBeGreaterThanOrEqual(4.5)
      }
    })
  }
})
