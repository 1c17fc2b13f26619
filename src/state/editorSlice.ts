import type { StateCreator } from 'zustand'
import type { AppState } from './createAppStore'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditorSlice {}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = () => ({})
