import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { type ToastInput, ToastProvider, useToasts } from '../../src-renderer/src/components/Toasts';
import { useOutreachAlerts } from '../../src-renderer/src/features/outreach-alerts/useOutreachAlerts';
import { formatDateTime } from '../../src-renderer/src/format/time';
import i18n from '../../src-renderer/src/i18n';
import { FakeBridge, renderEventToasts } from './fake-bridge';

/** A button per toast to show: the test presses it, as a page would after a save or a failure. */
function Shows({ toasts, errors = [] }: { toasts: ToastInput[]; errors?: unknown[] }): ReactElement {
  const { showToast, showError } = useToasts();
  return (
    <button
      type="button"
      onClick={() => {
        toasts.forEach(showToast);
        errors.forEach(showError);
      }}
    >
      show
    </button>
  );
}

async function switchTo(language: 'en' | 'zh-CN'): Promise<void> {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('toasts', () => {
  it('are drawn from their key and parameters, so a language switch translates the ones showing', async () => {
    await switchTo('en');
    render(
      <ToastProvider>
        <Shows
          toasts={[
            {
              tone: 'info',
              message: { key: 'openExternal.blocked' },
              link: {
                href: 'https://seller-us.tiktok.com/',
                label: { key: 'openExternal.open', params: { host: 'seller-us.tiktok.com' } },
              },
            },
            { tone: 'success', message: { key: 'orders.views.saved', params: { name: 'Late UK' } } },
          ]}
        />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region.textContent).toContain('View "Late UK" saved');
    expect(screen.getByRole('link', { name: 'Open seller-us.tiktok.com' })).toBeTruthy();

    await switchTo('zh-CN');
    const regionZh = screen.getByRole('region', { name: '通知' });
    expect(regionZh.textContent).toContain('已保存视图“Late UK”');
    expect(regionZh.textContent).toContain('浏览器拦截了 ShopMesh 要打开的新标签页。');
    expect(regionZh.textContent).not.toContain('saved');
    expect(screen.getByRole('link', { name: '打开 seller-us.tiktok.com' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '关闭' })).toHaveLength(2);
  });

  it('draw an error from its text, or its code’s when the catalogue lacks the text, in the language shown', async () => {
    await switchTo('en');
    render(
      <ToastProvider>
        <Shows
          toasts={[]}
          errors={[
            new AppError('OFFLINE', { key: 'errors.offline', params: {} }),
            new AppError('NOT_FOUND', { key: 'no.such.text', params: {} }),
          ]}
        />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    const alerts = () => screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts()).toEqual([
      expect.stringContaining("ShopMesh can't be reached."),
      expect.stringContaining('That item no longer exists.'),
    ]);
    await switchTo('zh-CN');
    expect(alerts()).toEqual([
      expect.stringContaining('无法连接到 ShopMesh。'),
      expect.stringContaining('该项目已不存在。'),
    ]);
  });

  it('show one toast for the same message reported twice', async () => {
    await switchTo('en');
    const saved: ToastInput = {
      tone: 'success',
      message: { key: 'orders.views.saved', params: { name: 'A' } },
    };
    render(
      <ToastProvider>
        <Shows toasts={[saved, { ...saved, message: { ...saved.message } }]} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('format an outreach alert’s resume time in the language the toast is drawn in', async () => {
    await switchTo('en');
    const resumeAt = Date.UTC(2026, 11, 6, 20, 0);
    const bridge = new FakeBridge();
    renderEventToasts(bridge, useOutreachAlerts);
    act(() =>
      bridge.emit('outreach:alert', {
        outreachId: 1,
        name: 'Spring launch',
        kind: 'quota_paused',
        resumeAt,
        sent: 1200,
        failed: 0,
        skipped: 3,
      }),
    );
    const toast = screen.getByRole('status');
    expect(toast.textContent).toContain(`it resumes ${formatDateTime(resumeAt, 'en')}.`);
    await switchTo('zh-CN');
    expect(formatDateTime(resumeAt, 'zh-CN')).not.toBe(formatDateTime(resumeAt, 'en'));
    expect(screen.getByRole('status').textContent).toContain(
      `将于 ${formatDateTime(resumeAt, 'zh-CN')} 恢复`,
    );
  });
});
