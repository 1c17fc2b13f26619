// A next-auth v5 app's session callback as its docs write it: augments Session with `role` and copies
// it from the token. Shared by the editors' type-check test and their browser test.
export const V5_SESSION_WITH_ROLE = `import type { DefaultSession, NextAuthConfig } from 'next-auth'

declare module 'next-auth' {
  interface Session {
    user: { role?: string } & DefaultSession['user']
  }
}

export const callbacks: NextAuthConfig['callbacks'] = {
  async session({ session, token }) {
    session.user.role = token.role
    return session
  },
}`
