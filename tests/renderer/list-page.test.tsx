import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createColumnHelper } from '@tanstack/react-table';
import type { OrderView } from '@shared/orders';
import type { KeysetList } from '../../src-renderer/src/api';
import { settledList } from './keyset-list';
import type { PlainTable } from '../../src-renderer/src/components/tableFeatures';
import type { TableSort } from '../../src-renderer/src/components/VirtualTable';
import { ListPage } from '../../src-renderer/src/features/lists/ListPage';
import { order } from './orders-fixture';

const helper = createColumnHelper<PlainTable, OrderView>();
const columns = helper.columns([
  helper.accessor('orderId', { id: 'orderId', header: () => 'Order ID', cell: (i) => i.getValue() }),
  helper.accessor('units', { id: 'units', header: () => 'Units', cell: (i) => String(i.getValue()) }),
  helper.accessor('createTime', {
    id: 'created',
    header: () => 'Created',
    cell: (i) => String(i.getValue()),
  }),
]);

const list = (items: OrderView[], overrides: Partial<KeysetList<OrderView>> = {}) =>
  settledList(items, overrides);

/** The columns with a control in each row: a tick box, and a button that may be disabled. */
function columnsWithControls(ticked: ReadonlySet<string>, onTick: (id: string) => void) {
  return [
    helper.display({
      id: 'tick',
      header: () => 'Tick',
      cell: (i) => (
        <input
          type="checkbox"
          aria-label={`Select ${i.row.original.orderId}`}
          checked={ticked.has(i.row.original.orderId)}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onTick(i.row.original.orderId)}
        />
      ),
    }),
    ...columns,
    helper.display({
      id: 'note',
      header: () => 'Note',
      cell: (i) => <span>Note of {i.row.original.orderId}</span>,
    }),
    helper.display({
      id: 'copy',
      header: () => 'Copy',
      cell: (i) => (
        <button type="button" onClick={(event) => event.stopPropagation()}>
          Copy {i.row.original.orderId}
        </button>
      ),
    }),
  ];
}

function Page(props: {
  list: KeysetList<OrderView>;
  onSort?: (sort: TableSort) => void;
  withControls?: boolean;
}) {
  const [sort, setSort] = useState<TableSort | null>({ by: 'created', desc: true });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const tick = (id: string) =>
    setTicked((now) => new Set(now.has(id) ? [...now].filter((t) => t !== id) : [...now, id]));
  return (
    <ListPage
      list={props.list}
      columns={props.withControls ? columnsWithControls(ticked, tick) : columns}
      getRowId={(o) => o.orderId}
      label="Orders"
      hint="Arrows move, Enter opens"
      toolbar={null}
      failedTitle="Your orders couldn't be loaded"
      loadingText="Loading orders…"
      empty={<p>No orders yet</p>}
      noMatch={<p>No matching orders</p>}
      filtered={false}
      sortable={['created']}
      sort={sort}
      onSortChange={(next) => {
        setSort(next);
        props.onSort?.(next);
      }}
      renderDetail={(o, close) => (
        <div role="dialog" aria-label={`Order ${o.orderId}`}>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      )}
    />
  );
}

const orders = Array.from({ length: 30 }, (_, i) => order(i + 1));

// happy-dom lays nothing out: give the table's scroll box the height of ten rows and let it scroll (and say
// so with a scroll event) as a browser would.
beforeAll(() => {
  const isScroller = (el: HTMLElement) => el.classList.contains('data-table-scroll');
  const scrollTops = new WeakMap<HTMLElement, number>();
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? 450 : ((height?.get?.call(this) as number | undefined) ?? 0);
  });
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    // The rows' height as the virtualizer lays them out (45 px each) plus the header.
    if (this instanceof HTMLElement && isScroller(this)) return 40 + 45 * orders.length;
    return (scrollHeight?.get?.call(this) as number | undefined) ?? 0;
  });
  const top = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    if (this instanceof HTMLElement && isScroller(this)) return scrollTops.get(this) ?? 0;
    return (top?.get?.call(this) as number | undefined) ?? 0;
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (!(this instanceof HTMLElement) || typeof options !== 'object') return;
    scrollTops.set(this, Math.max(0, options.top ?? 0));
    this.dispatchEvent(new Event('scroll'));
  };
  Element.prototype.scrollIntoView = () => undefined;
});

