import type { DeepPartial } from '../t'
import type { config as en } from '../en/config'

export const config: DeepPartial<typeof en> = {
  intro: '相当于你在 NextAuthOptions 中写的内容。每次修改都作用于下一个请求。',
  flavor: { label: '库', 'next-auth-v4': 'NextAuth v4', authjs: 'Auth.js v5' },
  tokenModel: {
    label: '令牌模型',
    real: '真实：加密的 JWE',
    'simplified-hs256': '简化：HS256 签名——并非 NextAuth 的做法',
  },
  secret: {
    label: 'secret',
    hint: {
      'next-auth-v4': 'NEXTAUTH_SECRET：加密密钥由它经 HKDF 派生。留空表示没有 secret。',
      authjs: 'AUTH_SECRET：加密密钥由它经 HKDF 派生（盐是 Cookie 名称）。留空表示没有 secret。',
    },
    hintSimplified: '在简化模型中，原始 secret 直接就是 HMAC 密钥（没有 HKDF）；真实的 NextAuth 会从它派生出加密密钥。留空表示没有 secret。',
    generate: '生成',
  },
  siteUrl: {
    label: '站点 URL',
    hint: 'NEXTAUTH_URL。https:// 会使用 __Secure- 前缀的 Cookie 名（在 Auth.js 中还会改变 salt）。',
    invalid: '请输入 http:// 或 https:// 开头的 URL。',
  },
  nodeEnv: { label: 'NODE_ENV', development: 'development', production: 'production' },
  sessionMaxAge: {
    label: 'session.maxAge（秒）',
    hint: 'Cookie 的 Expires 和 session.expires：每次会话请求时为“现在 + 此值”。',
  },
  jwtMaxAge: {
    label: 'jwt.maxAge（秒）',
    hintV4: '留空：30 天。v4 只在登录时的令牌上使用它；刷新时使用 session.maxAge。',
    hintAuthjs: '留空：与 session.maxAge 相同。',
  },
  number: { invalid: '请输入大于 0 的整数秒数。', human: '= {duration}' },
  cookies: {
    label: 'cookies（覆盖项，JSON）',
    hint: 'NextAuthOptions.cookies，例如 { "sessionToken": { "name": "my-session", "options": { "httpOnly": true, "sameSite": "lax", "path": "/", "secure": false } } }。v4 整体替换某个键的 name 和 options；Auth.js 会合并。',
    apply: '应用 Cookie 覆盖项',
    invalid: '无效：{message}',
    notObject: '应为以 Cookie 为键（sessionToken、csrfToken、callbackUrl…）的 JSON 对象。',
    notEntry: '{key}：需要一个带 name 和 options 的对象。',
    badName: '{key}.name “{name}” 不是有效的 Cookie 名：只能使用字母、数字和 ! # $ % & \' * + - . ^ _ ` | ~（不能有空格、引号或 ( ) < > @ , ; : \\ / [ ] ? = { }）。',
    applied: '已应用。',
  },
  users: {
    label: '模拟用户（JSON）',
    hint: '默认 authorize() 用来核对邮箱和密码的用户。允许任意额外字段（role、team…）；第一个用户会预填到登录表单。',
    apply: '应用用户',
    invalid: '无效：{message}',
    notList: '应为用户组成的 JSON 数组，每个用户都有字符串类型的 email 和 password。',
    applied: '已应用。模拟用户：{count} 个。',
  },
}
