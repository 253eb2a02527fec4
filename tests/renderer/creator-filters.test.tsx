import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatorFacets, CreatorFilter } from '@shared/creators';
import i18n from '../../src-renderer/src/i18n';
import { CreatorFilters } from '../../src-renderer/src/pages/creators/CreatorFilters';
import { loadFilter, saveFilter, usableFilter } from '../../src-renderer/src/pages/creators/savedFilter';

const facets: CreatorFacets = {
  regions: ['GB', 'US'],
  // One category the merchant's products name, one they don't (TikTok sends creators' categories as ids).
  categories: [
    { id: '601450', name: 'Beauty & Personal Care' },
    { id: '604579', name: null },
  ],
  currencies: ['GBP', 'USD'],
  shops: [{ shopId: 's1', name: 'Maple US', region: 'US' }],
  tags: [{ id: 1, name: 'VIP', creators: 3 }],
};

/** The bar as the page holds it: every change is the new filter, and the last one is what a test reads. */
function Bar(props: { initial?: CreatorFilter; seen: CreatorFilter[]; actions?: ReactNode }): ReactElement {
  const [filter, setFilter] = useState<CreatorFilter>(props.initial ?? {});
  return (
    <CreatorFilters
      filter={filter}
      onChange={(f) => {
        props.seen.push(f);
        setFilter(f);
      }}
      text=""
      onText={() => {}}
      facets={facets}
      lists={[]}
      actions={props.actions}
    />
  );
}

function setup(initial?: CreatorFilter, actions?: ReactNode) {
  const seen: CreatorFilter[] = [];
  const user = userEvent.setup();
  render(<Bar initial={initial} seen={seen} actions={actions} />);
  return { seen, user, last: () => seen.at(-1) };
}

const chips = () => screen.queryByRole('list', { name: 'Active filters' });

