// Messages quoted inside a sentence of ours: TypeScript's, sucrase's and the callback's own end in
// different ways, and the sentence around them adds its own full stop.

/** `message` without a final full stop (English or Chinese). */
export function withoutFullStop(message: string): string {
  return message.replace(/[.。]\s*$/, '')
}
