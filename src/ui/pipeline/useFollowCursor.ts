import { useEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the current row in view inside the pipeline's scroll box. Rows have a fixed height, so the
 * target is worked out from the index and from sizes cached by observers: no layout is read while a
 * step renders (reading it would force a layout of the whole page on every step).
 */
export function useFollowCursor(container: RefObject<HTMLElement | null>, header: RefObject<HTMLElement | null>, cursor: number, rowHeightPx: number, reducedMotion: boolean): void {
  const view = useRef({ heightPx: 0, scrollTopPx: 0, headerPx: 0 })
  useEffect(() => {
    const box = container.current
    if (!box) return
    const onScroll = () => {
      view.current.scrollTopPx = box.scrollTop
    }
    // `scrollend` fires once a scroll has settled, so the position is read once, not every frame.
    const event = 'onscrollend' in box ? 'scrollend' : 'scroll'
    box.addEventListener(event, onScroll, { passive: true })
    // The sticky lane header above the rows changes height with the width (its hints wrap), so it is observed too.
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            for (const entry of entries) {
              if (entry.target === box) view.current.heightPx = entry.contentRect.height
              else view.current.headerPx = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height
            }
          })
    resize?.observe(box)
    if (header.current) resize?.observe(header.current)
    return () => {
      box.removeEventListener(event, onScroll)
      resize?.disconnect()
    }
  }, [container, header])

  useEffect(() => {
    const box = container.current
    const { heightPx, scrollTopPx, headerPx: topOffsetPx } = view.current
    if (!box || cursor < 0 || heightPx === 0 || typeof box.scrollTo !== 'function') return
    const top = topOffsetPx + cursor * rowHeightPx
    const bottom = top + rowHeightPx
    if (top - topOffsetPx >= scrollTopPx && bottom <= scrollTopPx + heightPx) return
    const target = Math.max(0, top - heightPx / 2)
    view.current.scrollTopPx = target
    box.scrollTo({ top: target, behavior: reducedMotion ? 'auto' : 'smooth' })
  }, [container, cursor, rowHeightPx, reducedMotion])
}
