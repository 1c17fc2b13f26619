// Simplified Chinese. Partial: any key missing here falls back to English. One file per area under zh/.
import type { DeepPartial } from './t'
import type { Messages } from './en'
import { app } from './zh/app'
import { controls } from './zh/controls'
import { config } from './zh/config'
import { cookieJar } from './zh/cookieJar'
import { session } from './zh/session'

export const zh: DeepPartial<Messages> = {
  app,
  controls,
  config,
  cookieJar,
  session,
}
import { lab as zhLab } from './zh/lab'
zh.lab = zhLab
import { pipeline as zhPipeline } from './zh/pipeline'
zh.pipeline = zhPipeline
import { inspector as zhInspector } from './zh/inspector'
zh.inspector = zhInspector
import { editor as zhEditor } from './zh/editor'
zh.editor = zhEditor
