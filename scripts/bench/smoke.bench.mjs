// Checks the bench harness itself: the engine loads in Node and in Chromium.
import { loadTs } from './lib.mjs'

export default async function ({ browser }) {
  const engine = await loadTs('./src/engine/index.ts')
  const { benchPage, close: _ } = await browser()
  const page = await benchPage()
  const inBrowser = await page.evaluate(() => typeof window.bench.engine.createSimClock)
  await page.close()
  return `Harness check: engine in Node exports ${Object.keys(engine).length} names; in Chromium \`createSimClock\` is a ${inBrowser}.`
}
