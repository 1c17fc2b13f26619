// Type declarations the callback editors load into Monaco's TypeScript worker, per flavour. They are
// trimmed copies of next-auth 4.24 (`core/types.d.ts`, `jwt/types.d.ts`, `providers/credentials.d.ts`)
// and @auth/core 0.41 (`index.d.ts`, `types.d.ts`, `jwt.d.ts`, `providers/credentials.d.ts`, `errors.d.ts`), plus, for
// Auth.js, next-auth v5's re-exports of them (`index.d.ts`, `lib/index.d.ts`, `jwt.d.ts`, …): same
// names, same fields, same `trigger` values (pinned by test/ui/editor/typeDeclarations.test.ts);
// each argument has a one-line doc saying what NextAuth passes and when.
import type { FlowFlavor } from '../../engine'

export interface ExtraLib {
  /** A file URI for Monaco (`file:///…d.ts`). */
  path: string
  content: string
}

/**
 * What the callback worker offers besides JavaScript itself (the editors load only `lib.esnext`, no
 * DOM): exactly the Web APIs on the sandbox's allow-list (SAFE_GLOBALS in
 * src/engine/sandbox/lockdown.ts; a test keeps the two in step), trimmed to what a callback uses.
 * `fetch`, `document`, `localStorage` and the rest are not declared: the editor underlines them,
 * and the sandbox refuses them.
 */
