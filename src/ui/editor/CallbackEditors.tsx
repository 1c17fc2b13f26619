import { useT } from '../../i18n/useT'
import { EmptyState } from '../shared/Panel'

/** The authorize, jwt and session callback editors. */
export function CallbackEditors() {
  const t = useT()
  return <EmptyState>{t('app.empty.editors')}</EmptyState>
}
