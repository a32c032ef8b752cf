/**
 * A table for the desk screens (reviewer, insurer, dashboard): a caption
 * names it, column headers and one row header per row are `th` with their
 * scope, and on a narrow screen it scrolls sideways inside a focusable region
 * named by the caption, so a keyboard can scroll it too.
 */
import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** This column names the row (read out before each cell of the row). */
  rowHeader?: boolean;
  /** Numbers align to the end. */
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What an empty table says. */
  empty: ReactNode;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  const captionId = `${useId()}-caption`;
  const align = (c: Column<Row>) => (c.numeric ? 'num' : undefined);
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={align(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={align(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={align(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
