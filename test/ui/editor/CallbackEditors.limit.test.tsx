// The time limit next to the editors is the one the app's sandbox runner is made with: with another
// limit in runSlice, the hint follows it (it once read the engine's default instead).
import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CallbackEditors } from '../../../src/ui/editor/CallbackEditors'

vi.mock('../../../src/state/runSlice', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../../src/state/runSlice')>()), SANDBOX_TIMEOUT_MS: 750 }))
vi.mock('../../../src/ui/editor/MonacoCallbackEditor', () => ({ default: () => null }))

describe('CallbackEditors time limit', () => {
  it("states the runner's limit", () => {
    render(<CallbackEditors />)
    expect(screen.getByText(/with a 750 ms limit per call/)).toBeTruthy()
  })
})
