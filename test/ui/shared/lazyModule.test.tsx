import { Suspense } from 'react'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { lazyModule, retryableLazy } from '../../../src/ui/shared/lazyModule'
import { AppErrorBoundary } from '../../../src/ui/shell/AppErrorBoundary'

describe('lazyModule', () => {
  it('renders the shell at once and the part when it arrives; a preloaded part renders synchronously', async () => {
    let arrive!: (module: { Part: () => React.JSX.Element }) => void
    const part = lazyModule(() => new Promise<{ Part: () => React.JSX.Element }>((resolve) => (arrive = resolve)))
    function Panel() {
      const loaded = part.useModule()
      return <p>shell {loaded && <loaded.Part />}</p>
    }
    render(<Panel />)
    expect(screen.getByText('shell')).toBeTruthy()
    await act(async () => arrive({ Part: () => <span>the part</span> }))
    expect(screen.getByText('the part')).toBeTruthy()
    render(<Panel />)
    expect(screen.getAllByText('the part')).toHaveLength(2)
  })

  it('hands a failed load to the error boundary instead of hiding it, and tries again after the reset', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let attempts = 0
    const part = lazyModule<{ Part: () => React.JSX.Element }>(() => (++attempts === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve({ Part: () => <span>the part</span> })))
    function Panel() {
      const loaded = part.useModule()
      return <p>shell {loaded && <loaded.Part />}</p>
    }
    render(
      <AppErrorBoundary onReset={() => {}}>
        <Panel />
      </AppErrorBoundary>,
    )
    expect((await screen.findByRole('alert')).textContent).toContain('Error: chunk missing')
    await act(async () => screen.getByRole('button', { name: 'Reset playground' }).click())
    expect(await screen.findByText('the part')).toBeTruthy()
    expect(attempts).toBe(2)
    vi.restoreAllMocks()
  })

  it('keeps a failure until retry(), whatever timers run meanwhile, then loads again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let attempts = 0
    const part = lazyModule<string>(() => (++attempts === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve('loaded')))
    vi.useFakeTimers()
    await expect(part.preload()).rejects.toThrow('chunk missing')
    vi.runAllTimers()
    vi.useRealTimers()
    function Panel() {
      return <p>{part.useModule() ?? 'shell'}</p>
    }
    expect(() => render(<Panel />)).toThrow('chunk missing')
    part.retry()
    render(<Panel />)
    expect(await screen.findByText('loaded')).toBeTruthy()
    expect(attempts).toBe(2)
    vi.restoreAllMocks()
  })
})

describe('retryableLazy', () => {
  it('suspends like React.lazy, and after a failed import the reset makes a fresh one instead of rethrowing the old error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let attempts = 0
    const Part = retryableLazy<{ name: string }>(() =>
      ++attempts === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve({ default: ({ name }: { name: string }) => <span>the {name}</span> }),
    )
    render(
      <AppErrorBoundary onReset={() => {}}>
        <Suspense fallback={<p>loading</p>}>
          <Part name="editors" />
        </Suspense>
      </AppErrorBoundary>,
    )
    expect(screen.getByText('loading')).toBeTruthy()
    expect((await screen.findByRole('alert')).textContent).toContain('Error: chunk missing')
    await act(async () => screen.getByRole('button', { name: 'Reset playground' }).click())
    expect(await screen.findByText('the editors')).toBeTruthy()
    expect(attempts).toBe(2)
    vi.restoreAllMocks()
  })
})
