import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Delivery, Outreach } from '@shared/outreach';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { OutreachPage } from '../../src-renderer/src/pages/outreach/OutreachPage';
import { FakeBridge, withApi } from './fake-bridge';

const counts = { queued: 0, sending: 0, maybe_sent: 0, sent: 0, failed: 0, skipped: 0, cancelled: 0 };

function outreach(status: Outreach['status'], over: Partial<Outreach> = {}): Outreach {
  return {
    id: 7,
    name: 'Spring launch',
    accountId: 'a1',
    shopId: 's1',
    action: 'both',
    status,
    pauseReason: null,
    pauseDetail: null,
    resumeAt: null,
    createdAt: 1,
    startedAt: null,
    finishedAt: null,
    counts: { ...counts, queued: 3, sent: 1 },
    total: 4,
    etaAt: null,
    followUpsPending: 0,
    retryable: 0,
    ...over,
  };
}

const delivery = (id: number, state: Delivery['state'], reason: Delivery['reason'] = null): Delivery => ({
  id,
  creatorId: id,
  creatorOpenId: `o${id}`,
  handle: `creator${id}`,
  action: 'message',
  step: 0,
  state,
  reason,
  reasonDetail: null,
  blockedAt: null,
  attempts: 1,
  retries: 0,
  retriedAt: null,
  sentAt: state === 'sent' ? 1_700_000_000_000 : null,
  updatedAt: 1,
});

// happy-dom lays nothing out: the creators table's scroll box gets a height so its rows render.
beforeAll(() => {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    if (this.classList.contains('data-table-scroll')) return 450;
    return (height?.get?.call(this) as number | undefined) ?? 0;
  });
});

describe('Outreach page', () => {
  it('shows progress, per-creator states and reasons, and pauses through outreach:pause', async () => {
    let current = outreach('running');
    const bridge = new FakeBridge()
      .handle('accounts:list', () => ({ accounts: [] }) as never)
      .handle('outreach:list', () => ({ outreaches: [current] }))
      .handle('outreach:deliveries', (input) => ({
        items: [delivery(1, 'sent'), delivery(2, 'skipped', 'privacy'), delivery(3, 'maybe_sent')].filter(
          (d) => !input.state || d.state === input.state,
        ),
        nextCursor: null,
        total: 3,
      }))
      .handle('outreach:pause', () => {
        current = outreach('paused', { pauseReason: 'user' });
        return current;
      });
    render(
      <ToastProvider>
        <OutreachPage />
      </ToastProvider>,
      { wrapper: withApi(bridge) },
    );

    const card = await screen.findByRole('article', { name: 'Spring launch' });
    expect(within(card).getByText('Sending')).toBeTruthy();
    expect(within(card).getByText(/1 sent · 0 skipped · 0 failed of 4/)).toBeTruthy();
    expect(within(card).getByRole('progressbar', { name: 'Progress of Spring launch' })).toBeTruthy();
    expect(await screen.findByText('@creator2')).toBeTruthy();
    const row = (handle: string) => screen.getByRole('row', { name: new RegExp(handle) });
    expect(within(row('@creator2')).getByText("The creator's privacy settings refuse shops")).toBeTruthy();
    expect(within(row('@creator3')).getByText('Checking with TikTok')).toBeTruthy();

    await userEvent.click(within(card).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(bridge.callsOf('outreach:pause')).toEqual([{ id: 7 }]));
    expect(await within(card).findByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(within(card).getByText(/paused by you/)).toBeTruthy();

    // The queue's progress events refresh the list.
    current = outreach('finished', { counts: { ...counts, sent: 3, skipped: 1 } });
    act(() =>
      bridge.emit('outreach:progress', {
        outreachId: 7,
        status: 'finished',
        counts: current.counts,
        total: 4,
        etaAt: null,
      }),
    );
    expect(await within(card).findByText('Finished')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('retries what failed for a temporary reason, and the table says which creators were retried', async () => {
    let current = outreach('finished', {
      counts: { ...counts, sent: 1, failed: 3 },
      total: 4,
      retryable: 2,
    });
    const bridge = new FakeBridge()
      .handle('accounts:list', () => ({ accounts: [] }) as never)
      .handle('outreach:list', () => ({ outreaches: [current] }))
      .handle('outreach:deliveries', () => {
        const retried = current.status === 'running';
        return {
          items: [
            delivery(1, 'sent'),
            retried
              ? { ...delivery(2, 'queued'), retries: 1, retriedAt: 1_700_000_000_000 }
              : delivery(2, 'failed', 'too_many_attempts'),
            retried
              ? { ...delivery(3, 'queued'), retries: 1, retriedAt: 1_700_000_000_000 }
              : delivery(3, 'failed', 'remote'),
            delivery(4, 'failed', 'sensitive_words'),
          ],
          nextCursor: null,
          total: 4,
        };
      })
      .handle('outreach:retryFailed', () => {
        current = outreach('running', { counts: { ...counts, sent: 1, failed: 1, queued: 2 }, retryable: 0 });
        return { outreach: current, requeued: 2, resumed: 0 };
      });
    render(
      <ToastProvider>
        <OutreachPage />
      </ToastProvider>,
      { wrapper: withApi(bridge) },
    );
    const card = await screen.findByRole('article', { name: 'Spring launch' });
    const retry = within(card).getByRole('button', { name: 'Retry 2 failed' });
    expect(retry.getAttribute('title')).toMatch(/never contacted again/);
    const row = (handle: string) => screen.getByRole('row', { name: new RegExp(handle) });
    expect(await screen.findByText('@creator2')).toBeTruthy();
    expect(within(row('@creator2')).queryByText('retried')).toBeNull();

    await userEvent.click(retry);
    await waitFor(() => expect(bridge.callsOf('outreach:retryFailed')).toEqual([{ id: 7 }]));
    expect(await screen.findByText('2 failed deliveries are back in the queue.')).toBeTruthy();
    expect(await within(card).findByText('Sending')).toBeTruthy();
    // Nothing left to retry: the sensitive-word refusal is final.
    expect(within(card).queryByRole('button', { name: /Retry/ })).toBeNull();
    expect(await within(row('@creator2')).findByText('retried')).toBeTruthy();
    expect(within(row('@creator3')).getByText('retried').getAttribute('title')).toMatch(
      /^Sent back to the queue on /,
    );
    expect(within(row('@creator4')).queryByText('retried')).toBeNull();
  });

  it('says plainly when there is no Outreach yet', async () => {
    const bridge = new FakeBridge()
      .handle('accounts:list', () => ({ accounts: [] }) as never)
      .handle('outreach:list', () => ({ outreaches: [] }));
    render(
      <ToastProvider>
        <OutreachPage />
      </ToastProvider>,
      { wrapper: withApi(bridge) },
    );
    expect(await screen.findByRole('heading', { name: 'No outreach yet' })).toBeTruthy();
  });
});
