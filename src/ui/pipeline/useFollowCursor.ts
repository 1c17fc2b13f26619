import { useEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the current row in view inside the pipeline's scroll box. Rows have a fixed height, so the
 * target is worked out from the index and from sizes cached by observers: no layout is read while a
 * step renders (reading it would force a layout of the whole page on every step).
 */
export function useFollowCursor(container: RefObject<HTMLElement | null>, cursor: number, rowHeightPx: number, topOffsetPx: number, reducedMotion: boolean): void {
  const view = useRef({ heightPx: 0, scrollTopPx: 0 })
  useEffect(() => {
    const box = container.current
    if (!box) return
    const onScroll = () => {
      view.current.scrollTopPx = box.scrollTop
    }
    // `scrollend` fires once a scroll has settled, so the position is read once, not every frame.
    const event = 'onscrollend' in box ? 'scrollend' : 'scroll'
    box.addEventListener(event, onScroll, { passive: true })
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(([entry]) => (view.current.heightPx = entry?.contentRect.height ?? 0))
    resize?.observe(box)
    return () => {
      box.removeEventListener(event, onScroll)
      resize?.disconnect()
    }
  }, [container])

  useEffect(() => {
    const box = container.current
    const { heightPx, scrollTopPx } = view.current
    if (!box || cursor < 0 || heightPx === 0 || typeof box.scrollTo !== 'function') return
    const top = topOffsetPx + cursor * rowHeightPx
    const bottom = top + rowHeightPx
    if (top - topOffsetPx >= scrollTopPx && bottom <= scrollTopPx + heightPx) return
    const target = Math.max(0, top - heightPx / 2)
    view.current.scrollTopPx = target
    box.scrollTo({ top: target, behavior: reducedMotion ? 'auto' : 'smooth' })
  }, [container, cursor, rowHeightPx, topOffsetPx, reducedMotion])
}
