import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createColumnHelper } from '@tanstack/react-table';
import type { OrderView } from '@shared/orders';
import { settledList } from './keyset-list';
import type { PlainTable } from '../../src-renderer/src/components/tableFeatures';
import { ListPage } from '../../src-renderer/src/features/lists/ListPage';
import { useElementWidth } from '../../src-renderer/src/hooks/useElementWidth';
import { order } from './orders-fixture';

/**
 * The first render of a page with a virtual table must not make the browser lay the page out from a layout
 * effect (reading a size, writing a scroll position): Chromium did that whole layout there and then, and
 * again in the frame once the rows drawn for the size read were in (`creators.table.firstRows.ms`).
 */

/** A ResizeObserver that reports when the test says so, as Chromium does after a frame's layout. */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  unobserve(): void {}
  disconnect(): void {
    this.targets.length = 0;
  }
  /** The frame's layout is done: every observer hears about its elements. */
  static afterLayout(): void {
    for (const observer of FakeResizeObserver.all)
      if (observer.targets.length > 0)
        observer.callback(
          observer.targets.map((target) => ({ target }) as ResizeObserverEntry),
          observer as unknown as ResizeObserver,
        );
  }
}

/** Every read of an element's size and every scroll written, by element. */
const layoutReads: { element: Element; what: string }[] = [];
const sizes = new Map<string, { width: number; height: number }>();
const sizeOf = (element: Element) => sizes.get([...element.classList].find((c) => sizes.has(c)) ?? '');

beforeEach(() => {
  FakeResizeObserver.all = [];
  layoutReads.length = 0;
  sizes.clear();
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  if (document.defaultView && document.defaultView !== globalThis)
    vi.spyOn(document.defaultView, 'ResizeObserver', 'get').mockReturnValue(
      FakeResizeObserver as unknown as typeof ResizeObserver,
    );
  for (const what of ['clientWidth', 'clientHeight'] as const)
    vi.spyOn(HTMLElement.prototype, what, 'get').mockImplementation(function (this: HTMLElement) {
      layoutReads.push({ element: this, what });
      return sizeOf(this)?.[what === 'clientWidth' ? 'width' : 'height'] ?? 0;
    });
  Element.prototype.scrollTo = function (this: Element) {
    layoutReads.push({ element: this, what: 'scrollTo' });
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const helper = createColumnHelper<PlainTable, OrderView>();
const columns = helper.columns([
  helper.accessor('orderId', { id: 'orderId', header: () => 'Order ID', cell: (i) => i.getValue() }),
]);
const orders = Array.from({ length: 200 }, (_, i) => order(i + 1));
const list = settledList(orders);

function Page() {
  return (
    <ListPage
      list={list}
      columns={columns}
      getRowId={(o) => o.orderId}
      label="Orders"
      hint="Arrows move, Enter opens"
      toolbar={null}
      failedTitle="Your orders couldn't be loaded"
      loadingText="Loading orders…"
      empty={<p>No orders yet</p>}
      noMatch={<p>No matching orders</p>}
      filtered={false}
    />
  );
}

/** Rows a box of `height` px shows (45 px each, the table's row height) and the two drawn ahead of them. */
const rowsFor = (height: number): number => Math.ceil(height / 45) + 2;
const dataRows = (): number =>
  screen.getAllByRole('row').filter((r) => r.classList.contains('data-row')).length;

describe('a virtual table’s first render', () => {
  it('draws rows without reading its box, and the rows of the size observed after layout before that paint', () => {
    render(<Page />);
    // Committed, layout effects run: nothing asked the browser for a layout, and rows are drawn.
    expect(layoutReads.map((r) => r.what)).toEqual([]);
    expect(dataRows()).toBeGreaterThan(0);

    // The frame's layout: the observer says how high the box is. Not in act(): its callback itself draws
    // the rows that size shows, so the frame being drawn paints them.
    for (const height of [450, 1400]) {
      sizes.set('data-table-scroll', { width: 900, height });
      FakeResizeObserver.afterLayout();
      expect(dataRows()).toBe(rowsFor(height));
    }
  });
});

function Measured(props: { guess?: () => number | null }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(props.guess);
  return (
    <div ref={ref} className="measured" data-testid="measured">
      {width ?? 'unknown'}
    </div>
  );
}

describe('an element’s width', () => {
  it('is the guess until observed, read by no layout effect, and the observed width is drawn in the same frame', () => {
    render(<Measured guess={() => 1062} />);
    expect(layoutReads).toEqual([]);
    expect(screen.getByTestId('measured').textContent).toBe('1062');

    sizes.set('measured', { width: 700, height: 0 });
    // Not in act(): the observer's callback itself draws the new width, before that frame is painted.
    FakeResizeObserver.afterLayout();
    expect(screen.getByTestId('measured').textContent).toBe('700');
  });
});
