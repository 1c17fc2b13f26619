// The English strings the first load carries: every area but the Token lab's, whose texts travel with
// the lab's own chunk (src/ui/lab/labMessages.ts registers them). en.ts joins both into the full source.
import { app } from './en/app'
import { config } from './en/config'
import { controls } from './en/controls'
import { cookieJar } from './en/cookieJar'
import { editor } from './en/editor'
import { errors } from './en/errors'
import { inspector } from './en/inspector'
import { pipeline } from './en/pipeline'
import { session } from './en/session'

export const enInitial = {
  app,
  controls,
  pipeline,
  cookieJar,
  inspector,
  session,
  config,
  editor,
  errors,
}
