import type { Locator, Page } from '@playwright/test';

/**
 * Seeds creators as a merchant does, through the Find creators page (already on screen): the CSV goes
 * through "Import a file" and its check, and the check's report is returned for the test to read and to
 * confirm (its "Import N rows" button), since what a test expects of the report is its own.
 */
export async function checkCreatorsCsv(page: Page, csv: string, name = 'creators.csv'): Promise<Locator> {
  await page.getByRole('tab', { name: 'Import a file' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Check file' }).click();
  return page.getByRole('region', { name: `Check of ${name}` });
}
