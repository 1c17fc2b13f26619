// The body of a step's details, one case per event kind. Loaded on its own (see StepDetails.tsx):
// it is only needed once a run has steps, so it stays out of the first screen's JavaScript.
import { isSandboxCallback, parseSetCookie, type ConsoleEntry, type TraceEvent } from '../../../engine/index'
import type { StepContext } from '../../../state/selectors'
import { ErrorExplanation } from '../../shared/ErrorExplanation'
import { JsonView } from '../../shared/JsonView'
import { dateTimeText, utcText } from '../../shared/dateText'
import { durationText } from '../../shared/durationText'
import type { T } from '../../../i18n/t'
import { CodeLine, DetailBlock, Facts, HeaderLines } from './DetailParts'

const yesNo = (value: boolean, t: T) => (value ? t('pipeline.details.yes') : t('pipeline.details.no'))

function ConsoleOutput({ logs, t }: { logs: ConsoleEntry[]; t: T }) {
  return (
    <DetailBlock title={t('pipeline.details.console')}>
      {logs.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('pipeline.details.noConsole')}</p>
      ) : (
        <ol className="rounded-md bg-slate-900 p-2 font-mono text-xs leading-5 text-slate-100 dark:bg-black">
          {logs.map((entry, index) => (
            <li key={index} className={entry.level === 'error' ? 'text-rose-300' : entry.level === 'warn' ? 'text-amber-200' : ''}>
              <span className="text-slate-400">[{entry.level}]</span> {entry.text}
            </li>
          ))}
        </ol>
      )}
    </DetailBlock>
  )
}

function Headers({ headers, t }: { headers: Array<[string, string]>; t: T }) {
  return (
    <HeaderLines
      headers={headers}
      empty={t('pipeline.details.noHeaders')}
      cookieNote={t('pipeline.details.cookieHeader')}
      setCookieNote={(value) => t(deletesCookie(value) ? 'pipeline.details.deleteCookieHeader' : 'pipeline.details.setCookieHeader')}
      copyLabel={t('pipeline.details.headers')}
    />
  )
}

/** Whether a Set-Cookie line deletes its cookie: `Max-Age=0` (how NextAuth clears cookies), as the cookie engine reads it. */
function deletesCookie(line: string): boolean {
  try {
    const maxAgeSec = parseSetCookie(line).maxAgeSec
    return maxAgeSec !== undefined && maxAgeSec <= 0
  } catch {
    // A line the engine cannot read is shown as it is, as a Set-Cookie.
    return false
  }
}