export const WORKER_GLOBALS = `
/** The sandbox's console: output is kept per call and shown under the editor when the call fails. */
declare var console: {
  log(...data: any[]): void
  info(...data: any[]): void
  warn(...data: any[]): void
  error(...data: any[]): void
}
/** A timer of this call; pending ones are cleared when the call returns. A string handler is refused. */
declare function setTimeout<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number
declare function clearTimeout(id: number | undefined): void
/** A timer of this call; it stops when the call returns. A string handler is refused. */
declare function setInterval<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number
declare function clearInterval(id: number | undefined): void
declare function queueMicrotask(callback: () => void): void
declare function structuredClone<T = any>(value: T): T
declare function atob(data: string): string
declare function btoa(data: string): string
/** The worker global (reading a forbidden name on it throws). */
declare var self: typeof globalThis

type BufferSource = ArrayBufferView | ArrayBuffer
type AlgorithmIdentifier = string | { name: string; [parameter: string]: unknown }
type KeyUsage = 'decrypt' | 'deriveBits' | 'deriveKey' | 'encrypt' | 'sign' | 'unwrapKey' | 'verify' | 'wrapKey'
interface JsonWebKey { kty?: string; alg?: string; kid?: string; k?: string; [member: string]: unknown }
interface CryptoKey {
  readonly algorithm: { name: string }
  readonly extractable: boolean
  readonly type: 'private' | 'public' | 'secret'
  readonly usages: KeyUsage[]
}
interface CryptoKeyPair { privateKey: CryptoKey; publicKey: CryptoKey }
interface SubtleCrypto {
  digest(algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer>
  importKey(format: 'jwk', keyData: JsonWebKey, algorithm: AlgorithmIdentifier, extractable: boolean, keyUsages: KeyUsage[]): Promise<CryptoKey>
  importKey(format: 'raw' | 'pkcs8' | 'spki', keyData: BufferSource, algorithm: AlgorithmIdentifier, extractable: boolean, keyUsages: KeyUsage[]): Promise<CryptoKey>
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>
  exportKey(format: 'raw' | 'pkcs8' | 'spki', key: CryptoKey): Promise<ArrayBuffer>
  sign(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>
  verify(algorithm: AlgorithmIdentifier, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>
  encrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>
  decrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>
  generateKey(algorithm: AlgorithmIdentifier, extractable: boolean, keyUsages: KeyUsage[]): Promise<CryptoKey | CryptoKeyPair>
  deriveBits(algorithm: AlgorithmIdentifier, baseKey: CryptoKey, length?: number | null): Promise<ArrayBuffer>
  deriveKey(algorithm: AlgorithmIdentifier, baseKey: CryptoKey, derivedKeyType: AlgorithmIdentifier, extractable: boolean, keyUsages: KeyUsage[]): Promise<CryptoKey>
}
interface Crypto {
  readonly subtle: SubtleCrypto
  getRandomValues<T extends ArrayBufferView | null>(array: T): T
  randomUUID(): \`\${string}-\${string}-\${string}-\${string}-\${string}\`
}
declare var crypto: Crypto
declare var performance: { now(): number; readonly timeOrigin: number }

declare class TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  readonly encoding: string
  decode(input?: BufferSource, options?: { stream?: boolean }): string
}
declare class URLSearchParams {
  constructor(init?: string[][] | Record<string, string> | string | URLSearchParams)
  readonly size: number
  append(name: string, value: string): void
  delete(name: string, value?: string): void
  get(name: string): string | null
  getAll(name: string): string[]
  has(name: string, value?: string): boolean
  set(name: string, value: string): void
  sort(): void
  toString(): string
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  [Symbol.iterator](): IterableIterator<[string, string]>
}
declare class URL {
  constructor(url: string | URL, base?: string | URL)
  static canParse(url: string | URL, base?: string | URL): boolean
  hash: string
  host: string
  hostname: string
  href: string
  readonly origin: string
  password: string
  pathname: string
  port: string
  protocol: string
  search: string
  readonly searchParams: URLSearchParams
  username: string
  toString(): string
  toJSON(): string
}
type HeadersInit = [string, string][] | Record<string, string> | Headers
declare class Headers {
  constructor(init?: HeadersInit)
  append(name: string, value: string): void
  delete(name: string): void
  get(name: string): string | null
  getSetCookie(): string[]
  has(name: string): boolean
  set(name: string, value: string): void
  forEach(callback: (value: string, key: string, parent: Headers) => void): void
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  [Symbol.iterator](): IterableIterator<[string, string]>
}
interface RequestInit {
  method?: string
  headers?: HeadersInit
  body?: string | ArrayBuffer | ArrayBufferView | URLSearchParams | null
}
/** A Web Request. Auth.js's authorize gets one: the sign-in POST, its JSON body readable once with \`await request.json()\`. */
declare class Request {
  constructor(input: string | URL | Request, init?: RequestInit)
  readonly method: string
  readonly url: string
  readonly headers: Headers
  readonly bodyUsed: boolean
  arrayBuffer(): Promise<ArrayBuffer>
  bytes(): Promise<Uint8Array>
  json(): Promise<any>
  text(): Promise<string>
  clone(): Request
}
declare class DOMException extends Error {
  constructor(message?: string, name?: string)
  readonly code: number
}
`

/**
 * The playground's own globals: the mock user table `authorize` reads, and the library's type names
 * as global aliases, so callbacks written without imports (plain function declarations) type-check.
 */
const globalsFor = (jwtModule: string, typesModule: string) => `
type JWT = import('${jwtModule}').JWT
type User = import('${typesModule}').User
type Session = import('${typesModule}').Session
type DefaultSession = import('${typesModule}').DefaultSession
type Account = import('${typesModule}').Account
type Profile = import('${typesModule}').Profile
/** A mock user of the playground (stands in for a row of your database). */
interface MockUser {
  id: string | number
  name?: string | null
  email: string
  password: string
  image?: string | null
  role?: string
  [field: string]: unknown
}
/** The playground's mock users (in a real app: your database). Readable in every callback. */
declare const users: MockUser[]
`

