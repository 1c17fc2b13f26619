// The callback sandbox in Chromium (the bench page's engine, built by Vite). Interleaved rounds, so
// machine noise hits every variant alike: an empty module worker (the floor of any worker start);
// a cold start with a new source (a runner made and called at once with a source nobody compiled yet:
// worker boot, lockdown, sucrase loaded on demand, transpile, first answer, all on the clock); a cold
// start with a source compiled before (the runner made with a store in localStorage that already
// holds the source's JavaScript, as the app's after a reload, or the starting code shipped compiled:
// worker boot, lockdown, first answer, no sucrase); the first call after
// the page has been idle (runner made and sources set first: what a learner who clicks "Sign in" a
// moment after the page loads waits for). Then the warm round trip of one call, and recovery after a
// runaway loop (limit 1000 ms → next good answer; the fresh worker gets the compiled JavaScript and
// boots without sucrase), with the longest main-thread task meanwhile. Load average before and after.
import os from 'node:os'
import { fmt, median, table } from './lib.mjs'

const ROUNDS = 15

export default async function sandboxBench({ browser, log }) {
  const page = await (await browser()).benchPage()
  const loadBefore = os.loadavg()[0]
  const results = await page.evaluate(async (rounds) => {
    const { createSandboxRunner } = window.bench.engine
    const GOOD = 'export const callbacks = {\n  async jwt({ token, user }: any) {\n    if (user) token.id = user.id\n    return token\n  },\n}\n'
    const args = () => [{ token: { sub: '1', name: 'Ada', email: 'ada@example.com' }, user: { id: '1' }, trigger: 'signIn' }]
    const context = { users: [] }
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
    const emptyWorkerUrl = URL.createObjectURL(new Blob(['postMessage("ready")'], { type: 'text/javascript' }))
    // A store like the app's: one JSON value in localStorage, read and written whole.
    const STORE_KEY = 'bench:sandbox:compiled'
    const keptStore = {
      read: (name) => JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}')[name] ?? null,
      write: (name, record) => localStorage.setItem(STORE_KEY, JSON.stringify({ ...JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}'), [name]: record })),
    }
    // An earlier visit: the worker compiles KEPT and the runner keeps its JavaScript in the store.
    const KEPT = `${GOOD}// kept from an earlier visit\n`
    localStorage.removeItem(STORE_KEY)
    {
      const runner = createSandboxRunner({ compiledStore: keptStore })
      runner.setSources({ jwt: KEPT })
      const result = await runner.run('jwt', args(), context)
      runner.dispose()
      if (!result.ok || keptStore.read('jwt')?.source !== KEPT) throw new Error('the earlier visit kept nothing')
    }

    const variants = {
      // The floor: a module worker that only says it is there.
      async empty() {
        const started = performance.now()
        const worker = new Worker(emptyWorkerUrl, { type: 'module' })
        await new Promise((resolve) => (worker.onmessage = resolve))
        const elapsed = performance.now() - started
        worker.terminate()
        return elapsed
      },
      // The clock starts before the runner (and so its worker) exists; called at once, with a source
      // that differs every round, so nothing is compiled anywhere yet.
      async cold(round) {
        const started = performance.now()
        const runner = createSandboxRunner()
        runner.setSources({ jwt: `${GOOD}// cold ${round}\n` })
        const result = await runner.run('jwt', args(), context)
        const elapsed = performance.now() - started
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        runner.dispose()
        return elapsed
      },
      // The clock starts before the runner exists; it is made with the source and a store that holds
      // its JavaScript (what the app does after a reload), so its first worker boots without sucrase.
      async compiledBefore() {
        const started = performance.now()
        const runner = createSandboxRunner({ sources: { jwt: KEPT }, compiledStore: keptStore })
        const result = await runner.run('jwt', args(), context)
        const elapsed = performance.now() - started
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        runner.dispose()
        return elapsed
      },
      // Runner made and sources set, then 500 ms and an idle callback pass, then the first call is timed.
      async idleFirst(round) {
        const runner = createSandboxRunner()
        runner.setSources({ jwt: `${GOOD}// idle ${round}\n` })
        await pause(500)
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }))
        const started = performance.now()
        const result = await runner.run('jwt', args(), context)
        const elapsed = performance.now() - started
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        runner.dispose()
        return elapsed
      },
    }
    const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
    for (let round = 0; round < rounds; round++) {
      for (const [name, measure] of Object.entries(variants)) {
        samples[name].push(await measure(round))
        await pause(30)
      }
    }

    // Warm round trip: batches of calls on one runner; per-call time of each batch.
    const runner = createSandboxRunner()
    runner.setSources({ jwt: GOOD })
    for (let i = 0; i < 200; i++) await runner.run('jwt', args(), context)
    const warm = []
    for (let batch = 0; batch < 15; batch++) {
      const started = performance.now()
      for (let i = 0; i < 200; i++) await runner.run('jwt', args(), context)
      warm.push((performance.now() - started) / 200)
    }

    // Recovery after a runaway loop, and the longest main-thread task meanwhile.
    const recovery = []
    const longest = []
    for (let i = 0; i < 5; i++) {
      const tasks = []
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)))
      observer.observe({ type: 'longtask', buffered: false })
      runner.setSources({ jwt: 'export function jwt() {\n  while (true) {}\n}\n' })
      const started = performance.now()
      const timedOut = await runner.run('jwt', args(), context)
      if (timedOut.ok || timedOut.error.code !== 'SANDBOX_TIMEOUT') throw new Error('expected SANDBOX_TIMEOUT')
      runner.setSources({ jwt: GOOD })
      const good = await runner.run('jwt', args(), context)
      if (!good.ok) throw new Error(JSON.stringify(good.error))
      recovery.push(performance.now() - started)
      await pause(50)
      observer.disconnect()
      longest.push(tasks.length ? Math.max(...tasks) : 0)
    }
    runner.dispose()
    localStorage.removeItem(STORE_KEY)
    const med = (values) => {
      const sorted = [...values].sort((a, b) => a - b)
      const mid = sorted.length >> 1
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    return {
      ...Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, { median: med(values), min: Math.min(...values), max: Math.max(...values) }])),
      warm: med(warm),
      recovery: med(recovery),
      longest: Math.max(...longest),
      longtaskRuns: longest,
    }
  }, ROUNDS)
  const loadAfter = os.loadavg()[0]
  await page.close()
  log({ ...results, loadBefore, loadAfter })
  const range = (r) => `${fmt.ms(r.min, 1)} – ${fmt.ms(r.max, 1)}`
  return `### Callback sandbox (module Web Worker)

${table(
  ['measure', 'median', 'range', 'target'],
  [
    ['warm callback round trip (jwt, 15 batches × 200 calls)', fmt.ms(results.warm, 3), '', '≤ 2 ms'],
    [`cold start, source compiled before (starter code, or code kept from an earlier visit: runner made with the source and a store holding its JavaScript → first answer; worker boot, lockdown, no sucrase; ${ROUNDS} rounds)`, fmt.ms(results.compiledBefore.median, 1), range(results.compiledBefore), '≤ 50 ms'],
    [`cold start (new source: runner made and called at once with a source nobody compiled: worker boot, lockdown, sucrase loaded on demand, transpile → first answer; ${ROUNDS} rounds)`, fmt.ms(results.cold.median, 1), range(results.cold), 'none (see below)'],
    [`empty module worker, for comparison (new Worker → first message; ${ROUNDS} rounds)`, fmt.ms(results.empty.median, 1), range(results.empty), ''],
    [`first call after the page is idle (runner made, sources set, 500 ms + idle callback → first answer; ${ROUNDS} rounds)`, fmt.ms(results.idleFirst.median, 1), range(results.idleFirst), '≤ 50 ms'],
    ['recovery after `while (true) {}` with a 1000 ms limit (→ next good answer; 5 runs)', fmt.ms(results.recovery, 0), '', '≤ 1200 ms'],
    ['longest main-thread task during those recoveries (PerformanceObserver longtask; max of 5)', results.longest ? fmt.ms(results.longest, 0) : 'none ≥ 50 ms', '', '< 50 ms'],
  ],
)}

The ≤ 50 ms cold-start target is judged on the row “cold start, source compiled before”: ${fmt.ms(results.compiledBefore.median, 1)} median. That is the page's case whenever the code has been compiled before: untouched starting code (its JavaScript ships with the app) and code kept from an earlier visit (the app keeps its JavaScript in localStorage). A source nobody has compiled yet still pays for sucrase: the new-source row, ${fmt.ms(results.cold.median, 1)} median, ${results.cold.median <= 50 ? 'within' : 'above'} 50 ms and ${fmt.ms(results.cold.median - results.compiledBefore.median, 1)} above the compiled-before row; in the app that cost falls while the learner types (the editor's check compiles each edit a quarter of a second after it), not on a press of “Sign in”.
Both cold starts, the empty worker and the first call after idle ran interleaved (one of each per round). Cold start − empty worker: ${fmt.ms(results.compiledBefore.median - results.empty.median, 1)} compiled before, ${fmt.ms(results.cold.median - results.empty.median, 1)} new source. Recovery / limit: ${fmt.ratio(results.recovery / 1000)}. Warm round trip / target: ${fmt.ratio(results.warm / 2)}.
1-minute load average: ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${os.cpus().length} cores (a shared machine: single figures are noisy; compare figures of one run).
`
}

export { median }
