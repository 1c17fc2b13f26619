import type { TokenDetection } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { Fact, FactList, LabJson, LabSection, Mono, Note } from './LabSection'
import { countWords } from './labText'

/** What the lab found in the input: the cookie, its chunks, the library, the salt, the header, the kid (library, salt and kid only for a JWE). */
export function DetectionSummary({ detection }: { detection: TokenDetection }) {
  const t = useT()
  const { cookies, shape } = detection
  const match = cookies.match
  const format = t(`lab.formats.${detection.format}`)
  // Every cookie pasted, the extra values of a name pasted twice included.
  const cookieCount = cookies.others.length + (match?.chunks.length ?? 0) + (match?.duplicates.reduce((n, duplicate) => n + duplicate.values.length - 1, 0) ?? 0)
  const flavorName = t(`lab.flavors.${detection.flavor}`)
  const indexOrder = (chunks: { name: string; index: number | null }[]) => chunks.map((c) => (c.index === null ? c.name : `.${c.index}`)).join(t('app.shared.listSeparator'))
  const matchedKid = detection.secretKids.find((kid) => kid.matches)
  const missingAfter = detection.missingAfterChunk
  // A JWS is not a NextAuth token: which library and salt would read it means nothing.
  const encrypted = shape.kind !== 'jws'

  return (
    <LabSection title={t('lab.detection.title')}>
      <FactList>
        <Fact label={t('lab.detection.input')}>{match ? t(cookieCount === 1 ? 'lab.detection.inputValueOne' : 'lab.detection.inputValue', { format, count: cookieCount }) : t('lab.detection.inputToken', { format })}</Fact>
        <Fact label={t('lab.detection.cookie')}>
          {match ? (
            <div className="flex flex-col gap-1">
              <Mono>{match.cookieName}</Mono>
              {match.securePrefix && <span className="text-xs text-slate-600 dark:text-slate-300">{t('lab.detection.securePrefix')}</span>}
              {cookies.candidates.length > 1 && (
                <span className="text-xs text-slate-600 dark:text-slate-300">{t('lab.detection.candidates', { names: cookies.candidates.filter((n) => n !== match.cookieName).join(t('app.shared.listSeparator')) })}</span>
              )}
              {cookies.others.length > 0 && <span className="text-xs text-slate-600 dark:text-slate-300">{t('lab.detection.others', { names: cookies.others.join(t('app.shared.listSeparator')) })}</span>}
            </div>
          ) : (
            t('lab.detection.cookieNone')
          )}
        </Fact>
        {match && (
          <Fact label={t('lab.detection.chunks')}>
            {match.chunks.length === 1 && match.chunks[0]!.index === null ? (
              t('lab.detection.chunksOne')
            ) : (
              <div className="flex flex-col gap-1">
                <span>{countWords(t, 'lab.detection.chunksJoined', match.chunks.length, { order: indexOrder(match.chunks) })}</span>
                {match.reordered && (
                  <span className="text-xs text-slate-600 dark:text-slate-300">
                    {t('lab.detection.chunksReordered', { order: indexOrder([...match.chunks].sort((a, b) => a.position - b.position)) })}
                  </span>
                )}
              </div>
            )}
          </Fact>
        )}
        <Fact label={t('lab.detection.kind')}>
          {shape.kind === 'jwe' ? t('lab.detection.kindJwe') : shape.kind === 'jws' ? t('lab.detection.kindJws') : '—'} · {t('lab.detection.lengthValue', { chars: detection.token.length })}
        </Fact>
        {encrypted && (
          <>
            <Fact label={t('lab.detection.library')}>
              {flavorName} <span className="text-slate-600 dark:text-slate-300">({t(`lab.detection.flavorFrom.${detection.flavorFrom}`)})</span>
            </Fact>
            <Fact label={t('lab.detection.salt')}>
              <div className="flex flex-col gap-1">
                <Mono>{detection.salt === '' ? t('lab.detection.saltEmpty') : detection.salt}</Mono>
                <span className="text-xs text-slate-600 dark:text-slate-300">{t(`lab.detection.saltFrom.${detection.saltFrom}`)}</span>
              </div>
            </Fact>
          </>
        )}
        {encrypted && detection.kid !== null && (
          <Fact label={t('lab.detection.kid')}>
            <div className="flex flex-col gap-1">
              <Mono>{detection.kid}</Mono>
              {detection.secretKids.length > 0 && (
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  {matchedKid ? t('lab.detection.kidMatch', { n: matchedKid.secretIndex + 1 }) : t('lab.detection.kidNoMatch', { salt: detection.salt })}
                </span>
              )}
            </div>
          </Fact>
        )}
      </FactList>
      {detection.header ? <LabJson value={detection.header} label={t('lab.detection.header')} maxHeightClass="max-h-40" /> : <Note tone="warn">{t('lab.detection.headerUnreadable')}</Note>}
      {detection.nameMismatch && detection.flavorFromHeader && match?.flavorFromName && (
        <Note tone="warn">{t('lab.detection.nameMismatch', { header: t(`lab.flavors.${detection.flavorFromHeader}`), name: t(`lab.flavors.${match.flavorFromName}`) })}</Note>
      )}
      {detection.missingChunks.length > 0 && <Note tone="bad">{t('lab.detection.chunksMissing', { indexes: detection.missingChunks.map((i) => `.${i}`).join(t('app.shared.listSeparator')) })}</Note>}
      {missingAfter && match && (
        <Note tone="bad">
          {t(missingAfter.full ? 'lab.detection.chunksMissingAfter' : 'lab.detection.chunksOnlyFirst', { index: missingAfter.index, next: missingAfter.index + 1, chars: missingAfter.length, name: match.cookieName })}
        </Note>
      )}
      {match?.bareAndChunks && <Note tone="bad">{t('lab.detection.bareAndChunks')}</Note>}
      {match && match.sweptIn.length > 0 && <Note tone="warn">{t('lab.detection.sweptIn', { names: match.sweptIn.join(t('app.shared.listSeparator')) })}</Note>}
      {match && match.skippedEmpty.length > 0 && <Note>{t('lab.detection.skippedEmpty', { names: match.skippedEmpty.join(t('app.shared.listSeparator')) })}</Note>}
    </LabSection>
  )
}
