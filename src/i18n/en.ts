// The English source of every user-facing string. Each area lives in its own file under en/;
// the key type comes from this object, so a missing key fails to compile. At run time t.ts holds the
// first load's part (enInitial) and the Token lab adds its own (`lab`) when its chunk arrives.
import { enInitial } from './enInitial'
import { lab } from './en/lab'

export const en = { ...enInitial, lab }

export type Messages = typeof en
