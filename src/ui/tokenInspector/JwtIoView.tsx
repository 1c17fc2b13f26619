import { inspect, type JwtSecret, type TokenInspection } from '../../engine/index'
import type { MessageKey, MessageParams } from '../../i18n/t'
import { SubHeading } from '../shared/Button'
import { JsonView } from '../shared/JsonView'
import { TokenParts } from './TokenParts'
import { useRealJweTwin } from './useRealJweTwin'

type T = (key: MessageKey, params?: MessageParams) => string

/** Why jwt.io reads a signed JWS and not NextAuth's encrypted JWE; for the simplified model, the real JWE beside it. */
export function JwtIoView({ inspection, claims, secret, t }: { inspection: TokenInspection; claims: Record<string, unknown>; secret: JwtSecret | null; t: T }) {
  const signed = inspection.kind === 'jws'
  const twin = useRealJweTwin(signed ? claims : null, signed ? secret : null)
  return (
    <div className="flex flex-col gap-2">
      <p className={`rounded-md border p-2 text-xs leading-5 ${signed ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100' : 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100'}`}>
        {signed ? t('inspector.jwtio.jws') : t('inspector.jwtio.jwe')}
      </p>
      {signed && (
        <div className="grid gap-3 xl:grid-cols-2">
          {inspection.payload !== undefined && (
            <div className="flex min-w-0 flex-col gap-1.5">
              <SubHeading>{t('inspector.jwtio.readablePayload')}</SubHeading>
              <JsonView value={inspection.payload} label={t('inspector.jwtio.readablePayload')} maxHeightClass="max-h-60" />
            </div>
          )}
          {twin && (
            <div className="flex min-w-0 flex-col gap-1.5" data-testid="real-jwe-twin">
              <SubHeading>{t('inspector.jwtio.realTwin')}</SubHeading>
              <TokenParts inspection={inspect(twin.token)} t={t} />
            </div>
          )}
        </div>
      )}
    </div>
  )
}
