// The English source of every user-facing string. Each area lives in its own file under en/;
// the key type comes from this object, so a missing key fails to compile.
import { app } from './en/app'

export const en = {
  app,
}

export type Messages = typeof en