/** What the step did, in full: the part a learner explores after the narration. */
export function DetailBody({ event, context, t }: { event: TraceEvent; context?: StepContext; t: T }) {
  switch (event.kind) {
    case 'flow.started':
      return (
        <>
          <Facts rows={[[t('pipeline.details.flow.name'), `${event.flow}()`], [t('pipeline.details.flow.flavor'), t(`pipeline.flavor.${event.flavor}`)], [t('pipeline.details.flow.model'), t(`pipeline.model.${event.tokenModel}`)]]} />
          {event.input !== undefined && (
            <DetailBlock title={t('pipeline.details.flow.input')}>
              <JsonView value={event.input} label={t('pipeline.details.flow.input')} />
            </DetailBlock>
          )}
        </>
      )
    case 'http.requested':
      return (
        <>
          <DetailBlock title={t('pipeline.details.request')}>
            <CodeLine text={`${event.request.method} ${event.request.url}`} copyWhat={t('pipeline.details.request')} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.headers')}>
            <Headers headers={event.request.headers} t={t} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.body')}>
            {event.request.body ? <CodeLine text={event.request.body} copyWhat={t('pipeline.details.body')} /> : <p className="text-sm text-slate-600 dark:text-slate-300">{t('pipeline.details.noBody')}</p>}
          </DetailBlock>
        </>
      )
    case 'http.responded':
      return (
        <>
          <Facts rows={[[t('pipeline.details.status'), String(event.response.status)]]} />
          <DetailBlock title={t('pipeline.details.headers')}>
            <Headers headers={event.response.headers} t={t} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.body')}>
            {event.response.body === undefined ? <p className="text-sm text-slate-600 dark:text-slate-300">{t('pipeline.details.noBody')}</p> : <JsonView value={event.response.body} label={t('pipeline.details.body')} />}
          </DetailBlock>
        </>
      )
    case 'csrf.checked':
      return (
        <Facts
          rows={[
            [t('pipeline.details.csrf.cookiePresent'), yesNo(event.cookiePresent, t)],
            [t('pipeline.details.csrf.hashValid'), yesNo(event.hashValid, t)],
            [t('pipeline.details.csrf.bodyTokenMatches'), event.bodyTokenMatches === null ? t('pipeline.details.csrf.notApplicable') : yesNo(event.bodyTokenMatches, t)],
            [t('pipeline.details.csrf.verified'), yesNo(event.verified, t)],
            [t('pipeline.details.csrf.issuedNew'), yesNo(event.issuedNew, t)],
          ]}
        />
      )
    case 'cookies.read':
      return (
        <>
          <Facts rows={[[t('pipeline.details.cookieName'), event.cookieName], [t('pipeline.details.cookieNames'), event.names.join(t('app.shared.listSeparator')) || t('pipeline.details.none')], [t('pipeline.details.chunked'), yesNo(event.chunked, t)]]} />
          {event.value !== null && (
            <DetailBlock title={t('pipeline.details.value')}>
              <CodeLine text={event.value} copyWhat={t('pipeline.details.value')} />
            </DetailBlock>
          )}
        </>
      )
    case 'callback.called':
      return (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-200">
            {event.isDefault
              ? t('pipeline.details.defaultCallback')
              : isSandboxCallback(event.callback)
                ? t('pipeline.details.yourCallback', { editor: t(`editor.names.${event.callback}`) })
                : t('pipeline.details.yourAppCallback', { callback: event.callback })}
          </p>
          <Facts
            rows={[
              [t('pipeline.details.trigger'), event.trigger ?? t('pipeline.details.noTrigger')],
              [t('pipeline.details.undefinedArgs'), event.undefinedArgs.length ? event.undefinedArgs.join(t('app.shared.listSeparator')) : t('pipeline.details.noneUndefined')],
            ]}
          />
          <DetailBlock title={t('pipeline.details.arguments')}>
            <JsonView value={withUndefined(event.args, event.undefinedArgs, t)} label={t('pipeline.details.arguments')} />
          </DetailBlock>
        </>
      )
    case 'callback.returned':
      return (
        <>
          <DetailBlock title={t('pipeline.details.returned')}>
            <JsonView value={event.value} label={t('pipeline.details.returned')} />
          </DetailBlock>
          <ConsoleOutput logs={event.logs} t={t} />
        </>
      )
    case 'callback.failed':
      return (
        <>
          <ErrorDetails error={event.error} t={t} />
          <ConsoleOutput logs={event.logs} t={t} />
        </>
      )
    case 'token.defaulted':
      return <JsonView value={event.token} label={t('pipeline.details.claims')} />
    case 'jwt.encoded':
      return (
        <>
          <Facts
            rows={[
              [t('pipeline.details.maxAge'), t('pipeline.details.maxAgeFrom', { seconds: event.maxAgeSec, from: t(`pipeline.details.maxAgeFromNames.${maxAgeKey(event.maxAgeFrom)}`) })],
              [t('pipeline.details.header'), JSON.stringify(event.header)],
            ]}
          />
          <KeyFacts keyView={event.key} t={t} />
          <DetailBlock title={t('pipeline.details.claimsIn')}>
            <JsonView value={event.claimsIn} label={t('pipeline.details.claimsIn')} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.claimsOut')}>
            <JsonView value={event.claims} label={t('pipeline.details.claimsOut')} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.token')}>
            <CodeLine text={event.token} copyWhat={t('pipeline.details.token')} />
          </DetailBlock>
        </>
      )
    case 'jwt.decoded':
      return (
        <>
          <DetailBlock title={t('pipeline.details.token')}>
            <CodeLine text={event.token} copyWhat={t('pipeline.details.token')} />
          </DetailBlock>
          <KeyFacts keyView={event.key} t={t} />
          <Facts rows={[[t('pipeline.details.header'), JSON.stringify(event.header)]]} />
          <DetailBlock title={t('pipeline.details.claims')}>
            <JsonView value={event.claims} label={t('pipeline.details.claims')} />
          </DetailBlock>
        </>
      )
    case 'jwt.decodeFailed':
      return (
        <>
          <ErrorDetails error={event.error} t={t} />
          <DetailBlock title={t('pipeline.details.token')}>
            <CodeLine text={event.token} copyWhat={t('pipeline.details.token')} />
          </DetailBlock>
          {event.key && <KeyFacts keyView={event.key} t={t} />}
          {event.keyError && <Facts rows={[[t('pipeline.details.keyError'), `${event.keyError.code} · ${t(`errors.${event.keyError.code}.title`)}`]]} />}
        </>
      )
    case 'cookie.set':
      return (
        <>
          <Facts
            rows={[
              [t('pipeline.details.cookieName'), event.name],
              [t('pipeline.details.expires'), event.expiresAtSec === undefined ? t('pipeline.sessionEnd') : utcText(event.expiresAtSec, t)],
              ...(event.chunk ? [[t('pipeline.details.chunk'), t('pipeline.details.chunkOf', { index: event.chunk.index + 1, total: event.chunk.total })] as [string, string]] : []),
            ]}
          />
          <DetailBlock title={t('pipeline.details.setCookieLine')}>
            <CodeLine text={event.setCookie} copyWhat={t('pipeline.details.setCookieLine')} />
          </DetailBlock>
        </>
      )
    case 'cookie.deleted':
      return (
        <>
          <Facts rows={[[t('pipeline.details.cookieName'), event.name]]} />
          <DetailBlock title={t('pipeline.details.setCookieLine')}>
            <CodeLine text={event.setCookie} copyWhat={t('pipeline.details.setCookieLine')} />
          </DetailBlock>
        </>
      )
    case 'cookie.rejected':
      return (
        <>
          <ErrorDetails error={event.error} t={t} />
          <DetailBlock title={t('pipeline.details.setCookieLine')}>
            <CodeLine text={event.setCookie} copyWhat={t('pipeline.details.setCookieLine')} />
          </DetailBlock>
        </>
      )
    case 'cookie.expired':
      return <Facts rows={[[t('pipeline.details.cookieName'), event.name], [t('pipeline.details.expires'), utcText(event.expiresAtSec, t)]]} />
    case 'cookie.tampered':
      return (
        <>
          <Facts rows={[[t('pipeline.details.cookieName'), event.name], [t('pipeline.details.tampered.part'), t(`pipeline.tamperedPart.${event.part}`)], [t('pipeline.details.tampered.byte'), String(event.byteIndex)]]} />
          <DetailBlock title={t('pipeline.details.tampered.before')}>
            <CodeLine text={event.valueBefore} copyWhat={t('pipeline.details.tampered.before')} />
          </DetailBlock>
          <DetailBlock title={t('pipeline.details.tampered.after')}>
            <CodeLine text={event.value} copyWhat={t('pipeline.details.tampered.after')} />
          </DetailBlock>
        </>
      )
    case 'session.built':
      return (
        <>
          <Facts rows={[[t('pipeline.details.sessionExpires'), event.expiresIso]]} />
          <JsonView value={event.session} label={t('pipeline.details.session')} />
        </>
      )
    case 'session.expiries':
      return (
        <Facts
          rows={[
            [t('pipeline.details.expiries.tokenExp'), event.tokenExpSec === undefined ? t('pipeline.notSet') : `${event.tokenExpSec} · ${dateTimeText(event.tokenExpSec, t)}`],
            [t('pipeline.details.expiries.cookieExpires'), event.cookieExpiresAtSec === undefined ? t('pipeline.notSet') : dateTimeText(event.cookieExpiresAtSec, t)],
            [t('pipeline.details.expiries.sessionExpires'), event.sessionExpiresIso ?? t('pipeline.notSet')],
          ]}
        />
      )
    case 'log.written':
      return (
        <>
          <Facts
            rows={
              event.logger === 'nextjs'
                ? [[t('pipeline.details.level'), t(`pipeline.logLevels.${event.level}`)], [t('pipeline.details.printedBy'), t('pipeline.details.printedByNextjs')]]
                : [[t('pipeline.details.level'), t(`pipeline.logLevels.${event.level}`)], [t('pipeline.details.code'), event.code]]
            }
          />
          <DetailBlock title={t('pipeline.details.log')}>
            <pre className="overflow-auto rounded-md bg-slate-900 p-2 font-mono text-xs leading-5 whitespace-pre-wrap text-rose-200 dark:bg-black">{event.text}</pre>
          </DetailBlock>
        </>
      )
    case 'getToken.resolved':
      return (
        <>
          <Facts
            rows={[
              [t('pipeline.details.getToken.cookie'), event.cookieName],
              [t('pipeline.details.getToken.secureCookie'), String(event.secureCookie)],
              ...(event.salt === undefined ? [] : [[t('pipeline.details.getToken.salt'), JSON.stringify(event.salt)] as [string, string]]),
              ...(event.token ? [] : [[t('pipeline.details.getToken.reason'), t(`pipeline.nullReasons.${event.nullReason ?? 'no-cookie'}`)] as [string, string]]),
              ...(event.workingSalt === undefined ? [] : [[t('pipeline.details.getToken.workingSalt'), JSON.stringify(event.workingSalt)] as [string, string]]),
            ]}
          />
          {!event.token && <p className="text-sm text-slate-700 dark:text-slate-200">{t(`pipeline.details.getToken.silent.${context?.flavor ?? 'next-auth-v4'}`)}</p>}
          <DetailBlock title={t('pipeline.details.getToken.token')}>
            <JsonView value={event.token} label={t('pipeline.details.getToken.token')} />
          </DetailBlock>
        </>
      )
    case 'middleware.decided':
      return <Facts rows={[[t('pipeline.details.middleware.authorized'), yesNo(event.authorized, t)], ...(event.redirectTo ? [[t('pipeline.details.middleware.redirectTo'), event.redirectTo] as [string, string]] : [])]} />
    case 'clock.advanced':
      return <Facts rows={[[t('pipeline.details.clock.by'), `${durationText(event.bySec, t)} (${t('pipeline.details.seconds', { count: event.bySec })})`]]} />
    case 'config.resolved':
      return (
        <>
          <Facts
            rows={[
              [t('pipeline.details.config.secret'), t(`pipeline.secretSource.${event.secretSource}`)],
              [t('pipeline.details.config.secureCookies'), String(event.useSecureCookies)],
              [t('pipeline.details.config.cookieNames'), `${event.cookieNames.sessionToken}, ${event.cookieNames.csrfToken}, ${event.cookieNames.callbackUrl}`],
              [t('pipeline.details.config.sessionMaxAge'), t('pipeline.details.seconds', { count: event.sessionMaxAgeSec })],
              [t('pipeline.details.config.jwtMaxAge'), t('pipeline.details.seconds', { count: event.jwtMaxAgeSec })],
              [t('pipeline.details.config.updateAge'), t('pipeline.details.seconds', { count: event.updateAgeSec })],
              [t('pipeline.details.config.basePath'), event.basePath],
            ]}
          />
          {event.notes.length > 0 && (
            <DetailBlock title={t('pipeline.details.config.notes')}>
              <ul className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-200">
                {event.notes.map((note) => (
                  <li key={note}>{t(`pipeline.details.configNotes.${note}`)}</li>
                ))}
              </ul>
            </DetailBlock>
          )}
        </>
      )
    case 'client.skipped':
      return null
    case 'client.updated':
      return (
        <>
          <Facts rows={[[t('pipeline.details.client.status'), event.status]]} />
          <JsonView value={event.session} label={t('pipeline.details.session')} />
        </>
      )
    case 'flow.failed':
      return <ErrorDetails error={event.error} t={t} />
    case 'flow.finished':
      return (
        <DetailBlock title={t('pipeline.details.result')}>
          <JsonView value={event.result} label={t('pipeline.details.result')} />
        </DetailBlock>
      )
    default: {
      const unreachable: never = event
      throw new TypeError(`no details for ${(unreachable as TraceEvent).kind}`)
    }
  }
}

