// One line per step for a learner (the live region, the step list's names, the caption), and the
// short label drawn on the swimlane. Words come from i18n; the data comes from the event.
import type { Actor, FlowResult, TraceEvent } from '../../engine/index'
import type { MessageKey, T } from '../../i18n/t'
import type { DecodeCause, FailureOutcome, MissingCookie, StepContext } from '../../state/selectors'
import { dateTimeText } from '../shared/dateText'
import { durationText } from '../shared/durationText'
import { plural } from '../shared/plural'
import { withCauseText } from '../shared/causeText'


const MAX_VALUE_CHARS = 72

/** A value as compact JSON, cut to fit one line. */
export function previewValue(value: unknown, max = MAX_VALUE_CHARS): string {
  let text: string
  if (value === undefined) text = 'undefined'
  else {
    try {
      text = JSON.stringify(value) ?? String(value)
    } catch {
      text = String(value)
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Path and query of a URL, e.g. `/api/auth/callback/credentials`. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}

function actorText(actor: Actor, t: T): string {
  return t(`pipeline.actorsInText.${actor}`)
}

function headerCount(headers: Array<[string, string]>, name: string): number {
  return headers.filter(([header]) => header.toLowerCase() === name).length
}

function cookieCount(headers: Array<[string, string]>): number {
  return headers.filter(([header]) => header.toLowerCase() === 'cookie').reduce((sum, [, value]) => sum + value.split(';').filter((part) => part.trim()).length, 0)
}

function subjectOf(claims: Record<string, unknown> | null | undefined, t: T): string {
  const user = claims && typeof claims.user === 'object' && claims.user ? (claims.user as Record<string, unknown>) : claims
  const who = user?.email ?? user?.name ?? user?.sub
  return typeof who === 'string' && who ? who : t('pipeline.someone')
}

function errorTitle(code: string, t: T): string {
  return t(`errors.${code}.title` as MessageKey)
}

/** Sentence case for an actor that opens a sentence ("The browser sends…"). */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function finishedNarration(result: FlowResult, t: T): string {
  switch (result.flow) {
    case 'signIn': {
      const { ok, status, error, url, navigatedTo, rejectedWith } = result.value
      // The real client set window.location and resolved to undefined: say so, not the engine's record of it.
      if (navigatedTo) return t('pipeline.narration.flow.finishedSignInNavigated', { url: navigatedTo })
      if (rejectedWith) return t('pipeline.narration.flow.finishedSignInRejected', { message: rejectedWith })
      return t('pipeline.narration.flow.finishedSignIn', { value: previewValue({ ok, status, error, url }, 120) })
    }
    case 'getSession':
    case 'updateSession':
      return result.session
        ? t('pipeline.narration.flow.finishedSession', { flow: result.flow, subject: subjectOf(result.session, t), status: result.status })
        : t('pipeline.narration.flow.finishedNoSession', { flow: result.flow, status: result.status })
    case 'signOut':
      // signOut({ redirect: false }) resolves to the JSON the server answered; only redirect: true navigates.
      if (result.rejectedWith) return t('pipeline.narration.flow.finishedSignOutRejected', { message: result.rejectedWith })
      return typeof result.value.url === 'string'
        ? t('pipeline.narration.flow.finishedSignOut', { value: previewValue(result.value, 120), url: result.value.url })
        : t('pipeline.narration.flow.finishedSignOutNoUrl', { value: previewValue(result.value, 120) })
    case 'visitProtectedPage':
      return t('pipeline.narration.flow.finishedProtected', {
        outcome: result.authorized ? t('pipeline.outcome.allowed') : t('pipeline.outcome.redirected', { location: result.redirectTo ?? '' }),
      })
    case 'getCsrfToken':
      return t('pipeline.narration.flow.finishedCsrf')
    case 'advanceClock':
      return plural(t, 'pipeline.narration.flow.finishedClock', result.expired.length, { now: dateTimeText(result.nowSec, t) })
    case 'tamperSessionCookie':
      return result.cookieName ? t('pipeline.narration.flow.finishedTampered', { name: result.cookieName }) : t('pipeline.narration.flow.finishedNothingToTamper')
    case 'clearCookies':
      return plural(t, 'pipeline.narration.flow.finishedCleared', result.removed.length)
    default: {
      const unreachable: never = result
      throw new TypeError(`no narration for result ${(unreachable as FlowResult).flow}`)
    }
  }
}

/** "NextAuth v4" / "Auth.js v5": who answers, in the flavour of the run. */
function libraryOf(context: StepContext | undefined, t: T): string {
  return context ? t(`pipeline.flavor.${context.flavor}`) : 'NextAuth'
}

function withCause(sentence: string, cause: DecodeCause | MissingCookie | undefined, t: T): string {
  return withCauseText(sentence, cause, t)
}

/** A failure and what the handler answered the request it happened in. */
function failedNarration(error: string, outcome: FailureOutcome | undefined, context: StepContext | undefined, t: T): string {
  if (!outcome) return t('pipeline.narration.flow.failed', { error })
  const library = libraryOf(context, t)
  if (outcome.uncaught) return t('pipeline.narration.flow.failedUncaught', { error, library })
  if (outcome.urlError) {
    const logged = outcome.logged ? t('pipeline.narration.flow.failedAndLogs', { code: outcome.logged }) : ''
    return t('pipeline.narration.flow.failedErrorUrl', { error, library, status: outcome.status, urlError: outcome.urlError, logged })
  }
  if (outcome.logged) return t('pipeline.narration.flow.failedLogged', { error, library, code: outcome.logged, status: outcome.status })
  return t('pipeline.narration.flow.failedStatus', { error, library, status: outcome.status })
}

/**
 * The one-line narration of a step. `context` (from `stepContexts`) adds what the run and the earlier
 * ones tell: the library that answers, what the handler did with a failure, why a cookie was missing
 * or a token did not open.
 */
export function narrate(event: TraceEvent, t: T, context?: StepContext): string {
  return narrationOf(event, t, context)
}

function narrationOf(event: TraceEvent, t: T, context: StepContext | undefined): string {
  switch (event.kind) {
    case 'flow.started':
      if (event.flow === 'advanceClock' || event.flow === 'tamperSessionCookie' || event.flow === 'clearCookies') return t(`pipeline.narration.flow.startedAction.${event.flow}`)
      return t('pipeline.narration.flow.started', { flow: event.flow, flavor: t(`pipeline.flavor.${event.flavor}`), model: t(`pipeline.model.${event.tokenModel}`) })
    case 'http.requested': {
      const count = cookieCount(event.request.headers)
      const params = { from: capitalise(actorText(event.from, t)), to: actorText(event.to, t), method: event.request.method, path: pathOf(event.request.url), count }
      return count > 0 ? plural(t, 'pipeline.narration.http.requestedWithCookies', count, params) : t('pipeline.narration.http.requested', params)
    }
    case 'http.responded': {
      const { status, headers } = event.response
      const location = headers.find(([name]) => name.toLowerCase() === 'location')?.[1]
      const count = headerCount(headers, 'set-cookie')
      const params = { from: capitalise(actorText(event.from, t)), to: actorText(event.to, t), status, count, location: location ?? '' }
      if (location && status >= 300 && status < 400) return t('pipeline.narration.http.redirected', params)
      return count > 0 ? plural(t, 'pipeline.narration.http.respondedWithCookies', count, params) : t('pipeline.narration.http.responded', params)
    }
    case 'csrf.checked':
      if (event.issuedNew) return t(event.withheld ? 'pipeline.narration.csrf.issuedWithheld' : 'pipeline.narration.csrf.issued')
      if (event.bodyTokenMatches === false || (event.bodyTokenMatches !== null && !event.verified)) return t('pipeline.narration.csrf.failed')
      return t(event.verified ? 'pipeline.narration.csrf.verified' : 'pipeline.narration.csrf.checked')
    case 'cookies.read': {
      const params = { actor: capitalise(actorText(event.actor, t)), name: event.cookieName, count: event.names.length }
      if (event.value === null) return withCause(t('pipeline.narration.cookies.readNone', params), context?.missingCookie, t)
      return t(event.chunked ? 'pipeline.narration.cookies.readChunked' : 'pipeline.narration.cookies.read', params)
    }
    case 'callback.called':
      if (event.isDefault) return t('pipeline.narration.callback.calledDefault', { callback: event.callback })
      return event.trigger
        ? t('pipeline.narration.callback.calledTrigger', { callback: event.callback, trigger: event.trigger })
        : t('pipeline.narration.callback.called', { callback: event.callback })
    case 'callback.returned':
      return t('pipeline.narration.callback.returned', { callback: event.callback, value: previewValue(event.value) })
    case 'callback.failed':
      if (event.refused) return t('pipeline.narration.callback.refused', { callback: event.callback, code: event.refused.code })
      return t('pipeline.narration.callback.failed', { callback: event.callback, error: errorTitle(event.error.code, t) })
    case 'token.defaulted':
      return t('pipeline.narration.token.defaulted', { claims: Object.keys(event.token).join(t('app.shared.listSeparator')) })
    case 'jwt.encoded': {
      const params = { alg: String(event.header.alg ?? ''), enc: String(event.header.enc ?? ''), maxAge: durationText(event.maxAgeSec, t) }
      return t(event.header.alg === 'dir' ? 'pipeline.narration.jwt.encoded' : 'pipeline.narration.jwt.encodedSigned', params)
    }
    case 'jwt.decoded':
      return t(event.header.alg === 'dir' ? 'pipeline.narration.jwt.decoded' : 'pipeline.narration.jwt.decodedSigned', { alg: String(event.header.alg ?? ''), subject: subjectOf(event.claims, t) })
    case 'jwt.decodeFailed':
      return withCause(t('pipeline.narration.jwt.decodeFailed', { error: errorTitle(event.error.code, t) }), context?.decodeCause, t)
    case 'cookie.set':
      if (event.chunk) return t('pipeline.narration.cookie.setChunk', { name: event.name, index: event.chunk.index + 1, total: event.chunk.total })
      return event.expiresAtSec === undefined
        ? t('pipeline.narration.cookie.setSession', { name: event.name })
        : t('pipeline.narration.cookie.set', { name: event.name, expires: dateTimeText(event.expiresAtSec, t) })
    case 'cookie.deleted':
      return t('pipeline.narration.cookie.deleted', { name: event.name })
    case 'cookie.rejected':
      return t('pipeline.narration.cookie.rejected', { name: event.name, error: errorTitle(event.error.code, t) })
    case 'cookie.expired':
      return t('pipeline.narration.cookie.expired', { name: event.name })
    case 'cookie.tampered':
      return t('pipeline.narration.cookie.tampered', { name: event.name, part: t(`pipeline.tamperedPart.${event.part}`), byteIndex: event.byteIndex })
    case 'session.built':
      if (event.staleFields?.length) return t('pipeline.narration.session.builtStale', { fields: event.staleFields.map((field) => `session.user.${field}`).join(t('app.shared.listSeparator')) })
      return t('pipeline.narration.session.built', { expires: event.expiresIso })
    case 'session.expiries':
      return t('pipeline.narration.session.expiries', {
        exp: event.tokenExpSec === undefined ? t('pipeline.notSet') : dateTimeText(event.tokenExpSec, t),
        cookie: event.cookieExpiresAtSec === undefined ? t('pipeline.notSet') : dateTimeText(event.cookieExpiresAtSec, t),
        session: event.sessionExpiresIso ?? t('pipeline.notSet'),
      })
    case 'log.written':
      if (event.logger === 'nextjs') return t('pipeline.narration.log.uncaught')
      return t('pipeline.narration.log.written', { library: libraryOf(context, t), level: t(`pipeline.logLevels.${event.level}`), code: event.code })
    case 'getToken.resolved':
      return event.token
        ? t('pipeline.narration.getToken.resolved', { cookie: event.cookieName, subject: subjectOf(event.token, t) })
        : withCause(t('pipeline.narration.getToken.resolvedNull', { reason: t(`pipeline.nullReasons.${event.nullReason ?? 'no-cookie'}`) }), context?.decodeCause ?? context?.missingCookie, t)
    case 'middleware.decided':
      return event.authorized ? t('pipeline.narration.middleware.decided') : t('pipeline.narration.middleware.redirected', { location: event.redirectTo ?? '' })
    case 'clock.advanced':
      if (event.toSec !== undefined) return t('pipeline.narration.clock.advancedTo', { date: dateTimeText(event.toSec, t), duration: durationText(event.bySec, t) })
      return t('pipeline.narration.clock.advanced', { duration: durationText(event.bySec, t) })
    case 'config.resolved':
      return t('pipeline.narration.config.resolved', {
        secret: t(`pipeline.secretSource.${event.secretSource}`),
        cookies: t(event.useSecureCookies ? 'pipeline.cookieKind.secure' : 'pipeline.cookieKind.plain'),
        sessionMaxAge: durationText(event.sessionMaxAgeSec, t),
      })
    case 'client.skipped':
      return t('pipeline.narration.client.skipped')
    case 'client.updated':
      return t('pipeline.narration.client.updated', { status: event.status })
    case 'flow.failed':
      return withCause(failedNarration(errorTitle(event.error.code, t), context?.outcome, context, t), context?.decodeCause, t)
    case 'flow.finished':
      return finishedNarration(event.result, t)
    default: {
      const unreachable: never = event
      throw new TypeError(`no narration for ${(unreachable as TraceEvent).kind}`)
    }
  }
}

/** The few words drawn beside a step on the swimlane. */
export function shortLabel(event: TraceEvent, t: T): string {
  switch (event.kind) {
    case 'flow.started':
      return t('pipeline.short.flowStarted', { flow: event.flow })
    case 'http.requested':
      return `${event.request.method} ${pathOf(event.request.url)}`
    case 'http.responded': {
      const count = headerCount(event.response.headers, 'set-cookie')
      return count > 0 ? `${event.response.status} · ${t('pipeline.short.setCookies', { count })}` : String(event.response.status)
    }
    case 'csrf.checked':
      return t('pipeline.short.csrf')
    case 'cookies.read':
      return t('pipeline.short.cookiesRead', { name: event.cookieName })
    case 'callback.called':
      return t('pipeline.short.callbackCalled', { callback: event.callback })
    case 'callback.returned':
      return `${t('pipeline.short.callbackReturned')} ${previewValue(event.value, 28)}`
    case 'callback.failed':
      return t(event.refused ? 'pipeline.short.callbackRefused' : 'pipeline.short.callbackFailed', { callback: event.callback })
    case 'token.defaulted':
      return t('pipeline.short.tokenDefaulted')
    case 'jwt.encoded':
      return event.header.alg === 'dir' ? `${t('pipeline.short.encoded')} ${String(event.header.enc ?? '')}` : t('pipeline.short.encodedSigned', { alg: String(event.header.alg ?? '') })
    case 'jwt.decoded':
      return event.header.alg === 'dir' ? `${t('pipeline.short.decoded')} ${String(event.header.enc ?? '')}` : t('pipeline.short.decodedSigned', { alg: String(event.header.alg ?? '') })
    case 'jwt.decodeFailed':
      return `${t('pipeline.short.decodeFailed')} · ${event.error.code}`
    case 'cookie.set':
      return t('pipeline.short.cookieSet', { name: event.name })
    case 'cookie.deleted':
      return t('pipeline.short.cookieDeleted', { name: event.name })
    case 'cookie.rejected':
      return t('pipeline.short.cookieRejected', { name: event.name })
    case 'cookie.expired':
      return t('pipeline.short.cookieExpired', { name: event.name })
    case 'cookie.tampered':
      return t('pipeline.short.tampered', { name: event.name })
    case 'session.built':
      return t('pipeline.short.sessionBuilt')
    case 'session.expiries':
      return t('pipeline.short.expiries')
    case 'log.written':
      return event.logger === 'nextjs' ? t('pipeline.short.uncaught') : t('pipeline.short.log', { code: event.code })
    case 'getToken.resolved':
      return `${t('pipeline.short.getToken')} → ${event.token ? previewValue(event.token.sub ?? event.token.email ?? '', 20) : 'null'}`
    case 'middleware.decided':
      return event.authorized ? t('pipeline.short.middleware') : t('pipeline.short.middlewareRedirect')
    case 'clock.advanced':
      return t('pipeline.short.clock', { duration: durationText(event.bySec, t) })
    case 'config.resolved':
      return t('pipeline.short.config')
    case 'client.skipped':
      return t('pipeline.short.clientSkipped')
    case 'client.updated':
      return t('pipeline.short.clientUpdated', { status: event.status })
    case 'flow.failed':
      return t('pipeline.short.flowFailed', { code: event.error.code })
    case 'flow.finished':
      return t('pipeline.short.flowFinished')
    default: {
      const unreachable: never = event
      throw new TypeError(`no label for ${(unreachable as TraceEvent).kind}`)
    }
  }
}