const V4_NEXT_AUTH = `
declare module 'next-auth' {
  import type { JWT } from 'next-auth/jwt'
  import type { AdapterUser } from 'next-auth/adapters'
  import type { CredentialsConfig } from 'next-auth/providers/credentials'
  export type Awaitable<T> = T | PromiseLike<T>
  export type ISODateString = string
  export type ProviderType = 'oauth' | 'email' | 'credentials'
  export interface DefaultUser {
    id: string
    name?: string | null
    email?: string | null
    image?: string | null
  }
  /** What \`authorize\` returns; the \`user\` argument of the jwt callback at sign-in. */
  export interface User extends DefaultUser {}
  /** The provider account used to sign in; for credentials: \`{ providerAccountId: user.id, type: 'credentials', provider: 'credentials' }\`. */
  export interface Account {
    providerAccountId: string
    userId?: string
    provider: string
    type: ProviderType
    access_token?: string
    token_type?: string
    id_token?: string
    refresh_token?: string
    scope?: string
    expires_at?: number
    session_state?: string
  }
  /** The OAuth profile returned from your provider (never set for credentials). */
  export interface Profile {
    sub?: string
    name?: string
    email?: string
    image?: string
  }
  export interface DefaultSession {
    user?: {
      name?: string | null
      email?: string | null
      image?: string | null
    }
    expires: ISODateString
  }
  /** What useSession / getSession return: whatever the session callback returned. */
  export interface Session extends DefaultSession {}
  export interface CallbacksOptions<P = Profile, A = Account> {
    signIn: (params: { user: User | AdapterUser; account: A | null; profile?: P; email?: { verificationRequest?: boolean }; credentials?: Record<string, unknown> }) => Awaitable<string | boolean>
    redirect: (params: { url: string; baseUrl: string }) => Awaitable<string>
    session: (params: {
      /** The default session NextAuth built: \`{ user: { name, email, image }, expires }\` (image comes from \`token.picture\`). */
      session: Session
      /** The decoded session token (JWT strategy): what your jwt callback returned. */
      token: JWT
      /** Only with the database strategy; undefined with JWT sessions. */
      user: AdapterUser
    } & {
      /** Only with the database strategy and update(); undefined with JWT sessions. */
      newSession: any
      /** Only with the database strategy; undefined with JWT sessions. */
      trigger: "update"
    }) => Awaitable<Session | DefaultSession>
    jwt: (params: {
      /** At sign-in the default token { name, email, picture, sub }; afterwards the decoded token with iat, exp, jti. */
      token: JWT
      /** What authorize returned; only at sign-in (trigger "signIn"), undefined afterwards. */
      user: User | AdapterUser
      /** The sign-in account { providerAccountId, type, provider }; only at sign-in. */
      account: A | null
      /** The OAuth profile; never set for credentials. */
      profile?: P
      /** Why jwt runs: "signIn" at sign-in, "update" from update(), undefined on getSession / useSession. */
      trigger?: "signIn" | "signUp" | "update"
      /** @deprecated use \`trigger === "signUp"\` instead. false for credentials sign-in. */
      isNewUser?: boolean
      /** The data the client passed to update(data); only when trigger is "update". */
      session?: any
    }) => Awaitable<JWT>
  }
  export interface SessionOptions {
    strategy: 'jwt' | 'database'
    maxAge: number
    updateAge: number
  }
  /** The options object of NextAuth(authOptions). */
  export interface NextAuthOptions {
    providers: CredentialsConfig[]
    secret?: string
    session?: Partial<SessionOptions>
    jwt?: { secret?: string; maxAge?: number }
    callbacks?: Partial<CallbacksOptions>
    useSecureCookies?: boolean
    debug?: boolean
  }
  export type AuthOptions = NextAuthOptions
  export default function NextAuth(options: NextAuthOptions): unknown
}

declare module 'next-auth/adapters' {
  import type { User } from 'next-auth'
  export interface AdapterUser extends User {
    id: string
    email: string
    emailVerified: Date | null
  }
}

declare module 'next-auth/jwt' {
  export interface DefaultJWT extends Record<string, unknown> {
    name?: string | null
    email?: string | null
    picture?: string | null
    sub?: string
  }
  /** The session token's payload: returned by the jwt callback and getToken(). */
  export interface JWT extends Record<string, unknown>, DefaultJWT {}
}

declare module 'next-auth/providers/credentials' {
  import type { Awaitable, User } from 'next-auth'
  export interface CredentialInput {
    label?: string
    type?: string
    value?: string
    placeholder?: string
  }
  /** The request NextAuth hands to authorize: the parsed form body, query, headers and method. */
  export interface RequestInternal {
    method?: string
    headers?: Record<string, any>
    query?: Record<string, any>
    body?: Record<string, any>
  }
  export interface CredentialsConfig<C extends Record<string, CredentialInput> = Record<string, CredentialInput>> {
    id: string
    name: string
    type: "credentials"
    credentials: C
    /**
     * Checks the submitted credentials. Return the user (it becomes \`user\` in the jwt callback) or null (→ CredentialsSignin).
     * @param credentials The whole posted form as strings: your fields plus csrfToken, callbackUrl and json.
     * @param req { body, query, headers, method } of the sign-in request.
     */
    authorize: (credentials: Record<keyof C, string> | undefined, req: Pick<RequestInternal, "body" | "query" | "headers" | "method">) => Awaitable<User | null>
  }
  type UserCredentialsConfig<C extends Record<string, CredentialInput>> = Partial<Omit<CredentialsConfig<C>, "options">> & Pick<CredentialsConfig<C>, "authorize" | "credentials">
  export default function Credentials<C extends Record<string, CredentialInput> = Record<string, CredentialInput>>(options: UserCredentialsConfig<C>): CredentialsConfig<C>
}
`

