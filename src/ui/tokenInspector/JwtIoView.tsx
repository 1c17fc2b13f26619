import { inspect, type FlowFlavor, type JwtSecret, type TokenInspection } from '../../engine/index'
import type { T } from '../../i18n/t'
import { SubHeading } from '../shared/Button'
import { CopyButton } from '../shared/CopyButton'
import { JsonView } from '../shared/JsonView'
import { TokenParts } from './TokenParts'
import { useRealJweTwin } from './useRealJweTwin'


/** Why jwt.io reads a signed JWS and not NextAuth's encrypted JWE; for the simplified model, the real JWE of that run's library beside it. */
export function JwtIoView({ inspection, claims, secret, flavor, salt, t }: { inspection: TokenInspection; claims: Record<string, unknown>; secret: JwtSecret | null; flavor: FlowFlavor; salt: string; t: T }) {
  const signed = inspection.kind === 'jws'
  const twin = useRealJweTwin(signed ? claims : null, signed ? secret : null, flavor, salt)
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
          {twin?.result && (
            <div className="flex min-w-0 flex-col gap-1.5" data-testid="real-jwe-twin" data-flavor={twin.flavor}>
              <div className="flex items-center justify-between gap-2">
                <SubHeading>{t(twin.flavor === 'authjs' ? 'inspector.jwtio.realTwinAuthjs' : 'inspector.jwtio.realTwin')}</SubHeading>
                <CopyButton text={twin.result.token} what={t('inspector.jwtio.twinCopy')} />
              </div>
              <TokenParts inspection={inspect(twin.result.token)} t={t} />
            </div>
          )}
          {twin?.error && (
            <p className="rounded-md border border-rose-300 bg-rose-50 p-2 text-xs text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100" data-testid="real-jwe-twin-error">
              {t('inspector.jwtio.twinFailed', { code: twin.error.code, message: twin.error.message })}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
