import type { KeyView } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { Fact, FactList, Mono } from './LabSection'

/** The key ladder for one secret: HKDF inputs, the derived key, and the kid for Auth.js. */
export function KeyDetails({ title, keyView }: { title: string; keyView: KeyView }) {
  const t = useT()
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <h4 className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">{title}</h4>
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
          <Mono>{keyView.keyHex}</Mono>
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
