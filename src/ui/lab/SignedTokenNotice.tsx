import { useT } from '../../i18n/useT'
import { LabJson, LabSection, Note } from './LabSection'

/** A JWS pasted into the lab: say what it is, and show its header and payload anyway. */
export function SignedTokenNotice({ header, payload }: { header: Record<string, unknown> | null; payload: unknown }) {
  const t = useT()
  return (
    <LabSection title={t('lab.signed.title')} tone="warn">
      <p>{t('lab.signed.explanation')}</p>
      <LabJson value={header} label={t('lab.signed.header')} maxHeightClass="max-h-40" />
      {payload === undefined ? <Note tone="warn">{t('lab.signed.payloadUnreadable')}</Note> : <LabJson value={payload} label={t('lab.signed.payload')} />}
    </LabSection>
  )
}
