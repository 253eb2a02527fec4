import { expect, test } from '@playwright/test';
import { crmAppPerTest } from './crm-app';

/**
 * Issue 15 item 7 in the real renderer: markup in texts that come from TikTok renders as text, and the
 * Content-Security-Policy blocks a script injected into the page (Chromium reports `securitypolicyviolation`).
 * Each payload would set `window.__xss` if it ever ran.
 */
const payloads = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2"></svg>',
  '"><script>window.__xss=3</script>',
  '<a href="javascript:window.__xss=4">tap</a>',
  '{{constructor.constructor("window.__xss=5")()}}',
];
const web = crmAppPerTest('shopmesh-e2e-attacks-', 50, 2, (crm, now) =>
  payloads.forEach((nickname, i) =>
    crm.resolve(
      { openId: `hostile-${i}`, handle: `hostile_${i}`, nickname, region: 'US' },
      { origin: 'manual', now },
    ),
  ),
);

test('markup in creator nicknames is shown as text and never runs', async ({ page }) => {
  await page.goto(web.app.url);
  await page
    .getByRole('navigation', { name: /Main|主导航/ })
    .getByRole('link', { name: /Creators|达人/ })
    .click();
  const search = page.getByRole('searchbox').first();
  await search.fill('hostile');
  for (const [i, text] of payloads.entries()) {
    await expect(page.getByText(text, { exact: true }).first(), `payload ${i}`).toBeVisible();
  }
  // Nothing the payloads carry became an element, and none of them ran.
  expect(await page.locator('main img[src="x"], main svg[onload], main a[href^="javascript:"]').count()).toBe(
    0,
  );
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  await page.screenshot({ path: 'test-results/e2e/attacks-xss-nicknames.png', fullPage: false });
});

test('the CSP is sent with the page and blocks an injected inline script', async ({ page }) => {
  const response = await page.goto(web.app.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.getByRole('navigation', { name: /Main|主导航/ })).toBeVisible();
  // A string, so it runs in the page (the test's own TypeScript has no DOM types).
  const outcome = (await page.evaluate(`new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      setTimeout(() => resolve({ directive: e.effectiveDirective, ran: window.__inline === 1 }), 50);
    }, { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
  })`)) as { directive: string; ran: boolean };
  expect(outcome).toEqual({ directive: 'script-src-elem', ran: false });
});
