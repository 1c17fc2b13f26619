// The bench page: the engine, loaded in Chromium exactly as the app bundles it, for benchmarks
// that must be measured in the browser (`window.bench.engine`).
import * as engine from '../../../src/engine/index'

declare global {
  interface Window {
    bench: { engine: typeof engine; ready: true }
  }
}

window.bench = { engine, ready: true }
