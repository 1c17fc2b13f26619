// Builds scripts/bench/page into .bench-dist/ for the in-browser benchmarks.
import { defineConfig } from 'vite'
import { slimSucrase } from '../vite/slimSucrase.ts'

export default defineConfig({
  root: 'scripts/bench/page',
  base: './',
  logLevel: 'warn',
  // The callback worker is bundled as the app bundles it.
  worker: { format: 'es', plugins: () => [slimSucrase()] },
  build: { outDir: '../../../.bench-dist', emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
})
