import { act, render, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatorRow } from '@shared/creators';
import { settledList } from './keyset-list';
import { ListPage } from '../../src-renderer/src/features/lists/ListPage';
import i18n from '../../src-renderer/src/i18n';
import { useCreatorColumns } from '../../src-renderer/src/pages/creators/creatorColumns';
import { Selection } from '../../src-renderer/src/pages/creators/selection';
import { creatorSearchRow } from './creators-fixture';

/**
 * The creators table's badges are drawn in every row of the window's first render: their words come from the
 * columns, translated once per stage, not from a `useTranslation` and a `t` call per badge
 * (`creators.table.firstRows.ms`, docs/creators.md), and they still follow a language switch.
 */

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', NoResizeObserver);
  if (document.defaultView && document.defaultView !== globalThis)
    vi.spyOn(document.defaultView, 'ResizeObserver', 'get').mockReturnValue(
      NoResizeObserver as unknown as typeof ResizeObserver,
    );
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await act(() => i18n.changeLanguage('en'));
});

// Two stages over many rows: the first screen's rows repeat a few stages.
const rows: CreatorRow[] = Array.from({ length: 40 }, (_, i) =>
  creatorSearchRow(i + 1, `maker${i + 1}`, { stage: i % 2 === 0 ? 'new' : 'contacted', score: 75 }),
);
const list = settledList(rows);

function Table(): ReactElement {
  const [selection] = useState(Selection.none);
  const columns = useCreatorColumns({
    columns: ['handle', 'score', 'stage'],
    selection,
    onToggle: () => undefined,
    onToggleAll: () => undefined,
    categoryName: (id) => id,
  });
  return (
    <ListPage
      list={list}
      columns={columns}
      getRowId={(c) => String(c.id)}
      label="Creators"
      hint="Arrows move"
      toolbar={null}
      failedTitle="Failed"
      loadingText="Loading"
      empty={<p>None</p>}
      noMatch={<p>No match</p>}
      filtered={false}
    />
  );
}

const stageBadges = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.badge-stage')];

describe('the creators table’s badges', () => {
  it('translate each stage once per set of columns, not once per row', () => {
    const t = vi.spyOn(i18n, 't');
    render(<Table />);
    const drawn = stageBadges();
    // Enough rows drawn that a translation per row would show.
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    const stageCalls = t.mock.calls.filter(([key]) => String(key).startsWith('creators.stage.'));
    expect(stageCalls.map(([key]) => String(key)).sort()).toEqual([
      'creators.stage.contacted',
      'creators.stage.new',
    ]);
    expect(drawn.map((b) => b.textContent)).toEqual(drawn.map((_, i) => (i % 2 === 0 ? 'New' : 'Contacted')));
  });

  it('follow a language switch', async () => {
    render(<Table />);
    expect(stageBadges()[0]?.textContent).toBe('New');
    expect(screen.getAllByLabelText('Score 75 of 100').length).toBe(stageBadges().length);
    await act(() => i18n.changeLanguage('zh-CN'));
    const zh = i18n.getFixedT('zh-CN');
    expect(stageBadges()[0]?.textContent).toBe(zh('creators.stage.new'));
    expect(stageBadges()[1]?.textContent).toBe(zh('creators.stage.contacted'));
    expect(zh('creators.stage.new')).not.toBe('New');
    expect(screen.getAllByLabelText(zh('creators.scoreLabel', { score: 75 })).length).toBe(
      stageBadges().length,
    );
  });
});
