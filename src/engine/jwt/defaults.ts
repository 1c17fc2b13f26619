// Public defaults of the session token engine: the only place in engine/jwt that reads the real clock,
// for callers that do not pass the simulated `nowSec`.

/** The real current time in whole Unix seconds (what jose's `epoch(new Date())` gives). */
export function defaultNowSec(): number {
  return Math.floor(Date.now() / 1000)
}
