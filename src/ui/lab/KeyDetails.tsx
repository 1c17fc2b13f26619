import type { KeyView } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { Fact, FactList, LabHeading, Mono } from './LabSection'

/** The key ladder for one secret: HKDF inputs, the derived key (folded away: it opens tokens like the secret does), and the kid for Auth.js. */
export function KeyDetails({ title, keyView }: { title: string; keyView: KeyView }) {
  const t = useT()
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <LabHeading>{title}</LabHeading>
      <FactList>
        <Fact label={t('lab.key.hash')}>{keyView.hash}</Fact>
        <Fact label={t('lab.key.info')}>
          <Mono>{keyView.info}</Mono>
        </Fact>
        <Fact label={t('lab.key.salt')}>
          <Mono>{keyView.salt === '' ? t('lab.detection.saltEmpty') : keyView.salt}</Mono>
        </Fact>
        <Fact label={t('lab.key.length')}>{t('lab.key.lengthValue', { bytes: keyView.lengthBytes })}</Fact>
        <Fact label={t('lab.key.keyHex')}>
          <details>
            <summary className="cursor-pointer text-xs text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">{t('lab.key.keyHexShow')}</summary>
            <Mono>{keyView.keyHex}</Mono>
          </details>
        </Fact>
        {keyView.kid && (
          <Fact label={t('lab.key.kid')}>
            <Mono>{keyView.kid}</Mono>
          </Fact>
        )}
      </FactList>
    </div>
  )
}
