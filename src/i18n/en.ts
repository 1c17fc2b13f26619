// The English source of every user-facing string. Each area lives in its own file under en/;
// the key type comes from this object, so a missing key fails to compile.
import { app } from './en/app'
import { controls } from './en/controls'
import { pipeline } from './en/pipeline'
import { cookieJar } from './en/cookieJar'
import { inspector } from './en/inspector'
import { session } from './en/session'
import { config } from './en/config'
import { editor } from './en/editor'
import { errors } from './en/errors'
import { lab } from './en/lab'

export const en = {
  app,
  controls,
  pipeline,
  cookieJar,
  inspector,
  session,
  config,
  editor,
  errors,
  lab,
}

export type Messages = typeof en