describe('ListPage and its virtual table', () => {
  it('is a named table whose rows take focus with the arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    const loadMore = vi.fn();
    render(<Page list={list(orders, { hasMore: true, total: 500, loadMore })} />);
    const table = screen.getByRole('table', { name: 'Orders' });
    expect(table.getAttribute('aria-rowcount')).toBe('501');

    // Tab: the sortable header's button, then the rows' one Tab stop.
    await user.tab();
    expect(document.activeElement?.textContent).toContain('Created');
    await user.tab();
    const first = within(table).getAllByRole('row')[1]!;
    expect(document.activeElement).toBe(first);
    expect(first.textContent).toContain('o-0001');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('o-0003');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toContain('o-0002');

    // Only one row is a Tab stop, whichever has focus.
    expect(
      within(table)
        .getAllByRole('row')
        .filter((r) => r.tabIndex === 0),
    ).toHaveLength(1);

    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('o-0030'));
    // The last loaded rows are in view: the next page is asked for.
    expect(loadMore).toHaveBeenCalled();
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toContain('o-0001');
  });

  it('is one Tab stop even when its rows hold controls, which the arrow keys reach from their row', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Page list={list(orders)} withControls />
        <button type="button">After the table</button>
      </>,
    );
    const table = screen.getByRole('table', { name: 'Orders' });
    const body = table.querySelector('tbody')!;
    // Nothing in the rows but the one row is in the Tab order.
    const tabbable = [...body.querySelectorAll<HTMLElement>('tr, input, button')].filter(
      (e) => e.tabIndex >= 0,
    );
    expect(tabbable).toEqual([within(table).getAllByRole('row')[1]]);

    await user.tab(); // the sortable header
    await user.tab();
    expect(document.activeElement?.textContent).toContain('o-0001');
    await user.keyboard('{ArrowDown}');
    const row = document.activeElement as HTMLElement;
    expect(row.tagName).toBe('TR');
    expect(row.textContent).toContain('o-0002');
    // The next Tab leaves the table: a row is one stop, its controls none.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After the table' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(row);

    // Right arrow goes into the row's controls, along them, and Left back out to the row.
    await user.keyboard('{ArrowRight}');
    const box = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select o-0002' });
    expect(document.activeElement).toBe(box());
    // Space ticks the box, not the row; the page draws the box anew and focus stays on it.
    await user.keyboard(' ');
    expect(box().checked).toBe(true);
    expect(document.activeElement).toBe(box());
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy o-0002' }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(row);
    // F2 goes in too, Escape comes back; Down from a control moves to the next row.
    await user.keyboard('{F2}');
    expect(document.activeElement).toBe(box());
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(row);
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement?.tagName).toBe('TR');
    expect(document.activeElement?.textContent).toContain('o-0003');
    // Still one Tab stop, on the row last focused.
    expect(
      [...body.querySelectorAll<HTMLElement>('tr, input, button')].filter((e) => e.tabIndex >= 0),
    ).toEqual([document.activeElement]);
  });

  it("updates its cells' elements when the page hands it new columns: a press and its release still meet", async () => {
    const user = userEvent.setup();
    render(<Page list={list(orders)} withControls />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select o-0002' });
    const copy = screen.getByRole('button', { name: 'Copy o-0003' });
    // Ticking gives the page new column definitions (its tick state is in them), as rows landing from main
    // or a product opened into its SKUs do: every cell is drawn again, into the elements already there.
    await user.click(box);
    expect(box.checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Select o-0002' })).toBe(box);
    expect(screen.getByRole('button', { name: 'Copy o-0003' })).toBe(copy);

    // A press on a row's text, a redraw before the release, the release where the text is now: the click
    // goes where press and release share an element (as in Chromium), which a replaced text would not.
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByText('Note of o-0004') });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select o-0005' }));
    await user.pointer({ keys: '[/MouseLeft]', target: screen.getByText('Note of o-0004') });
    expect(screen.getByRole('dialog', { name: 'Order o-0004' })).toBeTruthy();
  });

  it('opens the focused row with Enter and returns focus to it on close', async () => {
    const user = userEvent.setup();
    render(<Page list={list(orders)} />);
    await user.tab();
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Order o-0002' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('sorts from the header: aria-sort says which way, a second click turns it round', async () => {
    const onSort = vi.fn();
    render(<Page list={list(orders)} onSort={onSort} />);
    const created = screen.getByRole('columnheader', { name: /Created/ });
    expect(created.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: 'Units' }).getAttribute('aria-sort')).toBeNull();

    fireEvent.click(within(created).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith({ by: 'created', desc: false });
    expect(created.getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows why loading failed and retries, instead of an empty list', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    const { AppError } = await import('@shared/errors');
    render(<Page list={list([], { error: new AppError('OFFLINE', 'offline'), reload })} />);
    expect(screen.getByRole('alert').textContent).toContain("Your orders couldn't be loaded");
    expect(screen.queryByText('No orders yet')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledOnce();
  });
});
