// A small least-recently-used map. Derived keys are cached per secret, and secrets are typed by the
// learner, so the cache must stay bounded.

export interface LruCache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  delete(key: K): void
  clear(): void
  readonly size: number
}

export function createLruCache<K, V>(maxEntries: number): LruCache<K, V> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new TypeError(`maxEntries must be a positive integer, got ${maxEntries}`)
  const map = new Map<K, V>()
  return {
    get(key) {
      const value = map.get(key)
      if (value !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as most recently used.
        map.delete(key)
        map.set(key, value)
      }
      return value
    },
    set(key, value) {
      map.delete(key)
      map.set(key, value)
      if (map.size > maxEntries) map.delete(map.keys().next().value as K)
    },
    delete: (key) => void map.delete(key),
    clear: () => map.clear(),
    get size() {
      return map.size
    },
  }
}
