// How far the simulated clock can go: as far as a JavaScript Date, which every cookie Expires,
// token exp and session.expires on the screen becomes.

/** The latest (and, negated, earliest) time a JavaScript `Date` can hold, in seconds (ECMA-262 §21.4.1.22: ±8.64e15 ms, 275760-09-13 UTC). */
export const DATE_LIMIT_SEC = 8.64e12