function maxAgeKey(from: 'jwt.maxAge' | 'session.maxAge' | 'default'): 'jwtMaxAge' | 'sessionMaxAge' | 'default' {
  return from === 'jwt.maxAge' ? 'jwtMaxAge' : from === 'session.maxAge' ? 'sessionMaxAge' : 'default'
}

/** Arguments as the callback saw them: keys passed as undefined stay visible. */
function withUndefined(args: Record<string, unknown>, undefinedArgs: string[], t: T): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...args }
  for (const name of undefinedArgs) if (shown[name] === undefined) shown[name] = t('pipeline.details.undefinedArgument')
  return shown
}

function KeyFacts({ keyView, t }: { keyView: { hash: string; salt: string; info: string; lengthBytes: number; keyHex: string; kid?: string }; t: T }) {
  return (
    <DetailBlock title={t('pipeline.details.key')}>
      <Facts
        rows={[
          [t('inspector.ladder.hash'), keyView.hash],
          [t('inspector.ladder.salt'), keyView.salt === '' ? t('inspector.ladder.saltEmpty') : keyView.salt],
          [t('inspector.ladder.info'), keyView.info],
          [t('inspector.ladder.length'), t('inspector.ladder.lengthValue', { bytes: keyView.lengthBytes })],
          [t('inspector.ladder.derived'), keyView.keyHex],
          ...(keyView.kid ? [[t('inspector.ladder.kid'), keyView.kid] as [string, string]] : []),
        ]}
      />
    </DetailBlock>
  )
}

function ErrorDetails({ error, t }: { error: { code: Parameters<typeof ErrorExplanation>[0]['error']['code']; message: string; cause?: { name: string; message: string; code?: string } }; t: T }) {
  return (
    <div className="flex flex-col gap-1.5">
      <ErrorExplanation error={error} />
      <Facts
        rows={[
          [t('pipeline.details.developerMessage'), error.message],
          ...(error.cause ? [[t('pipeline.details.cause'), `${error.cause.name}${error.cause.code ? ` (${error.cause.code})` : ''}: ${error.cause.message}`] as [string, string]] : []),
        ]}
      />
    </div>
  )
}

