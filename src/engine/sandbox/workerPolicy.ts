// The callback worker's own Content-Security-Policy. A dedicated worker loaded from a URL takes its
// policy from its response headers, not from the page's meta tag, so the server sends this with the
// worker script (vite.config.ts for dev and preview, public/_headers for static hosts). The worker may
// load the app's own scripts (its chunks) and build the learner's module with the Function
// constructor ('unsafe-eval'); nothing else: no fetch, WebSocket, font or script from anywhere.

/** The header value sent with the worker script. */
export const WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' 'unsafe-eval'"

/** Whether a request path is the callback worker's script: the built `assets/worker-<hash>.js`, or worker.ts under `vite dev`. */
export function isCallbackWorkerScript(path: string): boolean {
  const pathname = path.split('?')[0]
  return /\/assets\/worker-[\w-]+\.js$/.test(pathname) || pathname.endsWith('/src/engine/sandbox/worker.ts')
}
