import { fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultPlaygroundConfig } from '../../../src/engine'
import { appStore } from '../../../src/state/useAppStore'
import { ConfigPanel } from '../../../src/ui/controls/ConfigPanel'

const initial = appStore.getState()
afterEach(() => {
  initial.playground.setConfig(defaultPlaygroundConfig())
  appStore.setState(initial, true)
})

const panel = () => screen.getByRole('region', { name: 'Configuration' })
const commit = (label: string, value: string) => {
  const field = within(panel()).getByLabelText(label)
  fireEvent.change(field, { target: { value } })
  fireEvent.keyDown(field, { key: 'Enter' })
}
/** What the engine will use for the next request. */
const engineConfig = () => appStore.getState().playground.getConfig()

describe('ConfigPanel', () => {
  it('starts from the engine defaults', () => {
    render(<ConfigPanel />)
    const defaults = defaultPlaygroundConfig()
    expect((within(panel()).getByRole('radio', { name: 'NextAuth v4' }) as HTMLInputElement).checked).toBe(defaults.flavor === 'next-auth-v4')
    expect((within(panel()).getByRole('radio', { name: 'Real: encrypted JWE' }) as HTMLInputElement).checked).toBe(defaults.tokenModel === 'real')
    expect((within(panel()).getByLabelText('secret') as HTMLInputElement).value).toBe(defaults.secret)
    expect((within(panel()).getByLabelText('session.maxAge (seconds)') as HTMLInputElement).value).toBe(String(defaults.session.maxAge))
    expect(within(panel()).getByText('= 30 days')).toBeTruthy()
  })

  it('passes the library, token model and NODE_ENV to the engine', () => {
    render(<ConfigPanel />)
    fireEvent.click(within(panel()).getByRole('radio', { name: 'Auth.js v5' }))
    fireEvent.click(within(panel()).getByRole('radio', { name: 'Simplified: signed HS256 — not what NextAuth does' }))
    fireEvent.change(within(panel()).getByLabelText('NODE_ENV'), { target: { value: 'production' } })
    expect(engineConfig()).toMatchObject({ flavor: 'authjs', tokenModel: 'simplified-hs256', nodeEnv: 'production' })
    expect(appStore.getState().config).toMatchObject({ flavor: 'authjs', tokenModel: 'simplified-hs256', nodeEnv: 'production' })
  })

  it('generates a new 32-byte secret and accepts a typed one', () => {
    render(<ConfigPanel />)
    const before = engineConfig().secret
    fireEvent.click(within(panel()).getByRole('button', { name: 'Generate' }))
    const generated = engineConfig().secret as string
    expect(generated).not.toBe(before)
    expect(atob(generated)).toHaveLength(32)
    commit('secret', 's3cr3t')
    expect(engineConfig().secret).toBe('s3cr3t')
  })

  it('sets the site URL and refuses what is not an http(s) URL', () => {
    render(<ConfigPanel />)
    commit('Site URL', 'https://localhost:3000')
    expect(engineConfig().siteUrl).toBe('https://localhost:3000')
    commit('Site URL', 'ftp://nope')
    expect(engineConfig().siteUrl).toBe('https://localhost:3000')
    expect(within(panel()).getByText('Enter an http:// or https:// URL.')).toBeTruthy()
  })

  it('sets session.maxAge and jwt.maxAge in seconds, and empties jwt.maxAge back to the default', () => {
    render(<ConfigPanel />)
    commit('session.maxAge (seconds)', '3600')
    expect(engineConfig().session.maxAge).toBe(3600)
    expect(within(panel()).getByText('= 1 hour')).toBeTruthy()
    commit('jwt.maxAge (seconds)', '60')
    expect(engineConfig().jwt.maxAge).toBe(60)
    commit('jwt.maxAge (seconds)', '')
    expect(engineConfig().jwt.maxAge).toBeUndefined()
    commit('session.maxAge (seconds)', '-5')
    expect(engineConfig().session.maxAge).toBe(3600)
  })

  it('applies cookie overrides and mock users as JSON, explaining what is wrong', () => {
    render(<ConfigPanel />)
    fireEvent.change(within(panel()).getByLabelText('cookies (overrides, JSON)'), { target: { value: '{ "sessionToken": { "name": "my-session" } }' } })
    fireEvent.click(within(panel()).getByRole('button', { name: 'Apply cookie overrides' }))
    expect(engineConfig().cookies).toEqual({ sessionToken: { name: 'my-session' } })

    const users = within(panel()).getByLabelText('Mock users (JSON)')
    fireEvent.change(users, { target: { value: '[{ "email": "x@example.com" }]' } })
    fireEvent.click(within(panel()).getByRole('button', { name: 'Apply users' }))
    expect(within(panel()).getByText(/each with a string email and password/)).toBeTruthy()
    fireEvent.change(users, { target: { value: '[{ "id": 7, "email": "x@example.com", "password": "pw", "team": "red" }]' } })
    fireEvent.click(within(panel()).getByRole('button', { name: 'Apply users' }))
    expect(engineConfig().users).toEqual([{ id: 7, email: 'x@example.com', password: 'pw', team: 'red' }])
    expect(within(panel()).getByText('Applied. Mock users: 1.')).toBeTruthy()
  })

  it('refuses a cookie override whose name is not a valid cookie name, says which, and keeps the text', () => {
    render(<ConfigPanel />)
    const field = within(panel()).getByRole('textbox', { name: 'cookies (overrides, JSON)' }) as HTMLTextAreaElement
    const text = '{ "sessionToken": { "name": "my session", "options": {} } }'
    fireEvent.change(field, { target: { value: text } })
    fireEvent.click(within(panel()).getByRole('button', { name: 'Apply cookie overrides' }))
    expect(within(panel()).getByText(/^Not valid: sessionToken\.name "my session" is not a valid cookie name/)).toBeTruthy()
    expect(field.value).toBe(text)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(engineConfig().cookies?.sessionToken?.name).not.toBe('my session')
    fireEvent.change(field, { target: { value: '{ "sessionToken": { "name": "my-session", "options": { "httpOnly": true, "sameSite": "lax", "path": "/", "secure": false } } }' } })
    fireEvent.click(within(panel()).getByRole('button', { name: 'Apply cookie overrides' }))
    expect(engineConfig().cookies?.sessionToken?.name).toBe('my-session')
  })
})
