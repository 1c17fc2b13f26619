// Public defaults: the playground's starting configuration (NextAuthOptions for the credentials
// provider with JWT sessions) and the demo users. The only flow file allowed to read the real clock
// (where a new clock starts, and the default timer that measures how long a callback took).
import { DEFAULT_MAX_AGE_SEC, DEFAULT_ORIGIN, DEFAULT_UPDATE_AGE_SEC } from './constants'
import type { MockUser, PlaygroundConfig } from './types'

/** The demo users; the first is the sign-in form's pre-fill. */
export function demoUsers(): MockUser[] {
  return [
    { id: '1', name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical', image: 'https://example.com/ada.png', role: 'admin' },
    { id: '2', name: 'Alan Turing', email: 'alan@example.com', password: 'enigma', image: 'https://example.com/alan.png', role: 'user' },
    { id: 3, name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol', image: null, role: 'user', team: 'compilers' },
  ]
}

/** A demo secret, like the value of `NEXTAUTH_SECRET` in a `.env.local` (never use it for real). */
export const DEMO_SECRET = 'playground-demo-secret-change-me'

/**
 * The starting configuration: NextAuth v4, the real token model, a demo secret, http://localhost:3000,
 * development, the real session defaults, demo users, and the app's own authorize/jwt/session callbacks.
 */
export function defaultPlaygroundConfig(): PlaygroundConfig {
  return {
    flavor: 'next-auth-v4',
    tokenModel: 'real',
    secret: DEMO_SECRET,
    siteUrl: DEFAULT_ORIGIN,
    nodeEnv: 'development',
    session: { maxAge: DEFAULT_MAX_AGE_SEC, updateAge: DEFAULT_UPDATE_AGE_SEC },
    jwt: {},
    users: demoUsers(),
    callbacks: { authorize: true, jwt: true, session: true },
  }
}

/** The real current time in Unix seconds: where a new playground's clock starts unless told otherwise. */
export function realNowSec(): number {
  return Math.floor(Date.now() / 1000)
}

/** The real monotonic time in milliseconds: how the default callback runner measures `durationMs` unless a timer is injected. */
export function realTimerMs(): number {
  return performance.now()
}
