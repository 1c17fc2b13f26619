// Simplified Chinese. Partial: any key missing here falls back to English. One file per area under zh/.
// Loaded on demand by loadLocale('zh') in t.ts, so none of it is in the initial bundle.
import type { DeepPartial } from './t'
import type { Messages } from './en'
import { app } from './zh/app'
import { config } from './zh/config'
import { controls } from './zh/controls'
import { cookieJar } from './zh/cookieJar'
import { editor } from './zh/editor'
import { errors } from './zh/errors'
import { inspector } from './zh/inspector'
import { lab } from './zh/lab'
import { pipeline } from './zh/pipeline'
import { session } from './zh/session'

export const zh: DeepPartial<Messages> = {
  app,
  controls,
  config,
  cookieJar,
  session,
  lab,
  pipeline,
  inspector,
  editor,
  errors,
}
