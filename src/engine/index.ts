// The engine's public surface. Everything outside src/engine imports the engine through this file only.

export { EngineError, ENGINE_ERROR_CODES, isEngineError } from './errors'
export type { EngineErrorCode, EngineErrorDetails, SerializedEngineError } from './errors'
export { createSimClock } from './clock/createSimClock'
export type { SimClock } from './clock/createSimClock'
export type * from './trace'
export type * from './flow/types'
export { cryptoRandom, createSeededRandom } from './random'
export type { RandomSource } from './random'
