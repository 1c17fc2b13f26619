import type { StateCreator } from 'zustand'
import type { AppState } from './createAppStore'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConfigSlice {}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = () => ({})
