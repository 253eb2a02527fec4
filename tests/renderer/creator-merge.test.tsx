import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MergeDialog } from '../../src-renderer/src/pages/creators/MergeDialog';
import { previewMerge } from '../../src-renderer/src/pages/creators/mergePreview';
import { creatorDetail as detail, creatorSearchRow as row } from './creators-fixture';
import { FakeBridge, withApi } from './fake-bridge';

const shop = (shopId: string, name: string) => ({
  shopId,
  name,
  region: 'US',
  sources: ['collaboration'],
  firstSeenAt: 1,
  lastSeenAt: 2,
});

const mia = detail(row(1, 'mia.makes', { stage: 'contacted' }), {
  tags: [{ id: 1, name: 'beauty' }],
  shops: [shop('s1', 'Maple US')],
  notes: [{ id: 1, creatorId: 1, body: 'Likes briefs', createdAt: 1, updatedAt: 1 }],
  scoreOverride: null,
});
const miaUk = detail(row(2, 'mia_uk', { stage: 'sample_sent', region: 'GB' }), {
  tags: [
    { id: 1, name: 'beauty' },
    { id: 2, name: 'uk' },
  ],
  shops: [shop('s2', 'Maple UK')],
  lists: [{ id: 4, name: 'Spring launch' }],
  scoreOverride: { score: 88, reason: 'Great past results', at: 5 },
});

describe('merge preview', () => {
  it('follows the merge rules: unions, the further stage, the kept score first, the kept contact shown', () => {
    const p = previewMerge(
      { detail: mia, contacts: ['email'] },
      { detail: miaUk, contacts: ['email', 'phone'] },
    );
    expect(p.records).toBe(2);
    expect(p.shops).toEqual(['Maple US', 'Maple UK']);
    expect(p.tags).toEqual(['beauty', 'uk']);
    expect(p.lists).toEqual(['Spring launch']);
    expect(p.notes).toBe(1);
    expect(p.stage).toEqual({ value: 'sample_sent', from: 'other' });
    // The kept one has no score by hand: the other's comes with its reason.
    expect(p.scoreOverride).toEqual({ score: 88, reason: 'Great past results', from: 'other' });
    expect(p.contacts).toEqual([
      { kind: 'email', from: 'kept' },
      { kind: 'phone', from: 'other' },
    ]);
    expect(p.shadowedContacts).toEqual(['email']);
    expect(p.blocked).toBe(false);

    const reverse = previewMerge({ detail: miaUk, contacts: [] }, { detail: mia, contacts: null });
    expect(reverse.scoreOverride?.from).toBe('kept');
    expect(reverse.stage).toEqual({ value: 'sample_sent', from: 'kept' });
    expect(reverse.contacts).toEqual([]);
  });
});

describe('merge dialog', () => {
  it('finds the other creator by keyboard, shows what merges, and merges keeping the one chosen', async () => {
    const onMerged = vi.fn();
    const bridge = new FakeBridge()
      .handle('creators:search', (input) => ({
        // The creator itself is among the matches and must not be offered.
        items: input.filter?.text === 'mia' ? [mia.creator, miaUk.creator] : [],
        nextCursor: null,
      }))
      .handle('creators:get', (input) => (input.id === 2 ? miaUk : mia))
      .handle('creators:contacts', (input) => ({
        creatorId: input.creatorId,
        locked: false,
        items: input.creatorId === 1 ? [{ kind: 'email', masked: 'm•••@e•••.com' }] : [],
        updatedAt: null,
      }))
      .handle('creators:merge', (input) => ({ creatorId: input.keepId }));
    render(<MergeDialog creator={mia} onClose={() => undefined} onMerged={onMerged} />, {
      wrapper: withApi(bridge),
    });
    const d = screen.getByRole('dialog', { name: 'Merge @mia.makes with another creator' });
    const box = within(d).getByRole('combobox', { name: 'Creator to merge with' });
    expect(document.activeElement).toBe(box);
    await userEvent.type(box, 'mia');
    const option = await within(d).findByRole('option', { name: /@mia_uk/ });
    expect(within(d).getAllByRole('option')).toHaveLength(1);
    expect(box.getAttribute('aria-activedescendant')).toBe(option.id);
    await userEvent.keyboard('{Enter}');

    const table = await within(d).findByRole('table', { name: 'What the merged creator will hold' });
    const cells = (name: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('Pipeline stage')).toEqual(['Contacted', 'Sample sent', 'Sample sent']);
    expect(cells('Tags')).toEqual(['beauty', 'beauty, uk', 'beauty, uk']);
    expect(cells('Score set by hand')).toEqual(['—', '88', '88']);
    expect(cells('Private contacts')).toEqual(['Email', '—', 'Email']);

    await userEvent.click(within(d).getByRole('radio', { name: 'Keep @mia_uk' }));
    expect(within(table).getByRole('columnheader', { name: '@mia_uk (kept)' })).toBeTruthy();
    await userEvent.click(within(d).getByRole('button', { name: 'Merge creators' }));
    await vi.waitFor(() => expect(onMerged).toHaveBeenCalledWith(2));
    expect(bridge.callsOf('creators:merge')).toEqual([{ keepId: 2, mergeId: 1 }]);
  });

  it('says when nothing else matches, and Escape closes the list before the dialog', async () => {
    const onClose = vi.fn();
    const bridge = new FakeBridge()
      .handle('creators:search', () => ({ items: [mia.creator], nextCursor: null }))
      .handle('creators:contacts', (input) => ({
        creatorId: input.creatorId,
        locked: false,
        items: [],
        updatedAt: null,
      }));
    render(<MergeDialog creator={mia} onClose={onClose} onMerged={() => undefined} />, {
      wrapper: withApi(bridge),
    });
    const box = screen.getByRole('combobox', { name: 'Creator to merge with' });
    await userEvent.type(box, 'zz');
    await screen.findByText('No other creator matches.');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(onClose).not.toHaveBeenCalled();
  });
});
