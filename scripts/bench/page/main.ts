// The bench page: the engine, loaded in Chromium exactly as the app bundles it, for benchmarks
// that must be measured in the browser (`window.bench.engine`, and the Token lab's entry as `window.bench.lab`).
import * as engine from '../../../src/engine/index'
import * as lab from '../../../src/engine/lab/index'

declare global {
  interface Window {
    bench: { engine: typeof engine; lab: typeof lab; ready: true }
  }
}

window.bench = { engine, lab, ready: true }
