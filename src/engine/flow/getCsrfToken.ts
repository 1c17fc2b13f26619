// `getCsrfToken()`: `GET /api/auth/csrf` sets the `<token>|<hash>` cookie and answers the token half.
// Client: next-auth/react/index.js (v5: next-auth/react.js); server: the `csrf` case of the handler.
import type { FlowResult } from '../trace'
import { clientGetCsrfToken } from './clientFetch'
import type { FlowContext } from './flowContext'

export async function getCsrfTokenFlow(ctx: FlowContext): Promise<FlowResult> {
  const csrfToken = await clientGetCsrfToken(ctx)
  // v4 resolves to undefined when the fetch failed (absent here); v5 to "".
  return csrfToken === undefined ? { flow: 'getCsrfToken' } : { flow: 'getCsrfToken', csrfToken }
}
