// Maps a position in the transpiled JavaScript back to the learner's TypeScript, through the
// source map sucrase writes (one segment per token; sucrase keeps lines, so only columns move).

/** One decoded segment: generated column → original line/column, all 0-based. */
interface Segment {
  generatedColumn: number
  originalLine: number
  originalColumn: number
}

export type DecodedMappings = Segment[][]

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeVlq(text: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = BASE64.indexOf(char)
    if (digit < 0) throw new Error(`invalid base64 VLQ character ${char}`)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/** Decode a v3 source map `mappings` string (single source). */
export function decodeMappings(mappings: string): DecodedMappings {
  const lines: DecodedMappings = []
  let originalLine = 0
  let originalColumn = 0
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = []
    let generatedColumn = 0
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue
      const [dCol, , dLine = 0, dOrigCol = 0] = decodeVlq(segmentText)
      generatedColumn += dCol
      originalLine += dLine
      originalColumn += dOrigCol
      segments.push({ generatedColumn, originalLine, originalColumn })
    }
    lines.push(segments)
  }
  return lines
}

/**
 * The learner's position for a 1-based generated line/column: the nearest token at or before the
 * column, shifted by the distance into that token.
 */
export function originalPosition(mappings: DecodedMappings, line: number, column: number): { line: number; column: number } {
  const segments = mappings[line - 1]
  const generatedColumn = column - 1
  let best: Segment | undefined
  for (const segment of segments ?? []) {
    if (segment.generatedColumn <= generatedColumn) best = segment
    else break
  }
  if (!best) return { line, column }
  return { line: best.originalLine + 1, column: best.originalColumn + (generatedColumn - best.generatedColumn) + 1 }
}
