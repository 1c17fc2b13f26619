import type { MakeSessionCookieResult } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button } from '../shared/Button'
import { CopyButton } from '../shared/CopyButton'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { KeyDetails } from './KeyDetails'
import { LabJson, LabSection, Note } from './LabSection'
import { dateTimeText } from '../shared/dateText'
import { countWords } from './labText'

/** The made token, the exact Set-Cookie lines, and a console snippet to try it in a browser. */
export function MadeToken() {
  const t = useT()
  const result = useAppStore((s) => s.labMake.result)
  const openMadeToken = useAppStore((s) => s.openMadeToken)
  if (!result) return null
  if (!result.ok) return <MakeFailure result={result} />

  const setCookieText = result.cookies.map((cookie) => cookie.setCookie).join('\n')
  return (
    <LabSection title={t('lab.make.output')} tone="good" actions={<Button onClick={openMadeToken}>{t('lab.make.openInLab')}</Button>}>
      <Block label={t('lab.make.token')} text={result.token} info={t('lab.make.tokenInfo', { chars: result.token.length, header: JSON.stringify(result.header) })} />
      <Block label={t('lab.make.setCookie')} text={setCookieText} info={countWords(t, 'lab.make.setCookieInfo', result.cookies.length, { chunk: result.chunkSize })} />
      {result.cookies.length > 1 && (
        <>
          <Note tone="warn">{t('lab.make.chunked', { chunk: result.chunkSize, count: result.cookies.length })}</Note>
          {/* One copy button a chunk: a browser's devtools take one Set-Cookie line at a time. */}
          <ul aria-label={t('lab.make.chunkLines')} className="flex flex-wrap gap-2">
            {result.cookies.map((cookie) => (
              <li key={cookie.name} className="flex items-center gap-1.5 rounded border border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
                <span className="font-mono">{t('lab.make.chunkLineInfo', { name: cookie.name, chars: cookie.setCookie.length })}</span>
                <CopyButton text={cookie.setCookie} what={t('lab.make.chunkLine', { name: cookie.name })} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('lab.make.expires', { date: dateTimeText(result.expiresAtSec, t), exp: String(result.claims.exp) })}</p>
      <Block label={t('lab.make.console')} text={result.consoleSnippet} info={t('lab.make.consoleHint')} />
      <LabJson value={result.claims} label={t('lab.make.claims')} />
      <KeyDetails title={t('lab.make.key')} keyView={result.key} />
    </LabSection>
  )
}

/** The id of the Make problem's message, so the field at fault can point at it (`aria-describedby`). */
export const MAKE_PROBLEM_ID = 'lab-make-problem'

function MakeFailure({ result }: { result: Extract<MakeSessionCookieResult, { ok: false }> }) {
  const t = useT()
  if (result.problem === 'engine') return <ErrorExplanation error={result.error} />
  const text =
    result.problem === 'max-age-out-of-range'
      ? t('lab.make.errors.max-age-out-of-range', { min: result.minSec, max: result.maxSec })
      : t(`lab.make.errors.${result.problem}`, { message: result.message ?? '' })
  return (
    <div role="alert" id={MAKE_PROBLEM_ID}>
      <Note tone="bad">{text}</Note>
    </div>
  )
}

/** Read-only text with a copy button; the label names both. */
function Block({ label, text, info }: { label: string; text: string; info: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">{label}</span>
        <CopyButton text={text} what={label} />
      </div>
      <pre tabIndex={0} aria-label={label} className="max-h-48 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
        {text}
      </pre>
      <p className="text-xs text-slate-600 dark:text-slate-300">{info}</p>
    </div>
  )
}
