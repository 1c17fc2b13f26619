// One zustand store built from slices. The app uses one instance through useAppStore;
// each test makes its own with createAppStore().
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createUiSlice, type UiSlice } from './uiSlice'
import { createConfigSlice, loadSavedConfig, type ConfigSlice } from './configSlice'
import { createRunSlice, type RunSlice } from './runSlice'
import { createEditorSlice, type EditorSlice } from './editorSlice'
import { createLabSlice, type LabSlice } from './labSlice'

export type AppState = UiSlice & ConfigSlice & RunSlice & EditorSlice & LabSlice

export type AppStore = StoreApi<AppState>

export function createAppStore(): AppStore {
  // Read once: the store's copy and the engine's playground start from the same saved configuration.
  const saved = loadSavedConfig()
  const store = createStore<AppState>()((...a) => ({
    ...createUiSlice(...a),
    ...createConfigSlice(saved)(...a),
    ...createRunSlice(saved)(...a),
    ...createEditorSlice(...a),
    ...createLabSlice(...a),
  }))
  // A saved configuration may pick the other library: editors still on a starting code get that library's.
  const { config, adoptFlavorStarters } = store.getState()
  adoptFlavorStarters(config.flavor)
  return store
}
