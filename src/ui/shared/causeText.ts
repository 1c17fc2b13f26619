// What the earlier runs say caused a failure, in words: why a request carried no session cookie, or
// what broke a token that no longer opens (StepContext in state/selectors.ts). Shared by the narration,
// the hint and the protected-page result.
import type { T } from '../../i18n/t'
import type { DecodeCause, MissingCookie } from '../../state/selectors'
import { dateTimeText } from './dateText'

export function causeText(cause: DecodeCause | MissingCookie, t: T): string {
  if (typeof cause === 'string') return t(`pipeline.causes.${cause}`)
  switch (cause.how) {
    case 'expired':
      return t(cause.duringClockJump ? 'pipeline.causes.expiredJump' : 'pipeline.causes.expired', { expires: dateTimeText(cause.expiresAtSec, t) })
    case 'deleted':
      return t('pipeline.causes.deleted', { flow: cause.flow })
    default:
      return t(`pipeline.causes.${cause.how}`)
  }
}

/** `sentence`, then the cause when the history tells one. */
export function withCauseText(sentence: string, cause: DecodeCause | MissingCookie | undefined, t: T): string {
  return cause === undefined ? sentence : t('pipeline.withCause', { sentence, cause: causeText(cause, t) })
}
