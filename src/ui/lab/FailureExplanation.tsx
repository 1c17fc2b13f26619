import type { OpenTokenResult } from '../../engine/index'
import { hasMessage, type MessageKey, type T } from '../../i18n/t'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button } from '../shared/Button'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { KeyDetails } from './KeyDetails'
import { Fact, FactList, LabHeading, LabSection, Mono, Note } from './LabSection'
import { countWords } from './labText'

type Failed = Extract<OpenTokenResult, { status: 'failed' }>

/** Why the token did not open: the error's own text, then what the lab checked and the likely causes. */
export function FailureExplanation({ result }: { result: Failed }) {
  const t = useT()
  const applyLabSettings = useAppStore((s) => s.applyLabSettings)
  const { diagnosis, detection } = result
  const opensWith = diagnosis.opensWith
  // The causes that name salts say which one the token was made under and which one was used.
  const causeParams = { salt: detection.salt, madeSalt: opensWith?.salt ?? '' }
  const tried = opensWith ? [] : diagnosis.tried.slice(1)

  const useSettings = () => {
    if (opensWith) void applyLabSettings({ flavor: opensWith.flavor, salt: opensWith.salt })
  }

  return (
    <LabSection title={t('lab.failure.title')} tone="bad">
      <ErrorExplanation error={result.error} />
      {whyKey(result) && <p>{t(whyKey(result)!)}</p>}
      {diagnosis.malformed && (
        <div>
          <p>{t('lab.failure.malformedPart', { part: partName(diagnosis.malformed.part, t), reason: malformedReason(result, t) })}</p>
          <p className="text-xs text-slate-600 dark:text-slate-300">{t('lab.failure.partLengths', { lengths: detection.shape.parts.map((part) => part.text.length).join(' · ') })}</p>
        </div>
      )}
      {opensWith && (
        <Note tone="good">
          <p className="font-semibold">
            {t(opensWith.expired ? 'lab.failure.opensWithExpired' : 'lab.failure.opensWith', {
              flavor: t(`lab.flavors.${opensWith.flavor}`),
              salt: opensWith.salt,
              n: opensWith.secretIndex + 1,
            })}
          </p>
          <Button className="mt-2" onClick={useSettings}>
            {t('lab.failure.useSettings')}
          </Button>
        </Note>
      )}
      {tried.length > 0 && (
        <p>
          {t('lab.failure.tried', {
            settings: triedByFlavor(tried)
              .map(({ flavor, salts }) =>
                salts.length === 1 && salts[0] === ''
                  ? t('lab.failure.triedSettingEmpty', { flavor: t(`lab.flavors.${flavor}`) })
                  : countWords(t, 'lab.failure.triedSetting', salts.length, { flavor: t(`lab.flavors.${flavor}`), salts: salts.map((salt) => t('lab.failure.triedSalt', { salt })).join(t('app.shared.listSeparator')) }),
              )
              .join('; '),
          })}
        </p>
      )}
      {diagnosis.causes.length > 0 && (
        <div className="flex flex-col gap-1">
          <LabHeading>{t('lab.failure.causes')}</LabHeading>
          <ol className="list-decimal space-y-1 pl-5">
            {diagnosis.causes.map((cause) => (
              <li key={cause}>{t(`lab.failure.causesText.${cause}`, causeParams)}</li>
            ))}
          </ol>
        </div>
      )}
      {diagnosis.whitespaceSecrets.length > 0 && (
        <Note tone="warn">{countWords(t, 'lab.failure.whitespace', diagnosis.whitespaceSecrets.length, { lines: diagnosis.whitespaceSecrets.map((i) => i + 1).join(t('app.shared.listSeparator')) })}</Note>
      )}
      {(diagnosis.keys.length > 0 || diagnosis.tokenKid) && (
        <div className="flex flex-col gap-3">
          <LabHeading>{t('lab.failure.diagnosis')}</LabHeading>
          {diagnosis.tokenKid && (
            <FactList>
              <Fact label={t('lab.failure.tokenKid')}>
                <Mono>{diagnosis.tokenKid}</Mono>
              </Fact>
            </FactList>
          )}
          {diagnosis.keys.map(({ secretIndex, key }) => (
            <KeyDetails key={secretIndex} title={t('lab.failure.keyLine', { n: secretIndex + 1 })} keyView={key} />
          ))}
        </div>
      )}
    </LabSection>
  )
}


/** The settings tried, one entry per library in the order first tried, with its salts. */
function triedByFlavor(tried: Failed['diagnosis']['tried']): { flavor: Failed['diagnosis']['tried'][number]['flavor']; salts: string[] }[] {
  const groups: ReturnType<typeof triedByFlavor> = []
  for (const { flavor, salt } of tried) {
    const group = groups.find((entry) => entry.flavor === flavor)
    if (group) group.salts.push(salt)
    else groups.push({ flavor, salts: [salt] })
  }
  return groups
}

function partName(part: string, t: T): string {
  const key = `lab.failure.parts.${part}`
  return hasMessage(key) ? t(key) : part
}

/** Our own shape checks have worded reasons; the JWT engine's carry jose's message, shown as is. */
function malformedReason(result: Failed, t: T): string {
  const { details } = result.error
  const reason = String(details.reason ?? result.error.message)
  const key = `lab.failure.malformedReasons.${reason === 'wrong-part-count' && details.actual === 1 ? 'wrong-part-count-one' : reason}`
  if (!hasMessage(key)) return reason
  return t(key, { expected: String(details.expected ?? ''), actual: String(details.actual ?? '') })
}

/** The lab's own sentence on why the crypto refused, beside the error's general text. */
function whyKey(result: Failed): MessageKey | null {
  const { detection } = result
  switch (result.error.code) {
    case 'JWT_DECRYPT_FAILED':
      if (detection.secretKids.some((kid) => kid.matches)) return 'lab.failure.why.kidMatched'
      return detection.enc === 'A256CBC-HS512' ? 'lab.failure.why.decryptAuthjs' : 'lab.failure.why.decryptV4'
    case 'JWT_NO_MATCHING_SECRET':
      return 'lab.failure.why.noMatchingSecret'
    case 'JWT_INVALID_KEY':
      return 'lab.failure.why.invalidKey'
    default:
      return null
  }
}
