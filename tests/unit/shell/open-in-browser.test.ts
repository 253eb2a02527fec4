import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }));
vi.mock('electron', () => electron);

const { openInBrowser } = await import('../../../src-main/shell/open-in-browser');

describe('openInBrowser', () => {
  it('hands allowed URLs to shell.openExternal, normalised', async () => {
    await expect(openInBrowser('https://PARTNER.tiktokshop.com/docv2', [])).resolves.toBe(true);
    expect(electron.shell.openExternal).toHaveBeenLastCalledWith('https://partner.tiktokshop.com/docv2');
  });

  it.each(['file:///etc/passwd', 'https://evil.example/', 'ms-settings:', 'http://127.0.0.1:1/'])(
    'never passes %j to the OS',
    async (url) => {
      electron.shell.openExternal.mockClear();
      await expect(openInBrowser(url, [])).resolves.toBe(false);
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
