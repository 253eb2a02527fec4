import type { ReactElement } from 'react';
import {
  createColumnHelper,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnHelper,
  type RowData,
} from '@tanstack/react-table';

/** What a static table's column may say about itself. */
export interface StaticColumnMeta {
  /** Figures: right-aligned with the other numbers (`col-num`). */
  numeric?: boolean;
}

const staticTable = tableFeatures({ columnMeta: {} as StaticColumnMeta });
export type StaticTableFeatures = typeof staticTable;

// Columns hold cells of different value types; the table only needs their shared shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StaticColumns<T extends RowData> = ReadonlyArray<ColumnDef<StaticTableFeatures, T, any>>;

/** The column helper for a `StaticTable`'s rows. */
export function staticColumns<T extends RowData>(): ColumnHelper<StaticTableFeatures, T> {
  return createColumnHelper<StaticTableFeatures, T>();
}

/**
 * A short table shown whole (a preview, a dialog's lines, a page of search results): TanStack Table's
 * column definitions over plain rows, without the virtual list's paging and keyboard model. Each cell
 * carries its column's class (`col-<id>`, plus `col-num` for figures), so a page styles a column once.
 */
export function StaticTable<T extends RowData>(props: {
  columns: StaticColumns<T>;
  data: readonly T[];
  getRowId: (row: T) => string;
  /** The table's accessible name, when nothing on the page names it already. */
  label?: string;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
}): ReactElement {
  const table = useTable({
    features: staticTable,
    columns: props.columns as ColumnDef<StaticTableFeatures, T>[],
    data: props.data as T[],
    getRowId: props.getRowId,
  });
  const cellClass = (id: string, meta: StaticColumnMeta | undefined) =>
    meta?.numeric ? `col-${id} col-num` : `col-${id}`;
  return (
    <table className={props.className ? `table ${props.className}` : 'table'} aria-label={props.label}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th
                key={header.id}
                scope="col"
                className={cellClass(header.column.id, header.column.columnDef.meta)}
              >
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={props.rowClassName?.(row.original)}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={cellClass(cell.column.id, cell.column.columnDef.meta)}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
