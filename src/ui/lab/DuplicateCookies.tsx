import type { DuplicateCookie } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { Button } from '../shared/Button'
import { Mono, Note } from './LabSection'

/** A name pasted more than once with different values: which one the lab read, and the others to read instead. */
export function DuplicateCookies({ duplicates }: { duplicates: DuplicateCookie[] }) {
  const t = useT()
  const pick = useAppStore((s) => s.pickLabCookieValue)
  if (duplicates.length === 0) return null
  return (
    <div className="flex flex-col gap-2 text-sm">
      {duplicates.map((duplicate) => (
        <Note key={duplicate.name} tone="warn">
          <p>{t(`lab.detection.duplicates.${duplicate.rule}`, { name: duplicate.name, count: duplicate.values.length })}</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {duplicate.values.map((value) => (
              <li key={value.position} className="flex flex-wrap items-center gap-2">
                <Mono>{t('lab.detection.duplicateValue', { position: value.position + 1, source: t(`lab.detection.sources.${value.source}`), chars: value.length, tail: value.tail })}</Mono>
                {value.read ? (
                  <span className="text-xs font-semibold">{t('lab.detection.duplicateRead')}</span>
                ) : (
                  <Button className="px-2 py-0.5 text-xs" onClick={() => void pick(duplicate.name, value.position)}>
                    {t('lab.detection.duplicateUse', { position: value.position + 1 })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Note>
      ))}
    </div>
  )
}
