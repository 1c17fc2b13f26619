// Messages with `one` and `other` forms ("1 cookie" / "2 cookies"), picked by a count. English needs
// both; Chinese has one form, which its catalogue gives under both keys.
import type { MessageKey, MessageParams, T } from '../../i18n/t'

/** `key.one` for a count of 1, else `key.other`, with `{count}` filled in. */
export function plural(t: T, key: string, count: number, params: MessageParams = {}): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count, ...params })
}
