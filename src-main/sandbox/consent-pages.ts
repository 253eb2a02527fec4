import { escapeHtml } from './http';

/**
 * The sandbox's stand-in for TikTok's consent screens. Plain HTML forms (no script), so a test can play the
 * browser: GET the page, read the form, POST it, and follow the 302.
 */

export interface ConsentPageInput {
  heading: string;
  appName: string;
  details: string[];
  action: string;
  consentId: string;
  scopes?: Array<{ value: string; label: string }>;
}

const style = `body{font:15px system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#161823}
h1{font-size:1.3rem}.box{border:1px solid #ddd;border-radius:10px;padding:1rem 1.25rem}
ul{padding-left:1.2rem}label{display:block;margin:.25rem 0}.sandbox{background:#fff4d6;border-radius:6px;padding:.4rem .6rem;font-size:.85rem}
button{font-size:1rem;padding:.55rem 1.4rem;border-radius:6px;border:0;margin-right:.6rem;cursor:pointer}
#authorize{background:#fe2c55;color:#fff}#deny{background:#eee}`;

export function consentPage(input: ConsentPageInput): string {
  const scopes = (input.scopes ?? [])
    .map(
      (s) =>
        `<label><input type="checkbox" name="scope" value="${escapeHtml(s.value)}" checked> ${escapeHtml(s.label)}</label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ShopMesh Sandbox: allow access to ${escapeHtml(input.appName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${style}</style></head>
<body><p class="sandbox">ShopMesh Sandbox — simulated TikTok consent screen. No real account is involved.</p>
<h1>ShopMesh Sandbox: allow access to ${escapeHtml(input.appName)}</h1>
<div class="box"><p>${escapeHtml(input.heading)}</p><ul>${input.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>
<form id="consent" method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="consent_id" value="${escapeHtml(input.consentId)}">
${scopes}
<p><button id="authorize" type="submit" name="decision" value="authorize">Authorize</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button></p>
</form></div></body></html>`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font:15px system-ui,sans-serif;max-width:34rem;margin:3rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
}
