/// <reference types="vitest/config" />
import { defineConfig, type Connect, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
// With extensions: Vite's native config loader (its future default) resolves only those.
import { app } from './src/i18n/en/app.ts'
import { staticShellHtml } from './src/ui/shell/staticShell.ts'
import { isCallbackWorkerScript, WORKER_CONTENT_SECURITY_POLICY } from './src/engine/sandbox/workerPolicy.ts'
import { slimSucrase } from './scripts/vite/slimSucrase.ts'

// The production page's Content-Security-Policy: everything from the app's own origin, nothing from
// elsewhere (backs up the callback sandbox). Monaco needs inline styles, and data: for its font.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

// The callback worker's script gets its own CSP header under `vite dev` and `vite preview` (the browser
// tests serve the build with preview); static hosts read public/_headers.
function workerContentSecurityPolicy(): Plugin {
  const sendPolicy: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url && isCallbackWorkerScript(req.url)) res.setHeader('Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY)
    next()
  }
  return {
    name: 'worker-content-security-policy',
    configureServer: (server) => void server.middlewares.use(sendPolicy),
    configurePreviewServer: (server) => void server.middlewares.use(sendPolicy),
  }
}

// `base: './'` keeps every asset URL relative, so `dist/` works from any path on any static host.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    // The app's header is in index.html itself, so the first paint needs no JavaScript.
    { name: 'static-shell', transformIndexHtml: (html) => html.replace('<div id="root"></div>', `<div id="root">${staticShellHtml({ app })}</div>`) },
    // The production build gets a CSP meta tag (vite dev injects inline scripts, so not there).
    { name: 'content-security-policy', apply: 'build', transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }] },
    workerContentSecurityPolicy(),
  ],
  // The callback worker loads only the parts of sucrase it runs (a faster cold start).
  worker: { format: 'es', plugins: () => [slimSucrase()] },
  build: {
    chunkSizeWarningLimit: 8000, // the lazily loaded Monaco chunk is ~4 MB by design
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          setupFiles: ['test/setup.jsdom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
