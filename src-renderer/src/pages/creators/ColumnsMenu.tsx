import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorSortColumn } from '@shared/creators';
import { Dialog } from '../../components/Dialog';
import { allColumns } from './columns';

/** Choose and order the table's columns; the handle column always stays first. */
export function ColumnsMenu(props: {
  columns: CreatorSortColumn[];
  onChange: (c: CreatorSortColumn[]) => void;
}): ReactElement {
  const { columns, onChange } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hidden = allColumns.filter((c) => !columns.includes(c));
  const move = (i: number, by: number): void => {
    const next = [...columns];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    onChange(next);
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('creators.columnsMenu.open')}
      </button>
      {open && (
        <Dialog title={t('creators.columnsMenu.title')} onClose={() => setOpen(false)}>
          <ul className="plain-list columns-list">
            {[...columns, ...hidden].map((c) => {
              const i = columns.indexOf(c);
              const shown = i >= 0;
              const name = t(`creators.columns.${c}`);
              return (
                <li key={c} className="columns-row">
                  <label>
                    <input
                      type="checkbox"
                      checked={shown}
                      disabled={c === 'handle'}
                      onChange={() => onChange(shown ? columns.filter((x) => x !== c) : [...columns, c])}
                    />{' '}
                    {name}
                  </label>
                  {shown && c !== 'handle' && (
                    <span className="columns-move">
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('creators.columnsMenu.left', { name })}
                        disabled={i <= 1}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('creators.columnsMenu.right', { name })}
                        disabled={i === columns.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={() => setOpen(false)}>
              {t('creators.columnsMenu.done')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