const AUTHJS_CORE = `
declare module '@auth/core/types' {
  export type Awaitable<T> = T | PromiseLike<T>
  export type ProviderType = 'oidc' | 'oauth' | 'email' | 'credentials' | 'webauthn'
  export interface DefaultUser {
    id?: string
    name?: string | null
    email?: string | null
    image?: string | null
  }
  /** What \`authorize\` returns; the \`user\` argument of the jwt callback at sign-in. */
  export interface User extends DefaultUser {}
  /** The provider account used to sign in; for credentials: \`{ providerAccountId: String(user.id), type: 'credentials', provider: 'credentials' }\`. */
  export interface Account {
    provider: string
    providerAccountId: string
    type: ProviderType
    userId?: string
    expires_at?: number
    access_token?: string
    token_type?: string
    id_token?: string
    refresh_token?: string
    scope?: string
  }
  /** The user info returned from your OAuth provider (never set for credentials). */
  export interface Profile {
    id?: string | null
    sub?: string | null
    name?: string | null
    email?: string | null
    image?: string | null
    [claim: string]: unknown
  }
  export interface DefaultSession {
    user?: User
    expires: string
  }
  /** The active session: whatever the session callback returned. */
  export interface Session extends DefaultSession {}
}

declare module '@auth/core/adapters' {
  import type { User } from '@auth/core/types'
  export interface AdapterUser extends User {
    id: string
    email: string
    emailVerified: Date | null
  }
  export interface AdapterSession {
    sessionToken: string
    userId: string
    expires: Date
  }
}

declare module '@auth/core/jwt' {
  export interface DefaultJWT extends Record<string, unknown> {
    name?: string | null
    email?: string | null
    picture?: string | null
    sub?: string
    iat?: number
    exp?: number
    jti?: string
  }
  /** The session token's payload: returned by the jwt callback and getToken(). */
  export interface JWT extends Record<string, unknown>, DefaultJWT {}
}

declare module '@auth/core' {
  import type { JWT } from '@auth/core/jwt'
  import type { Account, Awaitable, DefaultSession, Profile, Session, User } from '@auth/core/types'
  import type { AdapterSession, AdapterUser } from '@auth/core/adapters'
  import type { CredentialsConfig } from '@auth/core/providers/credentials'
  /** The options object of Auth(request, config). */
  export interface AuthConfig {
    providers: CredentialsConfig[]
    secret?: string | string[]
    session?: { strategy?: 'jwt' | 'database'; maxAge?: number; updateAge?: number }
    jwt?: { maxAge?: number }
    basePath?: string
    trustHost?: boolean
    useSecureCookies?: boolean
    debug?: boolean
    callbacks?: {
      signIn?: (params: { user: User | AdapterUser; account?: Account | null; profile?: Profile; email?: { verificationRequest?: boolean }; credentials?: Record<string, unknown> }) => Awaitable<boolean | string>
      redirect?: (params: { url: string; baseUrl: string }) => Awaitable<string>
      session?: (params: ({
        /** Only with the database strategy. */
        session: { user: AdapterUser } & AdapterSession
        /** Only with the database strategy; undefined with JWT sessions. */
        user: AdapterUser
      } & {
        /** The default session Auth.js built: \`{ user: { name, email, image }, expires }\` (image comes from \`token.picture\`). */
        session: Session
        /** The decoded session token (JWT strategy): what your jwt callback returned. */
        token: JWT
      }) & {
        /** Only with the database strategy and update(); undefined with JWT sessions. */
        newSession: any
        /** Only with the database strategy; undefined with JWT sessions. */
        trigger?: "update"
      }) => Awaitable<Session | DefaultSession>
      jwt?: (params: {
        /** At sign-in the default token { name, email, picture, sub }; afterwards the decoded token with iat, exp, jti. */
        token: JWT
        /** What authorize returned; only at sign-in (trigger "signIn"), undefined afterwards. */
        user: User | AdapterUser
        /** The sign-in account { providerAccountId, type, provider }; only at sign-in. */
        account?: Account | null
        /** The OAuth profile; never set for credentials. */
        profile?: Profile
        /** Why jwt runs: "signIn" at sign-in, "update" from update(), undefined on auth() / useSession. */
        trigger?: "signIn" | "signUp" | "update"
        /** @deprecated use \`trigger === "signUp"\` instead. */
        isNewUser?: boolean
        /** The data the client passed to update(data); only when trigger is "update". */
        session?: any
      }) => Awaitable<JWT | null>
    }
  }
}

declare module '@auth/core/errors' {
  type ErrorType = "AccessDenied" | "AdapterError" | "CallbackRouteError" | "ErrorPageLoop" | "EventError" | "InvalidCallbackUrl" | "CredentialsSignin" | "InvalidEndpoints" | "InvalidCheck" | "JWTSessionError" | "MissingAdapter" | "MissingAdapterMethods" | "MissingAuthorize" | "MissingSecret" | "OAuthAccountNotLinked" | "OAuthCallbackError" | "OAuthProfileParseError" | "SessionTokenError" | "OAuthSignInError" | "EmailSignInError" | "SignOutError" | "UnknownAction" | "UnsupportedStrategy" | "InvalidProvider" | "UntrustedHost" | "Verification" | "MissingCSRF" | "AccountNotLinked" | "DuplicateConditionalUI" | "MissingWebAuthnAutocomplete" | "WebAuthnVerificationError" | "ExperimentalFeatureNotEnabled";
  /** Base class of Auth.js's errors. */
  export class AuthError extends Error {
    type: ErrorType;
    cause?: Record<string, unknown> & {
        err?: Error;
    };
  }
  /** A failed sign-in attempt. */
  export class SignInError extends AuthError {
  }
  /**
   * Throw it (or a subclass) from authorize to refuse the sign-in: the client gets \`?error=CredentialsSignin&code=<code>\`.
   * @example class InvalidLoginError extends CredentialsSignin { code = 'invalid_credentials' }
   */
  export class CredentialsSignin extends SignInError {
    static type: string;
    /** Goes into the \`code\` query parameter of the redirect URL ('credentials' unless a subclass sets it); do not hint at sensitive errors. */
    code: string;
  }
}

declare module '@auth/core/providers/credentials' {
  import type { Awaitable, User } from '@auth/core/types'
  export interface CredentialInput {
    label?: string
    type?: string
    placeholder?: string
    [attribute: string]: unknown
  }
  export interface CredentialsConfig<CredentialsInputs extends Record<string, CredentialInput> = Record<string, CredentialInput>> {
    id: string
    name: string
    type: "credentials"
    credentials: CredentialsInputs
    /**
     * Checks the submitted credentials. Return the user (it becomes \`user\` in the jwt callback) or null (→ CredentialsSignin).
     * @param credentials The parsed form body; validate it, the values are unknown.
     * @param request The sign-in request, rebuilt as a Web Request.
     */
    authorize: (credentials: Partial<Record<keyof CredentialsInputs, unknown>>, request: Request) => Awaitable<User | null>
  }
  export default function Credentials<CredentialsInputs extends Record<string, CredentialInput> = Record<string, CredentialInput>>(config: Partial<CredentialsConfig<CredentialsInputs>>): CredentialsConfig<CredentialsInputs>
}
`

