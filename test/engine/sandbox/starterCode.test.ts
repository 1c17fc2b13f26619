// The editors' starting code: the jwt callback's JWT augmentation declares `role`, so uncommenting
// its `token.role = user.role` line type-checks, in both flavours.
import { describe, expect, it } from 'vitest'
import { STARTER_CODE } from '../../../src/engine/sandbox/starterCode'

describe('STARTER_CODE', () => {
  it.each(['next-auth-v4', 'authjs'] as const)('%s: the JWT augmentation declares the role the commented line copies', (flavor) => {
    const jwt = STARTER_CODE[flavor].jwt
    const augmentation = /interface JWT \{([^}]*)\}/.exec(jwt)?.[1] ?? ''
    expect(augmentation).toContain('role?: string')
    expect(augmentation).toContain('id?: string')
    expect(jwt).toContain('// token.role = user.role')
    expect(STARTER_CODE[flavor].authorize).toMatch(/interface User \{\s*role\?: string/)
  })
})
