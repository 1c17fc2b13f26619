// Where the engine's randomness comes from: IVs, `jti`s, CSRF tokens, trace ids. Real crypto by
// default; a seeded source makes a trace reproducible (tests, share links).

export interface RandomSource {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array<ArrayBuffer>
  /** A UUID v4 string, as `crypto.randomUUID()` / the `uuid` package give. */
  uuid(): string
}

export const cryptoRandom: RandomSource = {
  bytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  uuid: () => crypto.randomUUID(),
}

/** A deterministic source (xorshift128 seeded by splitmix32). Not for secrets: for replayable traces only. */
export function createSeededRandom(seed: number): RandomSource {
  let s = seed >>> 0
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  const state = [splitmix(), splitmix(), splitmix(), splitmix()]
  const next = () => {
    // xorshift128
    let t = state[3]!
    const first = state[0]!
    state[3] = state[2]!
    state[2] = state[1]!
    state[1] = first
    t ^= t << 11
    t ^= t >>> 8
    state[0] = (t ^ first ^ (first >>> 19)) >>> 0
    return state[0]
  }
  const bytes = (n: number) => {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = next() & 0xff
    return out
  }
  return {
    bytes,
    uuid() {
      const b = bytes(16)
      b[6] = (b[6]! & 0x0f) | 0x40
      b[8] = (b[8]! & 0x3f) | 0x80
      const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    },
  }
}
