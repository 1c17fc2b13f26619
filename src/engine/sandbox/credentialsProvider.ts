// The one value module a callback source may import: the credentials provider helper, as
// next-auth/providers/credentials (v4, and v5 re-exports it) and @auth/core/providers/credentials
// build it: the app's options under `options`, over the helper's own defaults.

/**
 * The helper's own `authorize`, kept when the app passes none: every sign-in is CredentialsSignin.
 * The flows' library default for `authorize` (flow/defaultCallbacks.ts) is this same function.
 * Frozen: every provider a callback module makes shares it, so no module may change it for another.
 */
export const CREDENTIALS_DEFAULT_AUTHORIZE: () => null = Object.freeze(() => null)

/** `CredentialsProvider({ … })` / `Credentials({ … })`. */
export function credentialsProvider(options: Record<string, unknown>) {
  return { id: 'credentials', name: 'Credentials', type: 'credentials', credentials: {}, authorize: CREDENTIALS_DEFAULT_AUTHORIZE, options }
}
