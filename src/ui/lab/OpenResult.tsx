import type { OpenTokenResult } from '../../engine/index'
import type { T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { selectLabResultStale } from '../../state/selectors'
import { useAppStore } from '../../state/useAppStore'
import { DecodedPayload } from './DecodedPayload'
import { DetectionSummary } from './DetectionSummary'
import { DuplicateCookies } from './DuplicateCookies'
import { FailureExplanation } from './FailureExplanation'
import { Note } from './LabSection'
import { SignedTokenNotice } from './SignedTokenNotice'

/** What "Decode" found: detection first, then the payload, or why it did not open. */
export function OpenResult() {
  const result = useAppStore((s) => s.labOpen.result)
  const checkedAtSec = useAppStore((s) => s.labOpen.checkedAtSec)
  const stale = useAppStore(selectLabResultStale)
  const t = useT()
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p role="status" className="sr-only">
        {result ? statusText(result, t) : ''}
      </p>
      {stale && <Note tone="warn">{t('lab.result.stale')}</Note>}
      {result && 'detection' in result && <DuplicateCookies duplicates={result.detection.cookies.match?.duplicates ?? []} />}
      {result && <ResultBody result={result} checkedAtSec={checkedAtSec ?? 0} />}
    </div>
  )
}

function ResultBody({ result, checkedAtSec }: { result: OpenTokenResult; checkedAtSec: number }) {
  const t = useT()
  switch (result.status) {
    case 'empty':
      return <Note>{t('lab.failure.empty')}</Note>
    case 'no-token':
      return <Note tone="warn">{noTokenText(result, t)}</Note>
    case 'needs-secret':
      return (
        <>
          <Note tone="warn">{t('lab.failure.needsSecret')}</Note>
          <DetectionSummary detection={result.detection} />
        </>
      )
    case 'signed':
      return (
        <>
          <SignedTokenNotice header={result.header} payload={result.payload} />
          <DetectionSummary detection={result.detection} />
        </>
      )
    case 'decoded':
    case 'expired':
      return (
        <>
          <DecodedPayload result={result} checkedAtSec={checkedAtSec} />
          <DetectionSummary detection={result.detection} />
        </>
      )
    case 'failed':
      return (
        <>
          <FailureExplanation result={result} />
          <DetectionSummary detection={result.detection} />
        </>
      )
    default: {
      const never: never = result
      return never
    }
  }
}


function noTokenText(result: Extract<OpenTokenResult, { status: 'no-token' }>, t: T): string {
  return result.cookieNames.length > 0 ? t('lab.failure.noToken', { format: t(`lab.formats.${result.format}`), names: result.cookieNames.join(t('app.shared.listSeparator')) }) : t('lab.failure.noTokenNone')
}

/** What the status region announces: every outcome says something, so pressing Decode is never met with silence. */
function statusText(result: OpenTokenResult, t: T): string {
  switch (result.status) {
    case 'decoded':
    case 'expired':
      return t('lab.result.payload')
    case 'failed':
      return t('lab.failure.title')
    case 'signed':
      return t('lab.signed.title')
    case 'needs-secret':
      return t('lab.failure.needsSecret')
    case 'no-token':
      return noTokenText(result, t)
    case 'empty':
      return t('lab.failure.empty')
    default: {
      const never: never = result
      return never
    }
  }
}
