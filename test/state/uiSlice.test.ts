// Which view a link opens: the store's first view and the shell's hash sync read the hash the same way.
import { describe, expect, it } from 'vitest'
import { viewFromHash } from '../../src/state/uiSlice'

describe(viewFromHash, () => {
  it('opens the Token lab for #/lab and anything below it, the playground otherwise', () => {
    expect(['#/lab', '#/lab/open', ''].map(viewFromHash)).toEqual(['lab', 'lab', 'playground'])
    expect(viewFromHash('#v1/eyJsZXNzb24iOiJiYXNpY3MifQ')).toBe('playground')
  })
})
