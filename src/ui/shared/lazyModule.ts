import { createElement, lazy, useEffect, useSyncExternalStore, type ComponentType } from 'react'

export interface LazyModule<M> {
  /** Starts loading (once); resolves with the module. */
  preload: () => Promise<M>
  /** The module once loaded, else null (and loading starts). A failed load is thrown in render, to the app's error boundary. */
  useModule: () => M | null
  /** Forgets a failed load, so the next render starts a fresh attempt instead of throwing the old error. */
  retry: () => void
}

/** Every lazy part of the app (lazyModule and retryableLazy), for the error boundary's reset. */
const modules = new Set<{ retry: () => void }>()

/** Forgets every failed load (the error boundary's reset): the panels that render next try again. */
export function retryFailedLoads(): void {
  for (const module of modules) module.retry()
}

/**
 * A part of a panel that is only needed after the first screen (a step's details, a token taken
 * apart), kept out of the initial JavaScript. Unlike React.lazy it never suspends: the panel renders
 * its own shell at once and fills in when the module is there, and tests can preload it and render
 * synchronously.
 */
export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | null = null
  let failure: { error: unknown } | null = null
  let loading: Promise<M> | null = null
  let version = 0
  const listeners = new Set<() => void>()
  const changed = () => {
    version += 1
    for (const listener of listeners) listener()
  }
  const preload = () => {
    loading ??= load().then(
      (loaded) => {
        module = loaded
        changed()
        return loaded
      },
      (error: unknown) => {
        // Recorded for the renders, which throw it (every time: React renders again to recover),
        // until retry() forgets it.
        failure = { error }
        loading = null
        changed()
        throw error
      },
    )
    return loading
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const getVersion = () => version
  function useModule(): M | null {
    useSyncExternalStore(subscribe, getVersion, getVersion)
    useEffect(() => {
      // The rejection reaches the render through `failure`; this promise's copy of it is not needed.
      if (!module) preload().catch(() => undefined)
    }, [])
    if (failure) throw failure.error
    return module
  }
  const retry = () => {
    if (!failure) return
    failure = null
    changed()
  }
  const lazy: LazyModule<M> = { preload, useModule, retry }
  modules.add(lazy)
  return lazy
}

/**
 * React.lazy for a whole component that suspends (the editors, Monaco, the Token lab), but one the
 * error boundary's reset can retry: React.lazy keeps a failed import for good, so after a failure
 * the reset makes a fresh one.
 */
export function retryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let failed = false
  const make = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        failed = true
        throw error
      }),
    )
  let current = make()
  let version = 0
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const getVersion = () => version
  modules.add({
    retry() {
      if (!failed) return
      failed = false
      current = make()
      version += 1
      for (const listener of listeners) listener()
    },
  })
  return function Retryable(props: P) {
    useSyncExternalStore(subscribe, getVersion, getVersion)
    return createElement(current, props)
  }
}
