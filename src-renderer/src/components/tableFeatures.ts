import { tableFeatures } from '@tanstack/react-table';

/** The plain table: no sorting or filtering in the table itself (the database does both). */
export const plainTable = tableFeatures({});
export type PlainTable = typeof plainTable;
