import { useT } from '../../i18n/useT'

/** The Token lab: open a real NextAuth / Auth.js session cookie, or make one. */
export function TokenLab() {
  const t = useT()
  return <h2 className="text-xl font-semibold">{t('app.nav.lab')}</h2>
}
