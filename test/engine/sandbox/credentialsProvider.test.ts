// The sandbox's stand-in for the credentials provider helper: the real helpers' shape, and one default
// `authorize` shared with the flows' library default.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import AuthjsCredentials from '@auth/core/providers/credentials'
import { describe, expect, it } from 'vitest'
import { libraryDefaultCallback } from '../../../src/engine/flow/defaultCallbacks'
import { CREDENTIALS_DEFAULT_AUTHORIZE, credentialsProvider } from '../../../src/engine/sandbox/credentialsProvider'
import { createWorkerHandler } from '../../../src/engine/sandbox/handler'

const require = createRequire(import.meta.url)
type Provider = (options: Record<string, unknown>) => { id: string; type: string; authorize: () => unknown; options: unknown }
const REAL = {
  'next-auth-v4': (require(join(process.cwd(), 'node_modules/next-auth/providers/credentials.js')) as { default: Provider }).default,
  authjs: AuthjsCredentials as unknown as Provider,
}

describe(credentialsProvider, () => {
  it.each(['next-auth-v4', 'authjs'] as const)('builds what the real %s helper builds: id, type, options, and authorize () => null', (flavor) => {
    const options = { name: 'Credentials', credentials: {} }
    const real = REAL[flavor](options)
    const ours = credentialsProvider(options)
    expect({ id: ours.id, type: ours.type, options: ours.options }).toEqual({ id: real.id, type: real.type, options: real.options })
    expect(real.authorize()).toBeNull()
    expect(ours.authorize()).toBeNull()
  })

  it("is the flows' library default for authorize, one function for both", () => {
    for (const flavor of ['next-auth-v4', 'authjs'] as const) expect(libraryDefaultCallback(flavor, 'authorize')).toBe(CREDENTIALS_DEFAULT_AUTHORIZE)
    expect(credentialsProvider({}).authorize).toBe(CREDENTIALS_DEFAULT_AUTHORIZE)
  })

  it('cannot be changed by one callback module for another', async () => {
    const handle = createWorkerHandler()
    const poison = "import Credentials from 'next-auth/providers/credentials'\nexport function jwt({ token }: any) {\n  (Credentials({}).authorize as any).apply = () => ({ id: 'forged' })\n  return token\n}\n"
    await expect(handle({ type: 'run', id: 1, callback: 'jwt', source: poison, args: [{ token: {} }], users: [] })).resolves.toMatchObject({ ok: false, error: { code: 'SANDBOX_THREW', details: { name: 'TypeError' } } })
    // A provider without authorize keeps the helper's own: no user.
    const provider = "import Credentials from 'next-auth/providers/credentials'\nexport const provider = Credentials({ credentials: {} })\n"
    await expect(handle({ type: 'run', id: 2, callback: 'authorize', source: provider, args: [{}, {}], users: [] })).resolves.toMatchObject({ ok: true, value: null })
  })
})
