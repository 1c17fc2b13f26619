// `npm run bench -- screen`: what the playground screen computes on every step of an animation: the
// cookie jar, the token, the session and the signIn() result at the cursor (src/state/selectors.ts),
// for a real sign-in trace and a chunked one, recomputed from scratch at each step (memo misses).
import { alternate, fmt, loadTs, median, table } from './lib.mjs'

const NOW_SEC = 1_800_000_000

export default async function screenBench({ log }) {
  const engine = await loadTs('./src/engine/index.ts')
  const selectors = await loadTs('./src/state/selectors.ts')
  const user = engine.demoUsers()[0]

  async function traceFor(users) {
    const playground = engine.createPlayground({ nowSec: NOW_SEC, random: engine.createSeededRandom(1), config: { users } })
    const signIn = await playground.run('signIn', { email: user.email, password: user.password })
    const session = await playground.run('getSession')
    return [signIn, session]
  }
  const plain = await traceFor(engine.demoUsers())
  const chunked = await traceFor([{ ...user, name: 'A'.repeat(9000) }])
  if (!chunked[0].jarAfter.some((c) => c.name.endsWith('.1'))) throw new Error('the chunked trace has no chunks')

  /** Every selector a panel reads, at every cursor of `trace`, as fresh states (no memo hits). */
  const playback = (traces) => () => {
    const trace = traces[traces.length - 1]
    for (let cursor = -1; cursor < trace.events.length; cursor++) {
      const state = { lastTrace: trace, traces: [...traces], cursor }
      selectors.selectJarAtCursor(state)
      selectors.selectTokenAtCursor(state)
      selectors.selectSessionAtCursor(state)
      selectors.selectSignInResultAtCursor(state)
      selectors.selectProtectedPageAtCursor(state)
    }
  }
  const contenders = { 'sign-in': playback(plain.slice(0, 1)), 'sign-in, chunked': playback(chunked.slice(0, 1)), 'get session after sign-in': playback(plain) }
  const rates = await alternate(
    Object.fromEntries(Object.entries(contenders).map(([name, fn]) => [name, async () => fn()])),
    { batches: 15, opsPerBatch: 50, warmupOps: 50 },
  )
  log('playbacks per second', rates)
  const steps = { 'sign-in': plain[0].events.length + 1, 'sign-in, chunked': chunked[0].events.length + 1, 'get session after sign-in': plain[1].events.length + 1 }
  const rows = Object.entries(rates).map(([name, rate]) => [name, String(steps[name]), fmt.ms(1000 / rate, 3), fmt.ms(1000 / rate / steps[name], 4)])

  // One step as the UI sees it: a single selector pass on a fresh cursor, repeated.
  const singleStep = []
  const trace = chunked[0]
  for (let i = 0; i < 2000; i++) {
    const start = performance.now()
    const state = { lastTrace: trace, traces: [trace], cursor: trace.events.length - 1 - (i % 5) }
    selectors.selectJarAtCursor(state)
    selectors.selectSessionAtCursor(state)
    singleStep.push(performance.now() - start)
  }

  return [
    'Node, median of 15 alternating batches. A "playback" computes every panel selector at every cursor of the trace',
    '(cursor −1 … last), each time from scratch; the UI computes one cursor per animation step and memoises it.',
    'Target: well under 1 ms per step (an animation frame is 16 ms).',
    '',
    table(['trace', 'steps', 'whole playback', 'per step'], rows),
    '',
    `Jar + session at one cursor of the chunked sign-in (the heaviest step), median of 2000: ${fmt.ms(median(singleStep), 4)}.`,
  ].join('\n')
}