beforeEach(() => localStorage.clear());
afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('the Creators filter bar', () => {
  it('filters units sold, average video views, engagement, GMV and score by both ends', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Units sold from' }), '100');
    await user.type(screen.getByRole('spinbutton', { name: 'Units sold up to' }), '5000');
    await user.type(screen.getByRole('spinbutton', { name: 'Avg. video views from' }), '2000');
    // Engagement is typed in percent and searched in hundredths of a percent.
    await user.type(screen.getByRole('spinbutton', { name: 'Engagement from (%)' }), '2.5');
    await user.type(screen.getByRole('spinbutton', { name: 'GMV up to (USD)' }), '1000');
    // A score above 100 is read as 100, the most a score can be.
    await user.type(screen.getByRole('spinbutton', { name: 'Score up to' }), '250');
    expect(last()).toEqual({
      unitsSold: { min: 100, max: 5000 },
      avgVideoViews: { min: 2000 },
      engagement: { min: 250 },
      gmv: { currency: 'USD', max: 100_000 },
      score: { max: 100 },
    });
    const list = within(chips()!);
    expect(list.getByText('Units sold: 100–5,000')).toBeTruthy();
    expect(list.getByText('Avg. video views: ≥ 2,000')).toBeTruthy();
    expect(list.getByText('Engagement: ≥ 2.5 %')).toBeTruthy();
    expect(list.getByText('GMV: ≤ $1,000.00')).toBeTruthy();
    expect(list.getByText('Score: ≤ 100')).toBeTruthy();
  });

  it('filters by source and by both "last contacted" bounds, each a chip removed on its own', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'CSV import');
    await user.type(screen.getByRole('spinbutton', { name: 'Not contacted for (days)' }), '30');
    await user.type(screen.getByRole('spinbutton', { name: 'Contacted in the last (days)' }), '90');
    expect(last()).toEqual({ sources: ['import'], lastContacted: { notWithinDays: 30, withinDays: 90 } });
    const list = within(chips()!);
    expect(list.getByText('Source: CSV import')).toBeTruthy();
    expect(list.getByText('Not contacted in the last 30 days')).toBeTruthy();
    await user.click(list.getByRole('button', { name: 'Remove filter Not contacted in the last 30 days' }));
    expect(last()).toEqual({ sources: ['import'], lastContacted: { withinDays: 90 } });
    expect(screen.getByRole('spinbutton', { name: 'Not contacted for (days)' })).toHaveProperty('value', '');
    await user.click(list.getByRole('button', { name: 'Remove filter Contacted in the last 90 days' }));
    expect(last()).toEqual({ sources: ['import'] });
  });

  it('shows a chip for every active filter, even with More filters closed, removed from the keyboard', async () => {
    const { user, last } = setup({
      regions: ['US'],
      followers: { min: 10_000, max: 100_000 },
      tagIds: [1],
      shopIds: ['s1'],
    });
    const list = within(chips()!);
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Region: US×',
      'Tag: VIP×',
      'Shop: Maple US×',
      'Followers: 10,000–100,000×',
    ]);
    expect(screen.getByRole('button', { name: 'More filters (2 set)' })).toBeTruthy();
    list.getByRole('button', { name: 'Remove filter Followers: 10,000–100,000' }).focus();
    await user.keyboard('{Enter}');
    expect(last()).toEqual({ regions: ['US'], tagIds: [1], shopIds: ['s1'] });
  });

  it('reads in rows, Tab in the same order: search and menus, More filters and the actions, the open panel, the chips', async () => {
    const { user } = setup({ regions: ['US'] }, <button type="button">Columns</button>);
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    const stops = [...document.querySelectorAll('input, select, button')].map(
      (e) =>
        e.getAttribute('aria-label') ?? (e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent,
    );
    expect(stops.slice(0, 8)).toEqual([
      'Search creators',
      'Region',
      'Stage',
      'Tag',
      'List',
      'More filters',
      'Columns',
      'Category',
    ]);
    expect(stops.slice(-2)).toEqual(['Remove filter Region: US', 'Clear filters']);
    // The first row's menus are the "Filters" group; the panel is a group of its own, named as its button.
    const first = within(screen.getByRole('group', { name: 'Filters' }));
    expect(first.getAllByRole('combobox')).toHaveLength(4);
    expect(first.getByRole('searchbox', { name: 'Search creators' })).toBeTruthy();
    expect(first.queryByRole('button')).toBeNull();
    expect(
      within(screen.getByRole('group', { name: 'More filters' })).getByRole('combobox', { name: 'Shop' }),
    ).toBeTruthy();
  });

  it('offers categories by name, an unnamed id in words, and names the chosen one in its chip', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    const select = screen.getByRole('combobox', { name: 'Category' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('Beauty & Personal Care');
    expect(options).toContain('Unknown category (604579)');
    await user.selectOptions(select, within(select).getByRole('option', { name: 'Beauty & Personal Care' }));
    expect(last()).toEqual({ categories: ['601450'] });
    expect(within(chips()!).getByText('Category: Beauty & Personal Care')).toBeTruthy();
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(
      within(screen.getByRole('combobox', { name: '类目' })).getByText('未知类目（604579）'),
    ).toBeTruthy();
  });

  it('names a range whose "from" is above its "up to" and leaves it out of the search', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Units sold from' }), '500');
    await user.type(screen.getByRole('spinbutton', { name: 'Units sold up to' }), '100');
    const from = screen.getByRole('spinbutton', { name: 'Units sold from' });
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      '“Units sold from” is above “Units sold up to”: this range is not applied until you fix it.',
    );
    expect(usableFilter(last()!)).toEqual({});
    expect(chips()).toBeNull();
  });

  it('speaks Chinese', async () => {
    await act(() => i18n.changeLanguage('zh-CN'));
    const { user } = setup({ unitsSold: { min: 100 }, lastContacted: { notWithinDays: 30 } });
    await user.click(screen.getByRole('button', { name: '更多筛选（已设 2 项）' }));
    expect(screen.getByRole('spinbutton', { name: '销量不少于' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '来源' })).toBeTruthy();
    const list = within(screen.getByRole('list', { name: '当前筛选' }));
    expect(list.getByText('销量：≥ 100')).toBeTruthy();
    expect(list.getByRole('button', { name: '移除筛选 最近 30 天未联系' })).toBeTruthy();
  });
});

describe('the kept filter', () => {
  it('comes back as it was saved, without the ranges still being typed', () => {
    saveFilter({
      regions: ['US'],
      engagement: { min: 100 },
      unitsSold: { min: 9, max: 1 },
      lastContacted: { notWithinDays: 30 },
    });
    expect(loadFilter()).toEqual({
      regions: ['US'],
      engagement: { min: 100 },
      lastContacted: { notWithinDays: 30 },
    });
  });

  it('reads a damaged or foreign entry as no filter, and forgets an empty one', () => {
    localStorage.setItem('shopmesh.creators.filter', '{"followers":{"min":-5}}');
    expect(loadFilter()).toEqual({});
    localStorage.setItem('shopmesh.creators.filter', 'not json');
    expect(loadFilter()).toEqual({});
    saveFilter({ regions: ['US'] });
    saveFilter({});
    expect(localStorage.getItem('shopmesh.creators.filter')).toBeNull();
  });
});
