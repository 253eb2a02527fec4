import {
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  creatorSortColumns,
  type CreatorFilter,
  type CreatorRow,
  type CreatorSort,
  type CreatorSortColumn,
} from '@shared/creators';
import { noteOpeningContentDrawn, useFirstPaintDone } from '../../api/firstPaint';
import { EmptyState } from '../../components/EmptyState';
import type { TableSort } from '../../components/VirtualTable';
import { ListPage } from '../../features/lists/ListPage';
import { useDebounced } from '../../hooks/useDebounced';
import { useElementWidth } from '../../hooks/useElementWidth';
import { BlocklistButton } from './BlocklistDialog';
import { ColumnsMenu } from './ColumnsMenu';
import { columnWidths, fitColumns, loadColumns, saveColumns } from './columns';
import { guessCardWidth } from './cardWidth';
import { categoryNamer } from './categoryName';
import { useCreatorColumns } from './creatorColumns';
import { CreatorFilters } from './CreatorFilters';
import { SaveListButton } from './SaveListButton';
import { ScoreRulesButton } from './ScoreRulesDialog';
import { loadFilter, saveFilter, usableFilter } from './savedFilter';
import { Selection } from './selection';
import { defaultCreatorSort } from './firstPage';
import { LazyBulkBar, LazyCreatorDetailDialog, preloadCreatorParts } from './lazyParts';
import { useCreatorFacets, useCreators } from './useCreators';

const creatorId = (c: CreatorRow): string => String(c.id);
const isSortColumn = (by: string): by is CreatorSortColumn =>
  (creatorSortColumns as readonly string[]).includes(by);

/** The creator CRM: every creator from every shop, searched, filtered and sorted in main, 100 rows a page. */
export function CreatorsPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<CreatorFilter>(loadFilter);
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 200);
  const [sort, setSort] = useState<CreatorSort>(defaultCreatorSort);
  const [chosen, setChosen] = useState<CreatorSortColumn[] | null>(loadColumns);
  const [cardRef, cardWidth] = useElementWidth<HTMLDivElement>(guessCardWidth);
  const columns = useMemo(() => chosen ?? fitColumns(cardWidth), [chosen, cardWidth]);
  const [selection, setSelection] = useState(Selection.none);
  const query = useMemo<CreatorFilter>(
    () => (debounced ? { ...usableFilter(filter), text: debounced } : usableFilter(filter)),
    [filter, debounced],
  );
  const list = useCreators(query, sort);
  const { facets, lists } = useCreatorFacets(!list.loading);
  const painted = useFirstPaintDone();
  // The window's first screen, when it opens here, is these rows painted (api/firstPaint.ts).
  useLayoutEffect(() => {
    if (!list.loading) noteOpeningContentDrawn();
  }, [list.loading]);
  // Not before the rows are painted: the parts' code would be evaluated between the rows drawn and painted.
  useEffect(() => {
    if (!list.loading && painted) preloadCreatorParts();
  }, [list.loading, painted]);
  const number = new Intl.NumberFormat(i18n.language);

  const changeFilter = (next: CreatorFilter): void => {
    setFilter(next);
    saveFilter(next);
    setSelection(Selection.none());
  };
  const onToggle = useCallback((id: number) => setSelection((s) => s.toggle(id)), []);
  const onToggleAll = useCallback(
    () => setSelection((s) => (s.mode === 'all' && s.except.size === 0 ? Selection.none() : Selection.all())),
    [],
  );
  const changeColumns = (next: CreatorSortColumn[]): void => {
    setChosen(next);
    saveColumns(next);
  };
  const categoryName = useMemo(() => categoryNamer(facets, t), [facets, t]);
  const tableColumns = useCreatorColumns({ columns, selection, onToggle, onToggleAll, categoryName });
  const tableSort: TableSort = { by: sort.column, desc: sort.direction === 'desc' };
  const selected = selection.count(list.total);
  const filtered = Object.keys(query).length > 0;

  return (
    <ListPage
      list={list}
      columns={tableColumns}
      getRowId={creatorId}
      label={t('creators.tableLabel')}
      hint={t('creators.tableHint')}
      columnWidths={columnWidths}
      cardRef={cardRef}
      className="creators-table"
      failedTitle={t('creators.failed.title')}
      loadingText={t('creators.loading')}
      filtered={filtered}
      sort={tableSort}
      sortable={columns}
      onSortChange={(next) => {
        if (isSortColumn(next.by)) setSort({ column: next.by, direction: next.desc ? 'desc' : 'asc' });
      }}
      toolbar={
        <>
          <CreatorFilters
            filter={filter}
            onChange={changeFilter}
            text={text}
            onText={setText}
            facets={facets}
            lists={lists}
            actions={
              <>
                <span className="list-count" role="status">
                  {list.total === null
                    ? t('creators.counting')
                    : t('creators.count', { count: list.total, formatted: number.format(list.total) })}
                </span>
                <SaveListButton filter={query} />
                <ScoreRulesButton />
                <BlocklistButton />
                <ColumnsMenu columns={columns} onChange={changeColumns} />
              </>
            }
          />
          {selected > 0 && (
            <Suspense fallback={null}>
              <LazyBulkBar
                count={selected}
                selection={() => selection.toInput(query)}
                lists={lists}
                onDone={() => setSelection(Selection.none())}
                sample={() =>
                  list.items
                    .filter((c) => selection.has(c.id))
                    .slice(0, 50)
                    .map((c) => ({ id: c.id, label: c.handle ? `@${c.handle}` : (c.nickname ?? `#${c.id}`) }))
                }
              />
            </Suspense>
          )}
        </>
      }
      empty={<EmptyState icon="creators" title={t('creators.empty.title')} body={t('creators.empty.body')} />}
      noMatch={
        <EmptyState
          icon="search"
          title={t('creators.noMatch.title')}
          body={
            // The hint names what is narrowing the list: the search, the filters, or both.
            Object.keys(filter).length === 0
              ? t('lists.noMatch.search', { query: debounced })
              : debounced
                ? t('creators.noMatch.body')
                : t('creators.noMatch.filters')
          }
        />
      }
      renderDetail={(row, close, returnFocus) => (
        <Suspense fallback={null}>
          <LazyCreatorDetailDialog id={row.id} onClose={close} returnFocus={returnFocus} />
        </Suspense>
      )}
    />
  );
}
