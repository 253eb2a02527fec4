/**
 * The pages the browser shows after the redirect. They are constants on purpose: nothing from the request
 * (code, state, error text) is ever echoed, so the page cannot leak or inject anything.
 */
export type CallbackPageKind = 'success' | 'denied' | 'invalid' | 'used';

const texts: Record<CallbackPageKind, { en: [string, string]; zh: [string, string] }> = {
  success: {
    en: ['Signed in', 'You can close this tab and return to ShopMesh.'],
    zh: ['登录成功', '您可以关闭此标签页并返回 ShopMesh。'],
  },
  denied: {
    en: [
      'Access was not granted',
      'The connection was declined. Close this tab and try again from ShopMesh.',
    ],
    zh: ['未获授权', '连接已被拒绝。请关闭此标签页，然后在 ShopMesh 中重试。'],
  },
  invalid: {
    en: [
      'This sign-in link is not valid',
      'It does not match the request ShopMesh made. Close this tab and start again from ShopMesh.',
    ],
    zh: ['此登录链接无效', '它与 ShopMesh 发起的请求不匹配。请关闭此标签页，并在 ShopMesh 中重新开始。'],
  },
  used: {
    en: ['This sign-in link was already used', 'Close this tab and return to ShopMesh.'],
    zh: ['此登录链接已被使用', '请关闭此标签页并返回 ShopMesh。'],
  },
};

export function callbackPage(kind: CallbackPageKind): string {
  const { en, zh } = texts[kind];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ShopMesh — ${en[0]}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
         display: grid; place-items: center; min-height: 100vh; margin: 0; background: #f6f7f9; color: #1f2329; }
  main { background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08);
         max-width: 32rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
  p { margin: 0 0 1.25rem; line-height: 1.5; }
  section + section { border-top: 1px solid #e5e6eb; padding-top: 1.25rem; }
</style>
</head>
<body>
<main>
  <section lang="en"><h1>${en[0]}</h1><p>${en[1]}</p></section>
  <section lang="zh-CN"><h1>${zh[0]}</h1><p>${zh[1]}</p></section>
</main>
</body>
</html>
`;
}
