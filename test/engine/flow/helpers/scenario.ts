// Builds a playground for a test: fixed clock, fixed secret, seeded randomness, and a runner made
// from plain functions (the same functions the real handlers get in the side-by-side tests).
import { createPlayground, createSeededRandom, defaultPlaygroundConfig, thrownCallbackError, type CallbackRunner, type PlaygroundConfig } from '../../../../src/engine/index'
import type { ScenarioCallbacks } from './realHandlers'

export const T0 = 1_767_225_600 // 2026-01-01T00:00:00Z
export const USERS = defaultPlaygroundConfig().users

/** The seed's callbacks as the app would write them. */
export function seedScenario(): ScenarioCallbacks {
  return {
    authorize: (credentials) => {
      const user = USERS.find((u) => u.email === credentials?.email && u.password === credentials?.password)
      return user ? { id: user.id, name: user.name, email: user.email, image: user.image, role: user.role } : null
    },
    signIn: () => true,
    redirect: ({ url, baseUrl }) => (url.startsWith('/') ? `${baseUrl}${url}` : new URL(url).origin === baseUrl ? url : baseUrl),
    jwt: ({ token, user }) => {
      if (user) token.id = user.id
      return token
    },
    session: ({ session, token }) => {
      if (session.user) session.user.id = token.id
      return session
    },
  }
}

/** A CallbackRunner calling plain functions, reporting `returnedArgument` by identity like the sandbox does. */
export function runnerFrom(callbacks: ScenarioCallbacks): CallbackRunner {
  return {
    async run(name, args) {
      const fn = callbacks[name as keyof ScenarioCallbacks] as ((...a: unknown[]) => unknown) | undefined
      if (!fn) throw new Error(`scenario has no ${name} callback`)
      try {
        const value = await fn(...args)
        const first = args[0] as Record<string, unknown> | undefined
        const returnedArgument = first && typeof first === 'object' && value && typeof value === 'object' ? Object.keys(first).find((k) => first[k] === value) : undefined
        return { ok: true, value, logs: [], durationMs: 0, ...(returnedArgument ? { returnedArgument } : {}) }
      } catch (error) {
        // As createDefaultRunner reports a throw: a CredentialsSignin keeps its code.
        return { ok: false, error: thrownCallbackError(name, error), logs: [], durationMs: 0 }
      }
    },
  }
}

export function scenarioConfig(patch: Partial<PlaygroundConfig> = {}): PlaygroundConfig {
  return { ...defaultPlaygroundConfig(), secret: 's3cr3t', callbacks: { authorize: true, signIn: true, redirect: true, jwt: true, session: true }, ...patch }
}

export function playgroundFor(config: PlaygroundConfig, callbacks: ScenarioCallbacks = seedScenario(), seed = 7) {
  return createPlayground({ config, nowSec: T0, random: createSeededRandom(seed), runner: runnerFrom(callbacks) })
}

export const ADA = { email: 'ada@example.com', password: 'analytical' }
