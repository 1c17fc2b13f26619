import type { DeepPartial } from '../t'
import type { editor as en } from '../en/editor'

export const editor: DeepPartial<typeof en> = {
  intro: '编辑 NextAuth 调用的应用代码。你的代码在 Web Worker 中运行，每次调用限时 {timeoutMs} 毫秒；修改会保存在此浏览器中。',
  keyboardHint: '在编辑器中按 Tab 会插入制表符。按 Ctrl+M（Mac 上为 Ctrl+Shift+M）可让 Tab 改为移动焦点，再按一次切换回来。',
  loading: '正在加载代码编辑器…',
  reset: '重置',
  resetLabel: '将 {name} 重置为初始代码',
  flavorNote: {
    'next-auth-v4': '类型：next-auth 4（NextAuthOptions、next-auth/jwt）。',
    authjs: '类型：Auth.js（@auth/core 的 AuthConfig、@auth/core/jwt）和 next-auth v5（NextAuthConfig、next-auth/jwt）。',
  },
  // No `names` here on purpose: the editors' accessible names ("authorize", "jwt callback", "session
  // callback") are a fixed public contract. Browser tests, the page bench and screen-reader users find
  // the three editors by these exact names in every language, and they name NextAuth's own callbacks.
  descriptions: {
    authorize: '用模拟用户核对提交的邮箱和密码；它的返回值就是 `user`。',
    jwt: '构建会话令牌：登录时来自 `user`，之后来自解码后的令牌。',
    session: '根据令牌构建 useSession() / getSession() 返回的内容。',
  },
  diagnostics: {
    syntax: '{name}：第 {line} 行第 {column} 列有语法错误：{message}。修复之前此回调不会运行。',
    syntaxNowhere: '{name}：有语法错误：{message}。修复之前此回调不会运行。',
    types: {
      one: '{name}：1 个类型问题，在第 {line} 行：{message}。类型错误只是警告：代码照样运行，和 next dev 一样。',
      other: '{name}：{count} 个类型问题，第一个在第 {line} 行：{message}。类型错误只是警告：代码照样运行，和 next dev 一样。',
    },
  },
  failure: {
    heading: '上次运行中你的 {name} 失败了',
    outdatedHeading: '已过时：上次运行中你的 {name} 失败了，那是在你最近一次修改之前',
    outdatedHint: '那次运行之后代码已经改过；再运行一次，看看是否仍会失败。',
    where: '第 {line} 行，第 {column} 列',
    whereTypeScript: 'TypeScript 指向第 {line} 行第 {column} 列：{message}',
    throwAnError: '没有行号：抛出一个 Error（throw new Error(…)）才能看到行号',
    timeout: '{elapsedMs} 毫秒后被停止（上限 {timeoutMs} 毫秒）',
    elapsed: '{elapsedMs} 毫秒后',
    size: '返回了 {sizeBytes} 字节（上限 {limitBytes} 字节）',
    api: '使用了 {api}',
    badReturn: {
      function: '在 {path} 返回了函数',
      symbol: '在 {path} 返回了 symbol',
      bigint: '在 {path} 返回了 BigInt',
      circular: '在 {path} 返回了循环结构',
      'class-instance': '在 {path} 返回了类实例',
      undefined: '返回了 undefined，而 NextAuth 在这里需要一个对象',
      'not-cloneable': '返回了无法从 worker 中复制出来的值',
    },
    message: '消息：{message}',
    logs: '这次调用的控制台输出',
  },
}
