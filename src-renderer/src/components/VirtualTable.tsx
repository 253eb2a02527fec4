import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { Cell, Header, ReactTable, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useFirstPaintDone } from '../api/firstPaint';
import { Icon } from './Icon';
import { editsWithArrows, keepRowControlsUntabbable, rowControls } from './rowControls';
import { guessedBoxRect, observeRectAfterLayout, scrollUnlessJustMet } from './scrollBoxObservers';
import type { PlainTable } from './tableFeatures';

/** The column the database sorts by (tables never sort loaded rows themselves: the list is paged). */
export interface TableSort {
  by: string;
  desc: boolean;
}

const rowHeight = 45;
const loadAheadRows = 20;

/**
 * A cell's content: its column's `cell` called as a function here, not drawn as a component of its own
 * (FlexRender). Pages build their columns from their state (ticks, opened products, the loaded rows), so
 * every change brings new `cell` functions; as components each was a new type, and React replaced every
 * cell's elements. A click pressed on an element and released on its replacement reaches no row (Chromium
 * sends no click), and the control that had focus left the page. Called here, the elements stay and update.
 */
function CellContent<T extends RowData>(props: { cell: Cell<PlainTable, T> }): ReactNode {
  const draw = props.cell.column.columnDef.cell;
  const content: ReactNode = typeof draw === 'function' ? draw(props.cell.getContext()) : draw;
  return content;
}

/** A header's content, kept across new column definitions as a cell's is (the "tick all" box). */
function HeaderContent<T extends RowData>(props: { header: Header<PlainTable, T> }): ReactNode {
  const { header } = props;
  if (header.isPlaceholder) return null;
  const draw = header.column.columnDef.header;
  const content: ReactNode = typeof draw === 'function' ? draw(header.getContext()) : draw;
  return content;
}

/**
 * A table that renders only the rows in view (spacer rows keep the scroll height), with a sticky header.
 * Rows are one Tab stop: arrows, Page Up/Down, Home and End move between them (scrolling as needed) and
 * Enter or Space opens the focused one. The controls inside a row (a tick box, an expander) are not Tab
 * stops of their own: Right arrow or F2 moves from the row into them, Left/Right between them, and Left
 * from the first, Escape or F2 back to the row. Nearing the end of the loaded rows asks for more.
 */
