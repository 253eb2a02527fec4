import { expect, type Page } from '@playwright/test';

/**
 * Markup the attack specs put where TikTok, a creator or a CSV file supplies text. Each would set
 * `window.__xss` if it ever ran; rendered as text it is shown exactly as written.
 */
export const xssPayloads = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2"></svg>',
  '"><script>window.__xss=3</script>',
  '<a href="javascript:window.__xss=4">tap</a>',
  '{{constructor.constructor("window.__xss=5")()}}',
] as const;

/** None of the payloads became an element anywhere on the page, and none ran. */
export async function nothingRan(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript:"], main script').count()).toBe(
    0,
  );
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
}

/** Every browser dialog (alert, confirm, prompt) the page opens, dismissed; a payload that ran would open one. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}
