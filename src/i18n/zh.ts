// Simplified Chinese. Partial: any key missing here falls back to English.
import type { DeepPartial } from './t'
import type { Messages } from './en'

export const zh: DeepPartial<Messages> = {
  app: {
    name: 'NextAuth JWT 演练场',
    tagline: '一步一步观察 NextAuth.js 与 Auth.js 如何创建、存储、读取和验证 JWT 会话——使用真实的加密。',
    nav: { label: '视图', playground: '演练场', lab: '令牌实验室' },
    theme: { label: '主题', system: '跟随系统', light: '浅色', dark: '深色' },
    language: { label: '语言' },
  },
}
