// The lab's Secret textbox holds one secret per line (Auth.js rotation: the newest first, as
// `secret: [new, old]`). Lines are taken as typed apart from the line break and trailing `\r`,
// because a space can be part of a secret; blank lines are ignored.

export function splitSecrets(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '')
}
