// `getSession()` / `useSession()`: `GET /api/auth/session` (next-auth/react/index.js; v5
// next-auth/react.js). The server side, with its rolling re-encode, is routes/sessionRoute.ts.
import type { FlowResult } from '../trace'
import { clientGetSession } from './clientFetch'
import type { FlowContext } from './flowContext'

export async function getSessionFlow(ctx: FlowContext): Promise<FlowResult> {
  const session = await clientGetSession(ctx)
  return { flow: 'getSession', session, status: session ? 'authenticated' : 'unauthenticated' }
}
