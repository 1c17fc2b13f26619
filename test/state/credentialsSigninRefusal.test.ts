// An Auth.js authorize that throws CredentialsSignin refuses the sign-in on purpose: the engine marks
// that step `refused`, and every view reads the mark instead of deciding again what a refusal is.
import { describe, expect, it } from 'vitest'
import { createDefaultRunner, createPlayground, createSeededRandom, CredentialsSignin, thrownCallbackError, type CallbackRunner, type FlowFlavor, type Trace } from '../../src/engine/index'
import { translate, type MessageKey, type MessageParams } from '../../src/i18n/t'
import { selectSignInFailureViewAtCursor } from '../../src/state/selectors'
import { narrate, shortLabel } from '../../src/ui/pipeline/narrate'

class InvalidLoginError extends CredentialsSignin {
  code = 'invalid_credentials'
}

async function signInThrowing(flavor: FlowFlavor, thrown: unknown): Promise<Trace> {
  const seed = createDefaultRunner()
  const runner: CallbackRunner = {
    run: (name, args, context) => (name === 'authorize' ? Promise.resolve({ ok: false, error: thrownCallbackError('authorize', thrown), logs: [], durationMs: 1 }) : seed.run(name, args, context)),
  }
  return createPlayground({ config: { flavor }, nowSec: 1_767_225_600, random: createSeededRandom(5), runner }).run('signIn', { email: 'ada@example.com', password: 'analytical' })
}
const atEnd = (trace: Trace) => ({ lastTrace: trace, cursor: trace.events.length - 1, traces: [trace] })
const failedStep = (trace: Trace) => trace.events.find((e) => e.kind === 'callback.failed')!
const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params)

describe('a CredentialsSignin refusal', () => {
  it('is marked on the failed authorize step in Auth.js only', async () => {
    expect(failedStep(await signInThrowing('authjs', new InvalidLoginError()))).toMatchObject({ refused: { code: 'invalid_credentials' } })
    expect(failedStep(await signInThrowing('next-auth-v4', new InvalidLoginError()))).not.toHaveProperty('refused')
    expect(failedStep(await signInThrowing('authjs', new Error('db down')))).not.toHaveProperty('refused')
  })

  it('is not the root cause "Why it failed" leads with: the CREDENTIALS_SIGNIN step says it', async () => {
    const refused = selectSignInFailureViewAtCursor(atEnd(await signInThrowing('authjs', new InvalidLoginError())))
    expect(refused?.error).toMatchObject({ code: 'CREDENTIALS_SIGNIN', details: { code: 'invalid_credentials' } })
    expect(refused).not.toHaveProperty('callback')
    // A crash still leads with the callback's own error.
    const crashed = selectSignInFailureViewAtCursor(atEnd(await signInThrowing('authjs', new Error('db down'))))
    expect(crashed?.callback).toMatchObject({ name: 'authorize', editor: 'authorize', error: { code: 'CALLBACK_THREW', message: 'db down' } })
  })

  it('is narrated as a refusal with its code, not as a failure', async () => {
    const step = failedStep(await signInThrowing('authjs', new InvalidLoginError()))
    expect(narrate(step, t)).toBe('authorize() refuses the sign-in: it throws CredentialsSignin with code “invalid_credentials”.')
    expect(shortLabel(step, t)).toBe('authorize() refuses')
  })
})
