// The Token lab's engine (parsing pastes, diagnosing failures, making cookies) is only needed once the
// learner decodes or makes a token, so it arrives by dynamic import and stays out of the first load.
// engine/index.ts lists the lab's types but not its runtime, which is the engine's second entry
// (engine/lab/index.ts); this is the one place outside the engine and its tests that imports it.
type LabEngine = typeof import('../engine/lab/index')

let loading: Promise<LabEngine> | undefined

/** The lab engine, fetched once; a failed fetch is forgotten so the next click retries. */
export function loadLabEngine(): Promise<LabEngine> {
  loading ??= import('../engine/lab/index').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
