// The first paint, before any JavaScript runs: index.html ships the header of the app shell (name and
// tagline) and a loading line, written into #root at build time. React's first render replaces it.
// The classes are App's own, so nothing moves when it does. The theme class is not set yet, so the
// shell follows the system's colour scheme the way the "System" theme does. Class names are written out in
// full so that Tailwind finds them when it scans this file.
import type { Messages } from '../../i18n/en'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The shell's HTML for one catalogue (the build uses English, the language the app starts in). */
export function staticShellHtml(messages: Pick<Messages, 'app'>): string {
  const { name, tagline, loading } = messages.app
  return [
    `<div data-static-shell class="min-h-screen bg-slate-50 text-slate-900 [@media(prefers-color-scheme:dark)]:bg-slate-950 [@media(prefers-color-scheme:dark)]:text-slate-100">`,
    `<header class="border-b border-slate-200 bg-white px-4 py-3 [@media(prefers-color-scheme:dark)]:border-slate-800 [@media(prefers-color-scheme:dark)]:bg-slate-900">`,
    '<div class="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2"><div class="min-w-0 flex-1">',
    `<h1 class="text-lg font-bold">${escapeHtml(name)}</h1>`,
    `<p class="text-sm text-slate-600 [@media(prefers-color-scheme:dark)]:text-slate-300">${escapeHtml(tagline)}</p>`,
    '</div></div></header>',
    `<main class="mx-auto max-w-[1600px] p-4"><p role="status" class="text-sm text-slate-600 [@media(prefers-color-scheme:dark)]:text-slate-300">${escapeHtml(loading)}</p></main>`,
    '</div>',
  ].join('')
}
