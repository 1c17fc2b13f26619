// The engine's public surface. Everything outside src/engine imports the engine through this file only.

export { EngineError, ENGINE_ERROR_CODES, isEngineError } from './errors'
export type { EngineErrorCode, EngineErrorDetails, SerializedEngineError } from './errors'
export { createSimClock } from './clock/createSimClock'
export type { ReadonlyClock, SimClock } from './clock/createSimClock'
/** The latest time the simulated clock can reach, in seconds: the end of JavaScript dates. */
export { DATE_LIMIT_SEC } from './clock/dateLimit'
export type * from './trace'
export type * from './flow/types'
export { cryptoRandom, createSeededRandom } from './random'
export type { RandomSource } from './random'
/** The callback sandbox: runs the learner's authorize / jwt / session source in a module Web Worker. */
export { createSandboxRunner } from './sandbox/host'
export type { CompiledStore, SandboxRunner, SandboxRunnerOptions, SandboxSources, WorkerLike } from './sandbox/host'
export { isSandboxCallback, SANDBOX_CALLBACK_NAMES, SANDBOX_DEFAULT_TIMEOUT_MS, SANDBOX_MAX_RETURN_BYTES } from './sandbox/protocol'
export type { CompiledRecord, SandboxCallbackName } from './sandbox/protocol'
/** The cookie engine: a browser-like cookie jar on the simulated clock, and NextAuth's cookie names, options, Set-Cookie lines, chunking and CSRF cookie. */
export {
  createCookieJar,
  cookieSizeBytes,
  defaultCookies,
  resolveCookies,
  serializeSetCookie,
  serializeOutgoingCookie,
  isCookieName,
  parseCookieHeader,
  parseSetCookie,
  parseSetCookieLines,
  createSessionStore,
  createCsrfToken,
  csrfHash,
  ALLOWED_COOKIE_SIZE,
  BROWSER_MAX_COOKIE_AGE_SEC,
  BROWSER_MAX_NAME_VALUE_BYTES,
  CHUNK_SIZE,
  ESTIMATED_EMPTY_COOKIE_SIZE,
  COOKIE_REJECT_REASONS,
  OAUTH_CHECK_COOKIE_MAX_AGE_SEC,
} from './cookies/index'
export type {
  CookieJar,
  CookieChange,
  CookieDefinition,
  CookieDefinitions,
  CookieOptions,
  CookieRejectReason,
  OutgoingCookie,
  ResolvedCookie,
  ResolvedCookies,
  SetCookieOptions,
  V4CookieKey,
  ParsedSetCookie,
  SessionStore,
  SessionStoreInput,
  ChunkingLogPayload,
  CsrfTokenInput,
  CsrfTokenResult,
} from './cookies/index'
/** The session token engine: encode/decode the token as next-auth v4 or Auth.js (or the simplified HS256 picture), its key ladder, and a secret-free inspector. */
export { encode, encodeDetailed, decode, decodeDetailed, deriveKey, inspect, clearKeyCache, KEY_CACHE_MAX_ENTRIES, JWT_CONSTANTS, TOKEN_FLAVORS, DEFAULT_MAX_AGE_SEC, CLOCK_TOLERANCE_SEC, CONTENT_ENCRYPTION, hkdfInfo } from './jwt/index'
export type { TokenFlavor, DirectEncryption, EncodeParams, DecodeParams, DeriveKeyParams, EncodeResult, DecodeResult, JwtSecret, TokenInspection, InspectedPart, InspectProblem, InspectProblemReason, TokenKind, TokenPart } from './jwt/index'
/**
 * The Token lab's light parts, which the playground shows too: claim explanations and the session cookie names.
 * The lab's runtime (`openToken`, `makeSessionCookie`, `parseTokenInput`, …) is its own entry, `./lab/index`,
 * fetched on demand (`state/loadLabEngine.ts`) so the first load does not carry it; its types are listed here.
 * @example const { openToken } = await import('./lab/index'); const result = await openToken({ input: 'next-auth.session-token=eyJ…', secrets: ['s3cr3t'], nowSec })
 */
export { explainClaims, expiryStatus } from './lab/explainClaims'
export { SESSION_COOKIE_NAMES, sessionCookieName } from './lab/sessionCookieNames'
export type * from './lab/index'
export { STARTER_CODE, DEFAULT_FLAVOR } from './sandbox/starterCode'
export type { EditorCode } from './sandbox/starterCode'
/**
 * The flow engine: a simulated browser and NextAuth app on the simulated clock; every flow returns a Trace.
 * @example
 * const playground = createPlayground({ nowSec: 1_767_225_600 })
 * const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
 */
export { createPlayground } from './flow/createPlayground'
export type { Playground, PlaygroundOptions } from './flow/createPlayground'
/** The starting configuration (v4, real token model, demo secret and users) and the seed's callbacks. */
export { defaultPlaygroundConfig, demoUsers, DEMO_SECRET } from './flow/defaults'
export { createDefaultRunner, DEFAULT_CALLBACK_SOURCES } from './flow/defaultCallbacks'
/**
 * Auth.js's CredentialsSignin for plain-function callbacks: an authorize that throws one (or a subclass
 * with its own `code`) is answered `?error=CredentialsSignin&code=<code>`. `thrownCallbackError` is the
 * failure a plain runner reports for a throw, keeping that code.
 */
export { CredentialsSignin, thrownCallbackError } from './sandbox/credentialsSignin'
