// The browser's localStorage, where the configuration, the editors' code and an opted-in lab secret
// are kept. Null where there is none or it is disabled (privacy settings, a sandboxed iframe): every
// slice then works as before, unsaved.
export function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
