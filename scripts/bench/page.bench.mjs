// `npm run bench -- page`: the production app in Chromium. Initial JavaScript before Monaco (gzip,
// target ≤ 150 KB), first contentful paint (target ≤ 400 ms), and the longest main-thread task while
// an animated sign-in plays at 1× (target < 50 ms; and the whole sign-in should play in ≤ 10 s).
import { readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, preview } from 'vite'
import { fmt, median, table } from './lib.mjs'

// Its own production build, so the figures never come from a stale or development `dist/`.
const DIST = '.dist-page-bench'
const FCP_LOADS = 15
const SIGN_IN_RUNS = 5

/** The JS the entry needs before anything is imported lazily: index.html's module script, its preloads and their static imports. */
function initialJavaScript() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((m) => m[1])
  const seen = new Set()
  while (queue.length) {
    const file = queue.shift()
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(DIST, file), 'utf8')
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join(file, '..', m[1]))
  }
  return [...seen].map((file) => {
    const bytes = readFileSync(join(DIST, file))
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length }
  })
}

async function firstContentfulPaint(b) {
  const values = []
  for (let i = 0; i < FCP_LOADS; i++) {
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(b.appUrl)
    const fcp = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0]
            if (entry) resolve(entry.startTime)
          }).observe({ type: 'paint', buffered: true })
        }),
    )
    values.push(fcp)
    await context.close()
  }
  return values
}

/**
 * Longest `RunTask` on a renderer main thread in a Chromium trace: by wall time (`dur`, the figure
 * reported before, which includes time the thread was descheduled on a busy machine) and by the
 * thread's own CPU time (`tdur`), in ms.
 */
function longestTaskMs(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'))
  const mainThreads = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  let longest = 0
  let longestCpu = 0
  let over50 = 0
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue
    const ms = e.dur / 1000
    longest = Math.max(longest, ms)
    if (typeof e.tdur === 'number') longestCpu = Math.max(longestCpu, e.tdur / 1000)
    if (ms >= 50) over50++
  }
  return { longest, longestCpu, over50 }
}

/**
 * In the page, before tracing starts: resolves with the ms from the press on "Sign in" until the last
 * step is current and the player shows "Play" again, watched by a MutationObserver (nothing polls).
 */
function watchPlayedOut() {
  const state = window
  state.__benchPressedAt = null
  document.addEventListener('pointerdown', () => (state.__benchPressedAt ??= performance.now()), { capture: true, once: true })
  const list = document.querySelector('ol[aria-label="Pipeline"]')
  if (!list) throw new Error('no pipeline list')
  const playerShowsPlay = () => [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Play' && !button.disabled)
  state.__benchPlayedOut = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const last = list.lastElementChild
      if (last?.getAttribute('aria-current') === 'step' && playerShowsPlay()) {
        observer.disconnect()
        resolve(performance.now() - state.__benchPressedAt)
      }
    })
    observer.observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] })
  })
}

async function animatedSignIn(b) {
  const context = await b.browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(b.appUrl)
  await page.waitForLoadState('networkidle')
  // The run, not the page load: Monaco's lazy start (three editors, the TypeScript worker) and the
  // callback worker's boot are over before the click, as when a person has read the screen first.
  for (const name of ['authorize', 'jwt callback', 'session callback']) {
    await page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name, exact: true }) }).locator('.view-line').first().waitFor({ timeout: 30_000 })
  }
  // Everything Playwright has to find is found before tracing: inside the traced window the page only
  // gets a mouse press and one awaited promise, so no task of Playwright's role engine is measured.
  const box = await page.getByRole('button', { name: 'Sign in', exact: true }).boundingBox()
  if (!box) throw new Error('Sign in is not on screen')
  await page.evaluate(watchPlayedOut)
  await page.waitForTimeout(1000)
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })))
  const load = os.loadavg()[0]
  await b.browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] })
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  const playedMs = await Promise.race([page.evaluate(() => window.__benchPlayedOut), new Promise((_, reject) => setTimeout(() => reject(new Error('the sign-in did not play out in 30 s')), 30_000))])
  const trace = await b.browser.stopTracing()
  const steps = await page.evaluate(() => document.querySelectorAll('ol[aria-label="Pipeline"] > li').length)
  await context.close()
  return { ...longestTaskMs(trace), playedMs, steps, load }
}