export function VirtualTable<T extends RowData>(props: {
  table: ReactTable<PlainTable, T>;
  label: string;
  /** Read after the table's name: how to open a row. */
  hint: string;
  /** All matching rows, loaded or not (aria-rowcount). */
  total: number;
  busy: boolean;
  onOpen: (item: T) => void;
  onNearEnd: () => void;
  /** Column ids whose header sorts the list (ascending first, then descending). */
  sortable?: readonly string[];
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort) => void;
  /** Fixed widths in px by column id; other columns share what is left. */
  columnWidths?: Readonly<Record<string, number>>;
  className?: string;
}): ReactElement {
  const { table, label, hint, total, busy, onOpen, onNearEnd, className } = props;
  const { sortable = [], sort = null, onSortChange } = props;
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const hintId = useId();
  const [active, setActive] = useState(0);
  const wantFocus = useRef(false);
  const focusedControl = useRef<{ element: HTMLElement; row: string; at: number } | null>(null);

  // Rows beyond the view are drawn ahead for scrolling, but not in the window's first screen: there they
  // only delay its paint (`creators.table.firstRows.ms`); they follow once it is painted.
  const painted = useFirstPaintDone();
  const [firstRect] = useState(guessedBoxRect);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: painted ? 12 : 2,
    // The first render draws the rows of the box its CSS sets, without reading the box (scrollBoxObservers.ts).
    initialRect: firstRect,
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollUnlessJustMet,
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const lastShown = items.at(-1)?.index ?? -1;
  // The Tab stop stays on a rendered row even when the active one has scrolled out of the DOM.
  const tabStop = items.some((item) => item.index === activeIndex) ? activeIndex : (items[0]?.index ?? 0);

  useEffect(() => {
    if (rows.length > 0 && lastShown >= rows.length - loadAheadRows) onNearEnd();
  }, [lastShown, rows.length, onNearEnd]);

  // Runs on every render: the rows in view change as the table scrolls, and cells draw their own controls.
  useLayoutEffect(() => {
    const tbody = body.current;
    if (!tbody) return;
    keepRowControlsUntabbable(tbody);
    // A cell that draws another element in place of its control (its state changed) takes focus with it:
    // focus moves to the control that took its place, not to the page.
    const lost = focusedControl.current;
    if (!lost || lost.element.isConnected) return;
    focusedControl.current = null;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    const row = tbody.querySelector(`tr[data-index="${lost.row}"]`);
    if (row) rowControls(row)[lost.at]?.focus({ preventScroll: true });
  });

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>): void => {
    // Focus events bubble from the rows' controls: the target is any element of the body.
    const target: EventTarget = event.target;
    const row = target instanceof HTMLElement ? target.closest('tr') : null;
    focusedControl.current =
      target instanceof HTMLElement && row && row !== target && row.dataset.index !== undefined
        ? { element: target, row: row.dataset.index, at: rowControls(row).indexOf(target) }
        : null;
  };

  useEffect(() => {
    if (!wantFocus.current) return;
    const row = body.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (row) {
      wantFocus.current = false;
      row.focus({ preventScroll: true });
      // The virtualizer scrolled its own box; this also brings that box's row into the window and keeps
      // it clear of the sticky header (scroll-padding in CSS).
      row.scrollIntoView({ block: 'nearest' });
    }
  });

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    wantFocus.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => {
        const row = rows[activeIndex];
        if (row) onOpen(row.original);
      },
    };
    keys[' '] = keys.Enter as () => void;
    const focused = event.target;
    if (!(focused instanceof HTMLTableRowElement)) return;
    const firstControl = rowControls(focused)[0];
    if (firstControl) keys.ArrowRight = keys.F2 = () => firstControl.focus();
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  // In the capture phase: a row's controls keep their own keys from the row (a tick box stops them).
  const onControlKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const control = event.target;
    if (!(control instanceof HTMLElement) || control instanceof HTMLTableRowElement) return;
    const row = control.closest('tr');
    if (!row) return;
    const controls = rowControls(row);
    const at = controls.indexOf(control);
    const arrows = !editsWithArrows(control);
    const toRow = () => row.focus();
    const keys: Record<string, () => void> = {
      Escape: toRow,
      F2: toRow,
      ...(arrows && {
        ArrowLeft: () => (at > 0 ? controls[at - 1]?.focus() : toRow()),
        ArrowRight: () => controls[at + 1]?.focus(),
        ArrowUp: () => moveTo(activeIndex - 1),
        ArrowDown: () => moveTo(activeIndex + 1),
      }),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div ref={scroller} className={`table-scroll data-table-scroll ${className ?? ''}`} aria-busy={busy}>
      <span id={hintId} className="visually-hidden">
        {hint}
      </span>
      <table
        className="table data-table"
        aria-label={label}
        aria-describedby={hintId}
        aria-rowcount={total + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const content = <HeaderContent header={header} />;
                const width = props.columnWidths?.[id];
                const style = width === undefined ? undefined : { width };
                if (!onSortChange || !sortable.includes(id))
                  return (
                    <th key={header.id} scope="col" className={`col-${id}`} style={style}>
                      {content}
                    </th>
                  );
                const sorted = sort?.by === id ? sort : null;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${id}`}
                    style={style}
                    aria-sort={sorted ? (sorted.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSortChange({ by: id, desc: sorted ? !sorted.desc : false })}
                    >
                      {content}
                      <Icon name={sorted ? (sorted.desc ? 'sortDesc' : 'sortAsc') : 'sortNone'} size={14} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown} onKeyDownCapture={onControlKeyDown} onFocus={onFocus}>
          {padTop > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="data-row"
                tabIndex={item.index === tabStop ? 0 : -1}
                onFocus={() => setActive(item.index)}
                onClick={() => {
                  setActive(item.index);
                  onOpen(row.original);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <CellContent cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
