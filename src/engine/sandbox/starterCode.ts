// The callback editors' starting code: the seed's authorize / jwt / session callbacks, written as a
// real app writes them (next-auth/providers/credentials, `callbacks` of NextAuthOptions / AuthConfig),
// per flavour. How a source maps to a function: docs/sandbox.md.
import type { FlowFlavor } from '../flow/types'
import type { SandboxCallbackName } from './protocol'

export type EditorCode = Record<SandboxCallbackName, string>

const V4: EditorCode = {
  authorize: `import CredentialsProvider from 'next-auth/providers/credentials'

// Module augmentation, as in a real app's types/next-auth.d.ts: users carry a role.
declare module 'next-auth' {
  interface User {
    role?: string
  }
}

export const provider = CredentialsProvider({
  name: 'Credentials',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  // NextAuth calls authorize with the posted form when someone signs in.
  // \`users\` is the playground's mock user table (in a real app: your database).
  async authorize(credentials, req) {
    const user = users.find((u) => u.email === credentials?.email && u.password === credentials?.password)
    if (!user) return null // → CredentialsSignin
    // What you return becomes \`user\` in the jwt callback.
    return { id: user.id as string, name: user.name, email: user.email, image: user.image, role: user.role } // the id as stored: Grace's is the number 3
  },
})
`,
  jwt: `import type { NextAuthOptions } from 'next-auth'

// Module augmentation: the token carries the user's id, and a role once you copy it below.
declare module 'next-auth/jwt' {
  interface JWT {
    id?: string
    role?: string
  }
}

export const callbacks: NextAuthOptions['callbacks'] = {
  // Runs when the session token is created (sign-in: \`user\` is set)
  // and every time it is read (getSession, useSession, update()).
  async jwt({ token, user }) {
    if (user) {
      token.id = user.id // user is what authorize returned
      // token.role = user.role
    }
    return token
  },
}
`,
  session: `import type { NextAuthOptions } from 'next-auth'

export const callbacks: NextAuthOptions['callbacks'] = {
  // Runs whenever the client asks for the session; what it returns is the session JSON.
  // By default only name, email and image reach the client.
  async session({ session, token }) {
    if (session.user) {
      // Copy from the token what the client needs.
      (session.user as any).id = token.id
    }
    return session
  },
}
`,
}

const AUTHJS: EditorCode = {
  authorize: V4.authorize
    .replace("import CredentialsProvider from 'next-auth/providers/credentials'", "import CredentialsProvider from '@auth/core/providers/credentials'")
    .replace("declare module 'next-auth' {", "declare module '@auth/core/types' {")
    .replace('NextAuth calls authorize', 'Auth.js calls authorize')
    .replace('async authorize(credentials, req)', 'async authorize(credentials, request)'),
  jwt: V4.jwt
    .replace("import type { NextAuthOptions } from 'next-auth'", "import type { AuthConfig } from '@auth/core'")
    .replace("declare module 'next-auth/jwt' {", "declare module '@auth/core/jwt' {")
    .replace("NextAuthOptions['callbacks']", "AuthConfig['callbacks']")
    .replace('(getSession, useSession, update())', '(auth(), useSession, update())'),
  session: V4.session.replace("import type { NextAuthOptions } from 'next-auth'", "import type { AuthConfig } from '@auth/core'").replace("NextAuthOptions['callbacks']", "AuthConfig['callbacks']"),
}

/** The starting code of each editor, per flavour. */
export const STARTER_CODE: Record<FlowFlavor, EditorCode> = { 'next-auth-v4': V4, authjs: AUTHJS }

/** The flavour the editors start with when nothing is saved. */
export const DEFAULT_FLAVOR: FlowFlavor = 'next-auth-v4'
