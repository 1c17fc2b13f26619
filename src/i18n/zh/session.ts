import type { DeepPartial } from '../t'
import type { session as en } from '../en/session'

export const session: DeepPartial<typeof en> = {
  status: 'useSession().status',
  statuses: { loading: 'loading', authenticated: 'authenticated', unauthenticated: 'unauthenticated' },
  dataLabel: 'useSession().data',
  jsonLabel: '会话 JSON',
  empty: '还没有会话。先登录，再点击“获取会话”，看看 useSession() 返回什么。',
  nullData: 'null：客户端没有会话。',
  whyEnded: '为什么没有会话',
  loading: '第一个会话请求正在路上。',
  expiries: {
    title: '三个过期时间',
    cookie: 'Cookie Expires',
    cookieHint: '到时浏览器会丢弃 Cookie，即使令牌仍能解密。',
    tokenExp: 'token.exp',
    tokenExpHint: '过了这个时间 15 秒后 jose 拒绝该令牌，即使 Cookie 还在。',
    sessionExpires: 'session.expires',
    sessionExpiresHint: '那次会话请求的时间加上 session.maxAge；不是令牌的 exp。',
    none: '—',
    in: '{duration}后',
    ago: '{duration}前',
    explain: '默认设置下，三者在每次会话请求时一起向后移动，拨快时钟不会移动其中任何一个。把 jwt.maxAge 设得与 session.maxAge 不同（NextAuth v4），就能看到它们分开。',
  },
}
