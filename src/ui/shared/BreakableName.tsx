import { Fragment } from 'react'

/** A dotted or dashed name (a cookie, `session.expires`) that may wrap only after its `.` and `-`, never inside a word. */
export function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=[.-])/)
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  )
}
