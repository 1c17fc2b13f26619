// The app's callbacks as the seed writes them (authorize matches a mock user; jwt copies user.id
// into token.id; session copies token.id into session.user.id), as plain functions and as the
// TypeScript source the editors start from, plus each library's own defaults
// (next-auth/core/lib/default-callbacks.js, the `defaultCallbacks` of @auth/core/lib/init.js).
import { CREDENTIALS_DEFAULT_AUTHORIZE } from '../sandbox/credentialsProvider'
import { thrownCallbackError } from '../sandbox/credentialsSignin'
import { STARTER_CODE } from '../sandbox/starterCode'
import type { CallbackContext, CallbackName, CallbackRunner, FlowFlavor, MockUser } from './types'

type AnyRecord = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The editable callbacks' starting code (the editors' v4 starter, `sandbox/starterCode.ts`): the
 * same behaviour as `createDefaultRunner()`, pinned by a test that runs both through one scenario.
 */
export const DEFAULT_CALLBACK_SOURCES: Record<'authorize' | 'jwt' | 'session', string> = STARTER_CODE['next-auth-v4']

/** The seed's callbacks as plain functions (same behaviour as DEFAULT_CALLBACK_SOURCES). */
export const seedCallbacks = {
  async authorize(credentials: AnyRecord | undefined, _req: unknown, users: MockUser[]) {
    const user = users.find((u) => u.email === credentials?.email && u.password === credentials?.password)
    if (!user) return null
    // The id as the user table has it: Grace's is the number 3, which v4 keeps (Auth.js makes it a string).
    return { id: user.id, name: user.name, email: user.email, image: user.image, role: user.role }
  },
  async jwt({ token, user }: { token: AnyRecord; user?: AnyRecord }) {
    if (user) token.id = user.id
    return token
  },
  async session({ session, token }: { session: AnyRecord; token: AnyRecord }) {
    if (session.user) session.user.id = token.id
    return session
  },
  signIn: () => true,
  redirect: defaultRedirect,
}

/** Plain-function callbacks: the seed's defaults, called directly (no sandbox). Durations come from `context.timer`. */
export function createDefaultRunner(): CallbackRunner {
  return {
    async run(name: CallbackName, args: unknown[], context: CallbackContext) {
      const { timer } = context
      const started = timer()
      try {
        const value = name === 'authorize' ? await seedCallbacks.authorize(args[0] as AnyRecord, args[1], context.users) : await (seedCallbacks[name] as (a: unknown) => unknown)(args[0])
        const first = args[0]
        const returnedArgument =
          first !== null && typeof first === 'object' && value !== null && typeof value === 'object'
            ? Object.keys(first).find((key) => (first as AnyRecord)[key] === value)
            : undefined
        return { ok: true, value, logs: [], durationMs: timer() - started, ...(returnedArgument ? { returnedArgument } : {}) }
      } catch (error) {
        // A CredentialsSignin (the engine's own class) keeps its code, which Auth.js puts in the URL.
        return { ok: false, error: thrownCallbackError(name, error), logs: [], durationMs: timer() - started }
      }
    },
  }
}

/** The library's `redirect` default: relative → baseUrl + url; same origin → url; else baseUrl (identical in both). */
export function defaultRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith('/')) return `${baseUrl}${url}`
  else if (new URL(url).origin === baseUrl) return url
  return baseUrl
}

/** The library defaults used when the app does not define a callback. */
export function libraryDefaultCallback(flavor: FlowFlavor, name: CallbackName): (args: AnyRecord) => unknown {
  switch (name) {
    case 'authorize':
      // `CredentialsProvider({ … })` without `authorize` keeps the helper's own: every sign-in is CredentialsSignin.
      return CREDENTIALS_DEFAULT_AUTHORIZE
    case 'signIn':
      return () => true
    case 'redirect':
      return (args) => defaultRedirect(args as { url: string; baseUrl: string })
    case 'jwt':
      return ({ token }) => token
    case 'session':
      // v4 returns the session unchanged; Auth.js rebuilds it from name/email/image/expires only.
      return flavor === 'next-auth-v4'
        ? ({ session }) => session
        : ({ session }) => ({
            user: { name: session.user?.name, email: session.user?.email, image: session.user?.image },
            expires: session.expires?.toISOString?.() ?? session.expires,
          })
  }
}
