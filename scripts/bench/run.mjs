#!/usr/bin/env node
// `npm run bench [-- name …]`: runs scripts/bench/*.bench.mjs one after another and writes their
// sections into BENCHMARKS.md, keeping the sections of benches not run this time.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'

// Measure the app as shipped. Vite's builds follow NODE_ENV, and a bench earlier in this process may
// leave it at `development`, which would bundle React's development build.
process.env.NODE_ENV = 'production'

const DIR = 'scripts/bench'
const OUT = 'BENCHMARKS.md'
const only = process.argv.slice(2)
const files = readdirSync(DIR).filter((f) => f.endsWith('.bench.mjs')).sort()
const selected = files.filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
if (selected.length === 0) throw new Error(`no bench matches ${only.join(', ')}; have: ${files.join(', ')}`)

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let browserContext
/** Lazily builds and serves the bench page and launches Chromium once (the page bench builds and serves the app itself). */
async function browser() {
  if (browserContext) return browserContext
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium`)
  await build({ configFile: join(DIR, 'vite.bench.config.ts') })
  const benchPage = await preview({ configFile: join(DIR, 'vite.bench.config.ts'), root: DIR + '/page', build: { outDir: '../../../.bench-dist' }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' })
  const instance = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  browserContext = {
    browser: instance,
    benchUrl: benchPage.resolvedUrls.local[0],
    /** A fresh page on the bench page, with `window.bench.engine` ready. */
    async benchPage() {
      const page = await instance.newPage()
      await page.goto(browserContext.benchUrl)
      await page.waitForFunction(() => window.bench?.ready === true)
      return page
    },
    async close() {
      await instance.close()
      await benchPage.close()
    },
  }
  return browserContext
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return 'not installed'
  }
}

const sections = new Map()
if (existsSync(OUT)) {
  // Only sections of benches that still exist: a removed bench's old figures would go stale unseen.
  const names = new Set(files.map((f) => f.replace(/\.bench\.mjs$/, '')))
  for (const match of readFileSync(OUT, 'utf8').matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) if (names.has(match[1])) sections.set(match[1], match[2])
}

for (const file of selected) {
  const name = file.replace(/\.bench\.mjs$/, '')
  console.log(`\n## ${name}`)
  const bench = await import(pathToFileURL(join(process.cwd(), DIR, file)).href)
  const started = new Date().toISOString()
  const markdown = await bench.default({ browser, log: (...a) => console.log(...a) })
  console.log(markdown)
  sections.set(name, `_Measured ${started} with \`npm run bench -- ${name}\` (or \`npm run bench\` for all)._\n\n${markdown.trim()}\n`)
}
await browserContext?.close()

const header = `# Benchmarks

Written by \`npm run bench\` (each section says when it was measured and how to measure it again).
Every figure is a median of alternating batches in one run; ratios compare figures from that same run.
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion()}.
Targets are goals, not pass/fail tests: the machines are shared and noisy.
`
const body = [...sections.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, text]) => `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->`)
  .join('\n\n')
writeFileSync(OUT, `${header}\n${body}\n`)
console.log(`\nwrote ${OUT}`)
process.exit(0)
