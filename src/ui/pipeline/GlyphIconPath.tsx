import type { GlyphIcon } from './lanes'

/** A 12×12 line icon centred on (0, 0), drawn with currentColor. */
export function GlyphIconPath({ icon }: { icon: GlyphIcon }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.4, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const }
  switch (icon) {
    case 'request':
    case 'response':
      return (
        <g {...common}>
          <rect x={-5} y={-3.5} width={10} height={7} rx={1} />
          <path d="M-5 -3 L0 1 L5 -3" />
        </g>
      )
    case 'cookie':
      return (
        <g {...common}>
          <circle r={5} />
          <circle cx={-1.8} cy={-1.5} r={0.6} fill="currentColor" />
          <circle cx={1.8} cy={0.5} r={0.6} fill="currentColor" />
          <circle cx={-0.8} cy={2.3} r={0.6} fill="currentColor" />
        </g>
      )
    case 'lock':
    case 'unlock':
      return (
        <g {...common}>
          <rect x={-4} y={-0.5} width={8} height={6} rx={1} />
          <path d={icon === 'lock' ? 'M-2.5 -0.5 V-2.5 a2.5 2.5 0 0 1 5 0 V-0.5' : 'M-2.5 -0.5 V-2.5 a2.5 2.5 0 0 1 5 0'} />
        </g>
      )
    case 'fn':
      return (
        <g {...common}>
          <path d="M2 -5 C0 -5 -0.5 -4 -1 -1 L-2 5 C-2.3 6 -3 6 -4 6" />
          <path d="M-3 -1 H2" />
        </g>
      )
    case 'check':
      return <path {...common} d="M-4 0 L-1 3 L4.5 -3.5" />
    case 'shield':
      return <path {...common} d="M0 -5.5 L4.5 -3.5 V0 C4.5 3 2.5 4.8 0 5.8 C-2.5 4.8 -4.5 3 -4.5 0 V-3.5 Z" />
    case 'log':
      return <path {...common} d="M-4 -3 H4 M-4 0 H4 M-4 3 H1" />
    case 'clock':
      return (
        <g {...common}>
          <circle r={5} />
          <path d="M0 -2.8 V0 L2 1.5" />
        </g>
      )
    case 'flag':
      return <path {...common} d="M-3 5.5 V-5 M-3 -5 H4 L2.5 -2.5 L4 0 H-3" />
    case 'error':
      return (
        <g {...common}>
          <path d="M0 -5 L5.3 4.3 H-5.3 Z" />
          <path d="M0 -1.5 V1.2 M0 2.8 V2.9" />
        </g>
      )
    case 'session':
      return (
        <g {...common}>
          <circle cy={-2} r={2.3} />
          <path d="M-4.2 5 C-3.6 1.8 3.6 1.8 4.2 5" />
        </g>
      )
    case 'gear':
      return (
        <g {...common}>
          <circle r={2} />
          <path d="M0 -5.5 V-3.8 M0 3.8 V5.5 M-5.5 0 H-3.8 M3.8 0 H5.5 M-3.9 -3.9 L-2.7 -2.7 M2.7 2.7 L3.9 3.9 M-3.9 3.9 L-2.7 2.7 M2.7 -2.7 L3.9 -3.9" />
        </g>
      )
    default: {
      const unreachable: never = icon
      throw new TypeError(`no icon ${String(unreachable)}`)
    }
  }
}
