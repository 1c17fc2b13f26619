// One zustand store built from slices. The app uses one instance through useAppStore;
// each test makes its own with createAppStore().
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createUiSlice, type UiSlice } from './uiSlice'

export type AppState = UiSlice

export type AppStore = StoreApi<AppState>

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(...a),
  }))
}
