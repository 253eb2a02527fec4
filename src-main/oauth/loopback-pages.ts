import { createHash } from 'node:crypto';
import type { Provider } from '@shared/accounts';
import type { Language } from '@shared/settings';

/**
 * The pages the browser shows after the redirect, in the app's language, naming what was connected. They are
 * built from constants only: nothing from the request (code, state, error text) is ever echoed, so the page
 * cannot leak or inject anything.
 */
export type CallbackPageKind = 'success' | 'denied' | 'invalid' | 'used';

export interface CallbackPageOptions {
  /** Which connection the redirect completes: the success title names it. */
  provider: Provider;
  language: Language;
}

type Text = [title: string, body: string];

const successTitles: Record<Provider, Record<Language, string>> = {
  shop: { en: 'TikTok Shop connected', 'zh-CN': 'TikTok Shop 已连接' },
  ads: { en: 'Ad account connected', 'zh-CN': '广告账户已连接' },
  identity: { en: 'Signed in', 'zh-CN': '登录成功' },
};

const texts: Record<Exclude<CallbackPageKind, 'success'>, Record<Language, Text>> = {
  denied: {
    en: [
      'Access was not granted',
      'The connection was declined. Close this tab and try again from ShopMesh.',
    ],
    'zh-CN': ['未获授权', '连接已被拒绝。请关闭此标签页，然后在 ShopMesh 中重试。'],
  },
  invalid: {
    en: [
      'This sign-in link is not valid',
      'It does not match the request ShopMesh made. Close this tab and start again from ShopMesh.',
    ],
    'zh-CN': ['此登录链接无效', '它与 ShopMesh 发起的请求不匹配。请关闭此标签页，并在 ShopMesh 中重新开始。'],
  },
  used: {
    en: ['This sign-in link was already used', 'Close this tab and return to ShopMesh.'],
    'zh-CN': ['此登录链接已被使用', '请关闭此标签页并返回 ShopMesh。'],
  },
};

const successBody: Record<Language, string> = {
  en: 'You can close this tab and return to ShopMesh.',
  'zh-CN': '您可以关闭此标签页并返回 ShopMesh。',
};

function pageText(kind: CallbackPageKind, options: CallbackPageOptions): Text {
  const { provider, language } = options;
  return kind === 'success'
    ? [successTitles[provider][language], successBody[language]]
    : texts[kind][language];
}

/** Browsers let a script close only a tab a script opened; where they refuse, the text already says what to do. */
const closeScript = 'setTimeout(function () { window.close(); }, 4000);';
/** The CSP admits exactly this inline script and nothing else. */
export const closeScriptHash = `'sha256-${createHash('sha256').update(closeScript).digest('base64')}'`;

/** The ShopMesh mark (same drawing as the app's logo), inline so the page loads nothing. */
const mark = `<svg width="40" height="40" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6d5dfc"/><stop offset="1" stop-color="#e0407b"/></linearGradient></defs>
<rect width="32" height="32" rx="8" fill="url(#g)"/>
<path d="M10 21 16 10l6 11z" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" opacity="0.85"/>
<circle cx="16" cy="10" r="3" fill="#fff"/><circle cx="10" cy="21" r="3" fill="#fff"/><circle cx="22" cy="21" r="3" fill="#fff"/>
</svg>`;

export function callbackPage(kind: CallbackPageKind, options: CallbackPageOptions): string {
  const [title, body] = pageText(kind, options);
  const ok = kind === 'success';
  return `<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>ShopMesh — ${title}</title>
<style>
  :root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1f2329; --muted: #5c6370;
          --ok: #1f9d55; --bad: #d64545; }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #15161a; --card: #1e2026; --text: #e8eaed; --muted: #a0a6b0; --ok: #4cc38a; --bad: #f07171; }
  }
  body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
         sans-serif; display: grid; place-items: center; min-height: 100vh; margin: 0; background: var(--bg);
         color: var(--text); }
  main { background: var(--card); padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08);
         max-width: 30rem; text-align: center; }
  .brand { display: inline-flex; align-items: center; gap: .5rem; font-weight: 600; margin-bottom: 1.25rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .5rem; color: ${ok ? 'var(--ok)' : 'var(--bad)'}; }
  p { margin: 0; line-height: 1.5; color: var(--muted); }
</style>
</head>
<body>
<main>
  <div class="brand">${mark}<span>ShopMesh</span></div>
  <h1>${title}</h1>
  <p>${body}</p>
</main>
${ok ? `<script>${closeScript}</script>` : ''}
</body>
</html>
`;
}