/** A fresh production build of the app, served on 127.0.0.1. */
async function servedBuild() {
  rmSync(DIST, { recursive: true, force: true })
  const startedMs = Date.now()
  await build({ mode: 'production', logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } })
  if (statSync(join(DIST, 'index.html')).mtimeMs < startedMs - 1000) throw new Error(`${DIST} was not rebuilt`)
  const server = await preview({ build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' })
  return { url: server.resolvedUrls.local[0], close: () => server.close() }
}

export default async function pageBench({ browser, log }) {
  const harness = await browser()
  const app = await servedBuild()
  const b = { browser: harness.browser, appUrl: app.url }
  const files = initialJavaScript()
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0)
  const raw = files.reduce((sum, f) => sum + f.raw, 0)
  log(`initial JS: ${files.length} files, ${fmt.kb(gzip)} gzip`)
  // A development React (its JSX checks) would make every figure below meaningless.
  if (files.some((f) => readFileSync(join(DIST, f.file), 'utf8').includes('jsxDEV'))) throw new Error('the build bundles the development JSX runtime')
  const monacoInInitial = files.some((f) => /monaco|editor\.api/i.test(readFileSync(join(DIST, f.file), 'utf8').slice(0, 4000)) && f.raw > 1_000_000)

  const fcps = await firstContentfulPaint(b)
  log(`FCP median ${fmt.ms(median(fcps), 0)}`)

  const loadBefore = os.loadavg()[0]
  const runs = []
  for (let i = 0; i < SIGN_IN_RUNS; i++) {
    runs.push(await animatedSignIn(b))
    const run = runs.at(-1)
    log(`sign-in ${i + 1}: longest task ${fmt.ms(run.longest, 1)} wall, ${fmt.ms(run.longestCpu, 1)} CPU; played in ${fmt.ms(run.playedMs, 0)}; load ${run.load.toFixed(1)}`)
  }
  await app.close()
  const longest = runs.map((r) => r.longest)
  const longestCpu = runs.map((r) => r.longestCpu)
  const played = runs.map((r) => r.playedMs)
  const calm = runs.filter((r) => r.load <= 1.5)

  return [
    table(
      ['measure', 'median', 'range', 'target'],
      [
        ['initial JavaScript before Monaco (gzip, zlib level 6)', fmt.kb(gzip), `${files.length} files, ${fmt.kb(raw)} raw${monacoInInitial ? ', Monaco included!' : ''}`, '≤ 150 KB'],
        [`first contentful paint (${FCP_LOADS} cold loads, 1440×900)`, fmt.ms(median(fcps), 0), `${fmt.ms(Math.min(...fcps), 0)} – ${fmt.ms(Math.max(...fcps), 0)}`, '≤ 400 ms'],
        [`longest main-thread task during an animated sign-in at 1× (${SIGN_IN_RUNS} runs, wall time)`, fmt.ms(median(longest), 1), `${fmt.ms(Math.min(...longest), 1)} – ${fmt.ms(Math.max(...longest), 1)}; tasks ≥ 50 ms: ${runs.map((r) => r.over50).join(', ')}${calm.length ? `; runs at load ≤ 1.5: ${calm.length}, median ${fmt.ms(median(calm.map((r) => r.longest)), 1)}` : '; no run at load ≤ 1.5'}`, '< 50 ms'],
        ['the same task’s CPU time on the main thread (thread time, `tdur`)', fmt.ms(median(longestCpu), 1), `${fmt.ms(Math.min(...longestCpu), 1)} – ${fmt.ms(Math.max(...longestCpu), 1)}`, '< 50 ms'],
        [`sign-in played out at 1× (click → last of ${runs[0].steps} steps)`, fmt.ms(median(played), 0), `${fmt.ms(Math.min(...played), 0)} – ${fmt.ms(Math.max(...played), 0)}`, '≤ 10 s'],
      ],
    ),
    '',
    `Initial files: ${files.map((f) => `\`${f.file}\` ${fmt.kb(f.gzip)}`).join(', ')}.`,
    `Machine load (1-minute load average, ${os.cpus().length} cores) when the sign-ins started: ${loadBefore.toFixed(1)}; at the end: ${os.loadavg()[0].toFixed(1)}; per run: ${runs.map((r) => r.load.toFixed(1)).join(', ')}. Wall-time figures grow with it (a descheduled thread still counts); CPU time does not.`,
    'The longest task is the longest `RunTask` on the page’s renderer main thread in a Chromium trace (`toplevel` category), from the press on “Sign in” until the pipeline has played its last step; it includes the engine’s run, the sandbox round trips and every animation frame. Playwright stays out of the traced window: the button’s position is found before tracing, the press is a plain mouse event, and the end of the run is a promise a MutationObserver in the page resolves (nothing polls); the rows are counted after tracing stops. Each run starts on a settled page: the three editors shown, then 1 s and an idle callback.',
  ].join('\n')
}
