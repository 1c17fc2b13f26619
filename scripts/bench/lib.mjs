// Shared helpers for `npm run bench`: load TypeScript sources in Node, alternate batches, take
// medians, and reach Chromium (the production build, and a bench page that exposes the engine).
import { runnerImport } from 'vite'

/** Import a TypeScript module of the project in Node (through Vite's module runner). */
export async function loadTs(path) {
  const { module } = await runnerImport(path)
  return module
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Run each contender in alternating batches (A B C A B C …) so machine noise hits all alike, and
 * return per-contender medians of operations per second.
 * @param contenders {Record<string, () => Promise<void>>} one operation each
 */
export async function alternate(contenders, { batches = 15, opsPerBatch = 200, warmupOps = 100 } = {}) {
  const names = Object.keys(contenders)
  for (const name of names) for (let i = 0; i < warmupOps; i++) await contenders[name]()
  const rates = Object.fromEntries(names.map((name) => [name, []]))
  for (let b = 0; b < batches; b++) {
    for (const name of names) {
      const start = performance.now()
      for (let i = 0; i < opsPerBatch; i++) await contenders[name]()
      const seconds = (performance.now() - start) / 1000
      rates[name].push(opsPerBatch / seconds)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(rates[name])]))
}

export const fmt = {
  int: (n) => Math.round(n).toLocaleString('en-US'),
  ms: (n, digits = 2) => `${n.toFixed(digits)} ms`,
  ratio: (n) => `${n.toFixed(2)}×`,
  kb: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
}

/** A markdown table from a header row and rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
