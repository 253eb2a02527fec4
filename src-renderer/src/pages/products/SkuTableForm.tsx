import type { ReactElement, ReactNode } from 'react';

/**
 * A form over a product's SKUs, one table row each, with its submit button under the table: the frame the
 * costs editor and the price/stock editor share. `after` sits between the table and the button (errors,
 * hints).
 */
export function SkuTableForm(props: {
  columns: ReactNode[];
  children: ReactNode;
  after?: ReactNode;
  submitLabel: string;
  submitDisabled: boolean;
  primary?: boolean;
  onSubmit: () => void;
}): ReactElement {
  return (
    <form
      className="sku-editor"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <div className="table-scroll detail-table-scroll">
        <table className="table">
          <thead>
            <tr>
              {props.columns.map((column, i) => (
                <th key={i} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
      {props.after}
      <div className="dialog-actions">
        <button
          type="submit"
          className={props.primary ? 'button button-primary' : 'button'}
          disabled={props.submitDisabled}
        >
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
