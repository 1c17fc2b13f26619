import type { DeepPartial } from '../t'
import type { cookieJar as en } from '../en/cookieJar'

export const cookieJar: DeepPartial<typeof en> = {
  caption: '当前步骤时浏览器中的 Cookie',
  empty: '还没有 Cookie。登录后即可看到会话 Cookie 落入这里。',
  columns: { name: '名称', value: '值', size: '大小', path: 'Path', expires: 'Expires' },
  flags: '标志',
  noFlags: '没有 HttpOnly，也没有 Secure',
  sessionCookie: '会话 Cookie（浏览器关闭时过期）',
  bytes: '{bytes} 字节',
  sizeMeter: '{bytes} / {limit} 字节',
  expiresIn: '{duration}后',
  expiredAgo: '{duration}前已过期',
  copyValue: '{name} 的值',
  chunkGroup: '{name}：{count} 个分块，共 {bytes} 字节',
  chunkGroupHint: '令牌超过 {chunk} 个字符，NextAuth 把它拆成 {name}.0、.1……；服务器按顺序把它们拼回去。',
  change: { set: '刚刚写入', deleted: '刚刚删除', expired: '刚刚过期', rejected: '被浏览器拒绝', tampered: '刚刚被篡改' },
  js: {
    toggle: 'JavaScript 能看到什么',
    title: 'document.cookie',
    emptyValue: '""（空字符串）',
    explain: 'HttpOnly 的 Cookie 不在其中：页面上的脚本（或 XSS 攻击）读不到会话令牌。',
  },
}
