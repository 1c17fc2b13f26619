// TypeScript → JavaScript for one callback source, with sucrase (`typescript` + `imports`). The worker
// loads this module only when it has a source the host has not seen compiled, so a worker restarted
// after a timeout boots without sucrase. The source map is made only when an error needs mapping.
import { transform } from 'sucrase'
import { EngineError } from '../errors'
import type { SandboxCallbackName } from './protocol'
import { decodeMappings, type DecodedMappings } from './sourceMap'

export type Transpile = (callback: SandboxCallbackName, source: string) => string
export type TranspileWithMap = (callback: SandboxCallbackName, source: string) => { code: string; mappings: DecodedMappings }

function run(callback: SandboxCallbackName, source: string, withMap: boolean): ReturnType<typeof transform> {
  try {
    return transform(source, {
      transforms: ['typescript', 'imports'],
      // V8 runs optional chaining, `??`, numeric separators and `catch {}` as they are.
      disableESTransforms: true,
      filePath: `${callback}.ts`,
      ...(withMap ? { sourceMapOptions: { compiledFilename: `${callback}.js` } } : {}),
    })
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    const message = error instanceof Error ? error.message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '') : String(error)
    throw new EngineError('SANDBOX_SYNTAX_ERROR', `${callback}: ${message}`, {
      cause: error,
      details: { callback, line: loc?.line, column: loc?.column, reason: message },
    })
  }
}

/** The JavaScript of `source`; throws SANDBOX_SYNTAX_ERROR with the line and column. */
export const transpile: Transpile = (callback, source) => run(callback, source, false).code

/** The same JavaScript with its source map decoded (sucrase keeps lines; columns move). */
export const transpileWithMap: TranspileWithMap = (callback, source) => {
  const result = run(callback, source, true)
  return { code: result.code, mappings: decodeMappings(result.sourceMap?.mappings ?? '') }
}
