// jsdom swaps in its own Uint8Array while TextEncoder stays Node's; jose checks `instanceof Uint8Array`.
// Re-wrap encode() so crypto code behaves the same in component tests as in the browser.
if (typeof window !== 'undefined') {
  const NodeTextEncoder = globalThis.TextEncoder
  globalThis.TextEncoder = class extends NodeTextEncoder {
    override encode(input?: string): Uint8Array<ArrayBuffer> {
      return new Uint8Array(super.encode(input)) as Uint8Array<ArrayBuffer>
    }
  } as typeof TextEncoder
  // jsdom has no matchMedia; the theme and reduced-motion hooks ask it.
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList
  }
}

// Testing Library unmounts after each test only when vitest globals are on; do it explicitly.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
afterEach(() => cleanup())
