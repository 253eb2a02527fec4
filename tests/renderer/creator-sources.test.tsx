import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ContactsView } from '@shared/creator-contacts';
import type { Sample } from '@shared/samples';
import { ContactsSection } from '../../src-renderer/src/features/creator-sources/ContactsSection';
import { useSampleOverdueAlerts } from '../../src-renderer/src/features/creator-sources/useSampleOverdueAlerts';
import { SampleDetailDialog } from '../../src-renderer/src/pages/samples/SampleDetailDialog';
import { FakeBridge, renderEventToasts, withApi } from './fake-bridge';

const pending: Sample = {
  applicationId: 'app-1',
  shopId: 's1',
  shopName: 'Maple US',
  creatorId: 7,
  creatorHandle: 'mia.makes',
  creatorNickname: '<img src=x onerror=alert(1)>',
  productId: 'p1',
  productTitle: 'Rose lip oil',
  skuName: 'Pink',
  skuImageUrl: null,
  status: 'PENDING',
  group: 'to_review',
  fulfillmentStatus: null,
  commissionBp: 1500,
  orderId: null,
  trackingNumber: null,
  approveExpiresAt: 1_800_000_000_000,
  isApprovable: true,
  disapprovableReasons: [],
  partnerName: null,
  firstSeenAt: 1_790_000_000_000,
  statusSince: 1_790_000_000_000,
  deliveredAt: null,
  contentDueAt: null,
  firstContentAt: null,
  postedOnTime: null,
  overdue: false,
  review: null,
};

function dialog(bridge: FakeBridge, sample: Sample = pending) {
  bridge.handle('samples:get', () => ({ ...sample, creatorStats: null, contents: [] }));
  render(
    <SampleDetailDialog
      sample={sample}
      shopName="Maple US"
      onClose={() => undefined}
      returnFocus={() => null}
    />,
    { wrapper: withApi(bridge) },
  );
  return screen.getByRole('dialog', { name: /^Sample request from / });
}

describe('sample request dialog', () => {
  it('approves through samples:review and shows what TikTok answered', async () => {
    const bridge = new FakeBridge().handle('samples:review', () => ({
      sample: { ...pending, status: 'AWAITING_SHIPMENT', group: 'in_progress', review: null },
      outcome: 'done',
    }));
    const d = dialog(bridge);
    await userEvent.click(within(d).getByRole('button', { name: 'Approve' }));
    await within(d).findByText('Approved. TikTok creates the sample order.');
    expect(within(d).getByText('To ship')).toBeTruthy();
    expect(bridge.callsOf('samples:review')).toEqual([{ applicationId: 'app-1', decision: 'APPROVE' }]);
  });

  it('rejects only with one of TikTok’s reasons; a lost review is reported as not applied', async () => {
    const bridge = new FakeBridge().handle('samples:review', () => ({
      sample: pending,
      outcome: 'not_applied',
    }));
    const d = dialog(bridge);
    const reject = within(d).getByRole('button', { name: 'Reject' });
    expect((reject as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(within(d).getByLabelText('Reason'), 'OUT_OF_STOCK');
    await userEvent.click(reject);
    await within(d).findByText(
      'TikTok did not receive the review. Nothing changed; you can review it again.',
    );
    expect(bridge.callsOf('samples:review')).toEqual([
      { applicationId: 'app-1', decision: 'REJECT', reason: 'OUT_OF_STOCK' },
    ]);
  });

  it('an agency’s request offers no review; markup in names stays text', () => {
    const d = dialog(new FakeBridge(), { ...pending, partnerName: 'Bright Agency', creatorHandle: null });
    expect(
      within(d).getByText('Requested through Bright Agency: only that agency can review it.'),
    ).toBeTruthy();
    expect(within(d).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(d).getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
    expect(d.querySelector('img')).toBeNull();
  });
});

describe('private contacts section', () => {
  it('shows masks, reveals one value on request, and removes a kind', async () => {
    let view: ContactsView = {
      creatorId: 7,
      locked: false,
      items: [
        { kind: 'email', masked: 'm•••@e•••.com' },
        { kind: 'phone', masked: '••••••00' },
      ],
      updatedAt: 1,
    };
    const bridge = new FakeBridge()
      .handle('creators:contacts', () => view)
      .handle('creators:revealContact', ({ kind }) => ({ creatorId: 7, kind, value: 'mia@example.com' }))
      .handle('creators:clearContacts', () => {
        view = { ...view, items: view.items.filter((i) => i.kind !== 'phone') };
        return view;
      });
    render(<ContactsSection creatorId={7} />, { wrapper: withApi(bridge) });
    await screen.findByText('m•••@e•••.com');
    expect(screen.queryByText('mia@example.com')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Reveal Email' }));
    await screen.findByText('mia@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Hide Email' }));
    expect(screen.queryByText('mia@example.com')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Phone' }));
    await waitFor(() => expect(screen.queryByText('••••••00')).toBeNull());
    expect(bridge.callsOf('creators:clearContacts')).toEqual([{ creatorId: 7, kinds: ['phone'] }]);
  });
});

describe('overdue alerts', () => {
  it('a samples:overdue event with new overdue posts is said wherever the merchant is', async () => {
    const bridge = new FakeBridge();
    renderEventToasts(bridge, useSampleOverdueAlerts);
    await waitFor(() => expect(bridge.listenerCount('samples:overdue')).toBe(1));
    bridge.emit('samples:overdue', { count: 2, newly: [] });
    bridge.emit('samples:overdue', { count: 2, newly: [{ ...pending, overdue: true }, pending] });
    await screen.findByText('2 sample posts are now overdue. See Free samples → Overdue.');
    expect(screen.getAllByText(/overdue\. See Free samples/)).toHaveLength(1);
  });
});
