// The static first paint in index.html: the app's name, tagline and a loading line, from the catalogue.
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import { zh } from '../../src/i18n/zh'
import type { Messages } from '../../src/i18n/en'
import { staticShellHtml } from '../../src/ui/shell/staticShell'

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html')
}

describe('static shell', () => {
  it('shows the catalogue’s name, tagline and loading line', () => {
    const doc = parse(staticShellHtml(en))
    expect(doc.querySelector('h1')?.textContent).toBe(en.app.name)
    expect(doc.querySelector('header p')?.textContent).toBe(en.app.tagline)
    expect(doc.querySelector('[role="status"]')?.textContent).toBe(en.app.loading)
  })

  it('follows the catalogue it is given', () => {
    const doc = parse(staticShellHtml({ app: { ...en.app, ...zh.app } as Messages['app'] }))
    expect(doc.querySelector('h1')?.textContent).toBe('NextAuth JWT 演练场')
  })

  it('escapes markup in the text', () => {
    const doc = parse(staticShellHtml({ app: { ...en.app, name: '<img src=x onerror=alert(1)> & "Co"' } }))
    expect(doc.querySelector('img')).toBeNull()
    expect(doc.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)> & "Co"')
  })
})
