import { type ReactElement, type ReactNode, type Ref } from 'react';
import { useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { KeysetList } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { plainTable, type PlainTable } from '../../components/tableFeatures';
import { VirtualTable, type TableSort } from '../../components/VirtualTable';
import { useDetailDialog } from './useDetailDialog';

// Columns hold cells of different value types; the table only needs their shared shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ListColumns<T extends RowData> = ReadonlyArray<ColumnDef<PlainTable, T, any>>;

export interface ListPageProps<T extends RowData> {
  list: KeysetList<T>;
  columns: ListColumns<T>;
  getRowId: (item: T) => string;
  /** The table's accessible name, and the hint read after it (how to open a row). */
  label: string;
  hint: string;
  /** Filters and search, above the table. */
  toolbar: ReactNode;
  /** Count, freshness and the like, beside the toolbar. */
  meta?: ReactNode;
  /** "Your … couldn't be loaded". */
  failedTitle: string;
  loadingText: string;
  /** The list is empty with no filter set / with filters set. */
  empty: ReactNode;
  noMatch: ReactNode;
  filtered: boolean;
  /** Server-side sorting: the sorted column, and the column ids a header click may sort by. */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort) => void;
  sortable?: readonly string[];
  /** The dialog for an opened row; `close` returns focus to the list. */
  renderDetail?: (item: T, close: () => void, returnFocus: () => HTMLElement | null) => ReactNode;
  /** Fixed column widths in px by column id (VirtualTable). */
  columnWidths?: Readonly<Record<string, number>>;
  /** Attached to the table's card, for a page that fits its columns to the width it has. */
  cardRef?: Ref<HTMLDivElement>;
  className?: string;
}

/**
 * Every list of synced or local entities (orders, products, creators, outreach): a toolbar, then the first
 * page's loading line, "couldn't load → Try again", an empty or no-match state, or the virtual table with a
 * sticky header, keyboard focus, sortable headers and infinite scroll; a row opens its detail dialog.
 */
export function ListPage<T extends RowData>(props: ListPageProps<T>): ReactElement {
  const { list, columns, getRowId, label, hint, toolbar, meta, failedTitle, loadingText } = props;
  const { cardRef, renderDetail } = props;
  const detail = useDetailDialog<T>();
  const table = useTable({
    features: plainTable,
    columns: columns as ColumnDef<PlainTable, T>[],
    data: list.items,
    getRowId,
  });

  let content: ReactNode;
  if (list.error) content = <LoadFailed title={failedTitle} error={list.error} onRetry={list.reload} />;
  else if (list.loading) content = <p className="loading-line muted">{loadingText}</p>;
  else if (list.items.length === 0) content = props.filtered ? props.noMatch : props.empty;
  else
    content = (
      <VirtualTable
        table={table}
        label={label}
        hint={hint}
        total={list.total ?? list.items.length}
        busy={list.busy}
        onOpen={detail.open}
        onNearEnd={list.loadMore}
        sort={props.sort ?? null}
        onSortChange={props.onSortChange}
        sortable={props.sortable}
        columnWidths={props.columnWidths}
        className={props.className}
      />
    );

  return (
    <div className="page data-page">
      <div className="toolbar list-toolbar">
        <div className="list-filters">{toolbar}</div>
        {meta && <div className="list-meta">{meta}</div>}
      </div>
      <div ref={cardRef} className="card card-flush" aria-busy={list.busy}>
        {content}
      </div>
      {list.moreError && (
        <LoadFailed compact title={failedTitle} error={list.moreError} onRetry={list.loadMore} />
      )}
      {detail.item !== null && renderDetail?.(detail.item, detail.close, detail.returnFocus)}
    </div>
  );
}