/**
 * next-auth v5 (5.0.0-beta, "Auth.js for Next.js"): the types a v5 app imports from `next-auth`,
 * `next-auth/jwt`, `next-auth/providers/credentials` and `next-auth/adapters`. As in the real package,
 * they are @auth/core's own (re-exported), so `declare module 'next-auth' { interface User … }` and
 * `declare module 'next-auth/jwt' { interface JWT … }` augment the types the callbacks get.
 */
const NEXT_AUTH_V5 = `
declare module 'next-auth' {
  import type { AuthConfig } from '@auth/core'
  import type { Awaitable, Session } from '@auth/core/types'
  export type { Account, DefaultSession, Profile, Session, User } from '@auth/core/types'
  /** The options object of NextAuth(config): Auth.js's AuthConfig, plus the \`authorized\` callback of the middleware. */
  export interface NextAuthConfig extends Omit<AuthConfig, "raw"> {
    callbacks?: AuthConfig["callbacks"] & {
      /** Middleware only: whether the request may go on, from \`auth\` (the session, or null). */
      authorized?: (params: {
        request: Request
        auth: Session | null
      }) => Awaitable<boolean | Response | undefined>
    }
  }
  export default function NextAuth(config: NextAuthConfig | ((request: Request | undefined) => Awaitable<NextAuthConfig>)): unknown
  export { AuthError, CredentialsSignin } from "@auth/core/errors";
}

declare module 'next-auth/jwt' {
  export * from '@auth/core/jwt'
}

declare module 'next-auth/providers/credentials' {
  export * from '@auth/core/providers/credentials'
  export { default } from '@auth/core/providers/credentials'
}

declare module 'next-auth/adapters' {
  export type * from '@auth/core/adapters'
}
`

/** The extra libraries for each flavour (the playground global is shared). */
export const TYPE_DECLARATIONS: Record<FlowFlavor, ExtraLib[]> = {
  'next-auth-v4': [
    { path: 'file:///node_modules/@types/playground/worker.d.ts', content: WORKER_GLOBALS },
    { path: 'file:///node_modules/@types/playground/globals.d.ts', content: globalsFor('next-auth/jwt', 'next-auth') },
    { path: 'file:///node_modules/@types/playground/next-auth.d.ts', content: V4_NEXT_AUTH },
  ],
  authjs: [
    { path: 'file:///node_modules/@types/playground/worker.d.ts', content: WORKER_GLOBALS },
    { path: 'file:///node_modules/@types/playground/globals.d.ts', content: globalsFor('@auth/core/jwt', '@auth/core/types') },
    { path: 'file:///node_modules/@types/playground/auth-core.d.ts', content: AUTHJS_CORE },
    { path: 'file:///node_modules/@types/playground/next-auth-v5.d.ts', content: NEXT_AUTH_V5 },
  ],
}
