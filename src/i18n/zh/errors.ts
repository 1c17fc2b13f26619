// 每个 EngineError 代码对学习者的含义（简体中文）：发生了什么、为什么、该怎么做。与 en/errors.ts 一一对应。
import type { errors as en } from '../en/errors'
import type { DeepPartial } from '../t'

export const errors: DeepPartial<typeof en> = {
  JWT_DECRYPT_FAILED: {
    title: '会话令牌无法解密',
    explanation: '由密钥推导出的加密密钥打不开这个令牌：可能是密钥变了、令牌被篡改，或者它是用另一个盐或另一个库生成的。',
    fix: '使用生成令牌时的那个密钥（Auth.js 轮换密钥期间，把旧密钥留在列表里），并检查 Cookie 名：它就是 Auth.js 的盐。',
  },
  JWT_EXPIRED: {
    title: '会话令牌已过期',
    explanation: '它的 exp 声明早于当前时间，而且超出了 NextAuth 允许的 15 秒时钟误差。',
    fix: '重新登录。每次会话请求都会重新签发令牌，所以活跃用户不会遇到这种情况；闲置超过 maxAge 的用户才会。',
  },
  JWT_NOT_YET_VALID: {
    title: '会话令牌尚未生效',
    explanation: '它的 nbf（生效时间）声明晚于当前时间，而且超出了 15 秒的误差。（与 NextAuth 一样，未来的 iat 是被接受的。）',
    fix: '检查生成令牌和读取令牌的机器的时钟。',
  },
  JWT_MALFORMED: {
    title: '这不是格式正确的令牌',
    explanation: '紧凑格式的 JWE 由点分隔成五段 base64url（JWS 是三段）；其中某一段缺失或无法解码。',
    fix: '复制完整的 Cookie 值，不要带引号、空格或 Cookie 名。',
  },
  JWT_NO_MATCHING_SECRET: {
    title: '没有与此令牌匹配的密钥',
    explanation: 'Auth.js 按令牌的 kid（推导出的密钥的指纹）挑选密钥；配置的密钥中没有一个能推导出带这个 kid 的密钥。',
    fix: '把生成令牌时的密钥加入列表，并检查盐：它就是会话 Cookie 名，包括可能有的 __Secure- 前缀。',
  },
  JWT_INVALID_KEY: {
    title: '密钥长度与此令牌不符',
    explanation: '令牌要求的内容加密算法需要另一种长度的密钥（例如 Auth.js 的 A256CBC-HS512 令牌交给 NextAuth v4 读取，而后者只推导 32 字节）。',
    fix: '用生成令牌的那个库来读取它：v4 和 Auth.js 的令牌不能互换。',
  },
  JWT_UNSUPPORTED_ALG: {
    title: '此令牌使用了该库不接受的算法',
    explanation: '头部写的 alg 或 enc 是这个库拒绝的。',
    fix: 'NextAuth v4 生成 dir + A256GCM 令牌；Auth.js 生成 dir + A256CBC-HS512 令牌。',
  },
  JWT_CLAIMS_INVALID: {
    title: '令牌的声明无效',
    explanation: '某个声明的类型不对（exp、iat 和 nbf 必须是数字），或者载荷不是普通的 JSON 对象。',
    fix: '让 jwt 回调返回只含 JSON 值的普通对象；iat、exp 和 jti 交给 NextAuth 处理。',
  },
  JWT_SIGNATURE_INVALID: {
    title: '签名不匹配',
    explanation: '在简化模型中，令牌用 HS256 签名；载荷或头部被改过，或者是用别的密钥签的名。',
    fix: '使用同一个密钥。别忘了：真实的 NextAuth 令牌是加密的，而不是签名的。',
  },
  NO_SECRET: {
    title: '没有配置密钥',
    explanation: 'NextAuth 从密钥推导加密密钥。没有密钥时，v4 在开发环境中会发出警告（并使用一个不稳定的后备值），在生产环境中直接失败；Auth.js 则总是失败。',
    fix: '设置 NEXTAUTH_SECRET（v4）或 AUTH_SECRET（Auth.js），例如用 `openssl rand -base64 32` 生成。',
  },
  COOKIE_MALFORMED: {
    title: '无法读取这行 Set-Cookie',
    explanation: 'Set-Cookie 头必须先写 name=value，再写用分号分隔的属性。',
    fix: '从浏览器开发者工具中复制完整的头部行。',
  },
  COOKIE_REJECTED: {
    title: '浏览器拒绝了这个 Cookie',
    explanation: '浏览器不接受通过普通 http 设置的 Secure Cookie，也不接受缺少前缀所要求属性的 __Secure-/__Host- 名称。',
    fix: '通过 https 提供站点（或在 http 下使用不带 Secure 的 Cookie 名），这由 useSecureCookies 决定。',
  },
  COOKIE_TOO_LARGE: {
    title: 'Cookie 超出了浏览器能保存的大小',
    explanation: '名称加值超过 4096 字节的 Cookie 会被浏览器丢弃。NextAuth 会把较大的会话令牌拆成分块（.0、.1……），以保持在这个限制之下。',
    fix: '让令牌保持精简：只放 ID 和简短的声明，其余内容在服务器上查询。',
  },
  CSRF_MISSING: {
    title: '缺少 CSRF 令牌',
    explanation: '每个发往 NextAuth 的 POST 请求都必须带上与已签名 CSRF Cookie 相匹配的 csrfToken。',
    fix: '使用 next-auth/react 中的 signIn()、update() 和 signOut()：它们会替你获取并发送这个令牌。',
  },
  CSRF_INVALID: {
    title: 'CSRF 令牌不匹配',
    explanation: '请求体中的令牌与 CSRF Cookie 不一致，或者 Cookie 中的哈希与密钥不符。',
    fix: '从 /api/auth/csrf 获取新的令牌；如果密钥变了，旧的 CSRF Cookie 就不再可信。',
  },
  CREDENTIALS_SIGNIN: {
    title: '凭据未被接受',
    explanation: 'authorize() 返回了 null（或 false），或者在 Auth.js 中抛出了 CredentialsSignin，所以 NextAuth 以 CredentialsSignin 错误作答（Auth.js 会带上所抛错误的 code，默认是 "credentials"）。',
    fix: '对照模拟用户检查邮箱和密码，或者检查你的 authorize 回调比较的内容。',
  },
  ACCESS_DENIED: {
    title: 'signIn 回调拒绝了访问',
    explanation: 'signIn 回调返回了 false（或什么都没返回），所以 NextAuth 以 AccessDenied 作答。signIn 回调抛出异常时，Auth.js 也这样作答。',
    fix: '对允许登录的用户，让 signIn 回调返回 true。',
  },
  CALLBACK_BAD_RETURN: {
    title: '回调返回了 NextAuth 无法使用的值',
    explanation: 'jwt 回调必须返回令牌对象，session 回调必须返回会话对象；signIn 返回 true、false 或一个 URL，redirect 返回一个 URL。其他任何值（null、数字、什么都不返回）都会让 NextAuth 做出你没想到的事。',
    fix: '在回调末尾返回（修改后的）令牌或会话对象、true 或一个 URL。',
  },
  CALLBACK_THREW: {
    title: '回调抛出了错误',
    explanation: '回调中的异常会像在 NextAuth 中一样中止请求。',
    fix: '查看错误信息和行号，修正代码后再运行。',
  },
  SESSION_ABSENT: {
    title: '没有会话',
    explanation: 'useSession() 没有会话，所以 v4 的 update() 什么都不发送就返回了（v5 客户端照样发送更新）。',
    fix: '先登录，或者先获取一次会话，让 useSession() 拿到它。',
  },
  CONFIG_INVALID: {
    title: '配置无效',
    explanation: '某项设置的值是 NextAuth 无法使用的：无法解析的站点 URL，或者 cookie 库拒绝写入的 Cookie 名称或选项（v4 随即返回一个只有文字的 500，Auth.js 返回它的 Configuration 错误）。',
    fix: '检查高亮显示的设置。',
  },
  CLOCK_BACKWARDS: {
    title: '时钟只会向前走',
    explanation: '模拟时钟从不倒退：早于当前的时间会让 Cookie 罐和屏幕上每个已显示的过期时间与已经发生的事情不符。',
    fix: '选一个更晚的时间，或者从一个全新的 playground 重新开始。',
  },
  CLOCK_OUT_OF_RANGE: {
    title: '时钟不能走那么远',
    explanation: 'JavaScript 的日期止于 275760-09-13（UTC），而屏幕上每个 Cookie 的 Expires、令牌的 exp 和 session.expires 都是日期：模拟时钟到此为止。',
    fix: '选一个更早的日期或更小的跨度；时钟仍停在原处。',
  },
  SANDBOX_TIMEOUT: {
    title: '回调运行时间过长',
    explanation: '它超出了时间限制（死循环，或一个永远不会完成的 Promise），所以运行它的 Worker 被停止，并启动了一个新的。',
    fix: '确保每个循环都会结束，每个被 await 的 Promise 都会完成。',
  },
  SANDBOX_THREW: {
    title: '回调抛出了错误',
    explanation: '你的代码抛出了异常（或产生了被拒绝的 Promise）。',
    fix: '阅读错误信息和它指向的那一行。',
  },
  SANDBOX_SYNTAX_ERROR: {
    title: '代码有语法错误',
    explanation: '它无法编译，所以没有运行。',
    fix: '修正标出的那一行；类型错误只会警告，语法错误才会阻止运行。',
  },
  SANDBOX_BAD_RETURN: {
    title: '回调返回了无法使用的值',
    explanation: '回调必须返回普通数据（对象、数组、字符串、数字、布尔值、null）：不能是函数、Symbol、BigInt、类实例、循环结构，也不能在 NextAuth 需要对象时返回 undefined。',
    fix: '返回一个由 JSON 值构成的普通对象。',
  },
  SANDBOX_RETURN_TOO_LARGE: {
    title: '回调返回的数据太多',
    explanation: '返回值序列化后超过 1 MB；这么大的会话令牌根本放不进 Cookie。',
    fix: '令牌和会话中只保留简短的声明。',
  },
  SANDBOX_FORBIDDEN_API: {
    title: '演练场中的回调无法访问外部',
    explanation: '演练场中的回调不能发起网络请求，也不能操作页面（fetch、XMLHttpRequest、WebSocket、importScripts、存储、document）。',
    fix: '改用模拟数据：把它放进模拟用户或一个常量里。',
  },
  SANDBOX_CRASHED: {
    title: '回调沙箱意外停止',
    explanation: '运行你的回调的 Worker 崩溃了；已经启动了一个新的。',
    fix: '再运行一次；如果反复出现，请简化回调。',
  },
  SANDBOX_UNAVAILABLE: {
    title: '回调沙箱不可用',
    explanation: '此浏览器无法启动运行回调的 Web Worker。',
    fix: '请使用较新的浏览器；在此期间默认回调仍然可以正常工作。',
  },
}
