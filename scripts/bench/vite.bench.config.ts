// Builds scripts/bench/page into .bench-dist/ for the in-browser benchmarks.
import { defineConfig } from 'vite'

export default defineConfig({
  root: 'scripts/bench/page',
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { outDir: '../../../.bench-dist', emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
})
