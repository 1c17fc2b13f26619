// Serves the production build (dist/) on 127.0.0.1 for the browser tests, and fails loudly when
// Debian's Chromium is missing: browser tests are never skipped silently.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { preview, type PreviewServer } from 'vite'
import { chromiumPath } from './helpers/chromiumPath'

let server: PreviewServer | undefined

export default async function setup(project: TestProject) {
  const executable = chromiumPath()
  if (!existsSync(executable)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${executable}, and it is not there.\n` +
        `Install it with:  apt-get update && apt-get install -y chromium   (as root; or set CHROMIUM_PATH)\n` +
        `then run npm test again.`,
    )
  }
  if (!existsSync(resolve(process.env.DIST_DIR || 'dist', 'index.html'))) {
    throw new Error('Browser tests run against the production build, and dist/index.html is missing. Run `npx vite build` first (npm test does this for you).')
  }
  // DIST_DIR lets several builds coexist (e.g. `npx vite build --outDir .dist-lab`).
  server = await preview({ build: { outDir: process.env.DIST_DIR || 'dist' }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a local URL')
  project.provide('baseUrl', url)
  return async () => {
    await server?.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
