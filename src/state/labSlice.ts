// The Token lab's state: what was typed into "Open" and "Make", and the engine's answers. The
// secret stays in memory only, unless the learner opts in to keeping it in localStorage.
import type { StateCreator } from 'zustand'
import type { CookiePicks, FlowFlavor, MakeSessionCookieResult, OpenTokenResult } from '../engine/index'
import type { AppState } from './createAppStore'
import { loadLabEngine } from './loadLabEngine'
import { storage } from './storage'

export type LabTab = 'open' | 'make'
export type LabTimeMode = 'now' | 'date'

/** Where an opted-in secret is kept. */
export const LAB_SECRET_STORAGE_KEY = 'nextauth-jwt-playground.lab.secret'

export const LAB_DEFAULT_PAYLOAD = JSON.stringify({ name: 'Ada Lovelace', email: 'ada@example.com', picture: null, sub: '1' }, null, 2)

export interface LabOpenState {
  input: string
  secretsText: string
  rememberSecret: boolean
  /** null = detect from the token. */
  flavor: FlowFlavor | null
  /** '' = detect. */
  salt: string
  /** Which session cookie to read when several were pasted; null = the first found. */
  cookieName: string | null
  /** For a name pasted twice with different values: the position of the value to read instead. */
  cookiePicks: CookiePicks
  /** Library and salt came from "Use these settings" for this paste; a new paste goes back to detecting. */
  overridesSuggested: boolean
  timeMode: LabTimeMode
  /** The picked date, Unix seconds (used when `timeMode` is 'date'). */
  dateSec: number | null
  busy: boolean
  result: OpenTokenResult | null
  /** The "now" the result was checked against. */
  checkedAtSec: number | null
  /** The token and secret text the result is for, to tell when it no longer matches the form. */
  resultFor: { input: string; secretsText: string } | null
}

export interface LabMakeState {
  payloadJson: string
  secret: string
  flavor: FlowFlavor
  maxAgeText: string
  cookieName: string
  busy: boolean
  result: MakeSessionCookieResult | null
}

export interface LabSlice {
  labTab: LabTab
  labOpen: LabOpenState
  labMake: LabMakeState
  setLabTab: (tab: LabTab) => void
  /** A new token text forgets the choices made for the old one (cookie, duplicate value, suggested settings). */
  setLabOpen: (patch: Partial<Omit<LabOpenState, 'busy' | 'result' | 'checkedAtSec' | 'rememberSecret' | 'resultFor' | 'overridesSuggested'>>) => void
  /** "Use these settings": the library and salt that open the token, then decode. */
  applyLabSettings: (settings: { flavor: FlowFlavor; salt: string }) => Promise<void>
  /** Back to detecting library and salt. */
  resetLabOverrides: () => void
  /** Reads another of the values pasted under `name`, then decodes. */
  pickLabCookieValue: (name: string, position: number) => Promise<void>
  /** Opting in writes the secret to localStorage (and keeps it in sync); opting out deletes it. */
  setLabRememberSecret: (remember: boolean) => void
  /** Decodes the pasted token; a late answer from an older run is dropped. */
  decodeLabToken: () => Promise<void>
  setLabMake: (patch: Partial<Omit<LabMakeState, 'busy' | 'result'>>) => void
  makeLabToken: () => Promise<void>
  /** Copies the made token and its secret into "Open", switches to it and decodes. */
  openMadeToken: () => Promise<void>
}

/** The real clock, in whole seconds: the lab is about real cookies. */
export function realNowSec(): number {
  return Math.floor(Date.now() / 1000)
}


function storedSecret(): string | null {
  return storage()?.getItem(LAB_SECRET_STORAGE_KEY) ?? null
}

let openRun = 0
let makeRun = 0

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => {
  const remembered = storedSecret()
  const patchOpen = (patch: Partial<LabOpenState>) => set({ labOpen: { ...get().labOpen, ...patch } })
  const patchMake = (patch: Partial<LabMakeState>) => set({ labMake: { ...get().labMake, ...patch } })
  return {
    labTab: 'open',
    labOpen: {
      input: '',
      secretsText: remembered ?? '',
      rememberSecret: remembered !== null,
      flavor: null,
      salt: '',
      cookieName: null,
      cookiePicks: {},
      overridesSuggested: false,
      timeMode: 'now',
      dateSec: null,
      busy: false,
      result: null,
      checkedAtSec: null,
      resultFor: null,
    },
    labMake: {
      payloadJson: LAB_DEFAULT_PAYLOAD,
      secret: '',
      flavor: 'next-auth-v4',
      maxAgeText: '2592000',
      cookieName: 'next-auth.session-token',
      busy: false,
      result: null,
    },
    setLabTab: (labTab) => set({ labTab }),
    setLabOpen: (patch) => {
      const before = get().labOpen
      const next: Partial<LabOpenState> = { ...patch }
      if (patch.flavor !== undefined || patch.salt !== undefined) next.overridesSuggested = false
      if (patch.input !== undefined && patch.input !== before.input) {
        // Choices made for the previous paste do not carry over to a new one.
        next.cookieName = patch.cookieName ?? null
        next.cookiePicks = patch.cookiePicks ?? {}
        if (before.overridesSuggested && patch.flavor === undefined && patch.salt === undefined) Object.assign(next, { flavor: null, salt: '', overridesSuggested: false })
      }
      patchOpen(next)
      if (patch.secretsText !== undefined && get().labOpen.rememberSecret) storage()?.setItem(LAB_SECRET_STORAGE_KEY, patch.secretsText)
    },
    applyLabSettings: async ({ flavor, salt }) => {
      patchOpen({ flavor, salt, overridesSuggested: true })
      await get().decodeLabToken()
    },
    resetLabOverrides: () => patchOpen({ flavor: null, salt: '', overridesSuggested: false }),
    pickLabCookieValue: async (name, position) => {
      patchOpen({ cookiePicks: { ...get().labOpen.cookiePicks, [name]: position } })
      await get().decodeLabToken()
    },
    setLabRememberSecret: (remember) => {
      patchOpen({ rememberSecret: remember })
      if (remember) storage()?.setItem(LAB_SECRET_STORAGE_KEY, get().labOpen.secretsText)
      else storage()?.removeItem(LAB_SECRET_STORAGE_KEY)
    },
    decodeLabToken: async () => {
      const run = ++openRun
      const state = get().labOpen
      const nowSec = state.timeMode === 'date' && state.dateSec !== null ? state.dateSec : realNowSec()
      patchOpen({ busy: true })
      const salt = state.salt === '' ? null : state.salt
      try {
        const { openToken, splitSecrets } = await loadLabEngine()
        const result = await openToken({ input: state.input, secrets: splitSecrets(state.secretsText), nowSec, flavor: state.flavor, salt, cookieName: state.cookieName, cookiePicks: state.cookiePicks })
        if (run === openRun) patchOpen({ busy: false, result, checkedAtSec: nowSec, resultFor: { input: state.input, secretsText: state.secretsText } })
      } catch (error) {
        if (run === openRun) patchOpen({ busy: false })
        throw error
      }
    },
    setLabMake: (patch) => patchMake(patch),
    makeLabToken: async () => {
      const run = ++makeRun
      const state = get().labMake
      patchMake({ busy: true })
      try {
        const { makeSessionCookie, parseMaxAgeText, splitSecrets } = await loadLabEngine()
        const maxAgeSec = parseMaxAgeText(state.maxAgeText)
        const result = await makeSessionCookie({
          payloadJson: state.payloadJson,
          secret: state.flavor === 'authjs' ? splitSecrets(state.secret) : state.secret,
          flavor: state.flavor,
          maxAgeSec,
          cookieName: state.cookieName,
          nowSec: realNowSec(),
        })
        if (run === makeRun) patchMake({ busy: false, result })
      } catch (error) {
        if (run === makeRun) patchMake({ busy: false })
        throw error
      }
    },
    openMadeToken: async () => {
      const { result, secret } = get().labMake
      if (!result?.ok) return
      const input = result.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
      set({ labTab: 'open', labOpen: { ...get().labOpen, input, secretsText: secret, flavor: null, salt: '', cookieName: null, cookiePicks: {}, overridesSuggested: false, result: null, resultFor: null } })
      if (get().labOpen.rememberSecret) storage()?.setItem(LAB_SECRET_STORAGE_KEY, secret)
      await get().decodeLabToken()
    },
  }
}
