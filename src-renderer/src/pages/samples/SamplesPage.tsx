import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { sampleGroups, type Sample, type SampleGroup } from '@shared/samples';
import { useChannelList, useChannelQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { Tabs } from '../../components/Tabs';
import { ListPage } from '../../features/lists/ListPage';
import { useShops } from '../../hooks/useShops';
import { SampleDetailDialog } from './SampleDetailDialog';
import { useSampleColumns } from './sampleColumns';
import './samples.css';

const pageSize = 100;
const applicationId = (s: Sample) => s.applicationId;
/** New applications come with a sync; an overdue alert means some moved to "overdue". */
const refreshOn = ['sync:statusChanged', 'samples:overdue'] as const;

/** Free-sample requests of every shop, by where they stand, with the review and the post to follow. */
export function SamplesPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const shops = useShops();
  const [group, setGroup] = useState<SampleGroup>('to_review');
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const scope = shopId ? { shopId } : {};
  // The counts per group come with every page; one row is enough to read them for the tabs.
  const counts = useChannelQuery('samples:list', { ...scope, limit: 1 }, { invalidateOn: refreshOn });
  const list = useChannelList(
    'samples:list',
    { ...scope, group, limit: pageSize },
    {
      cursorParam: 'cursor',
      items: (page) => page.items,
      next: (page) => page.nextCursor,
      total: (page) => page.counts[group],
      getId: applicationId,
      invalidateOn: refreshOn,
    },
  );
  const columns = useSampleColumns(shops.shopName);
  const count = (g: SampleGroup) => counts.data?.counts[g];
  const tabs = sampleGroups.map((g) => {
    const n = count(g);
    return {
      key: g,
      label: n === undefined ? t(`samples.group.${g}`) : `${t(`samples.group.${g}`)} (${number.format(n)})`,
    };
  });

  return (
    <div className="page samples-page">
      <Tabs label={t('samples.groupsLabel')} tabs={tabs} selected={group} onSelect={setGroup}>
        <ListPage
          list={list}
          columns={columns}
          getRowId={applicationId}
          label={t('samples.tableLabel', { group: t(`samples.group.${group}`) })}
          hint={t('samples.tableHint')}
          toolbar={
            <>
              <FilterSelect
                label={t('samples.shop')}
                allLabel={t('samples.allShops')}
                value={shopId}
                options={shops.shops.map((s) => ({ value: s.shopId, label: s.name }))}
                onChange={setShopId}
              />
              <p className="muted samples-group-hint">{t(`samples.groupHint.${group}`)}</p>
            </>
          }
          meta={
            list.total !== null && (
              <span className="list-count">{t('samples.count', { count: list.total })}</span>
            )
          }
          failedTitle={t('samples.failed')}
          loadingText={t('samples.loading')}
          filtered={shopId !== undefined}
          empty={
            <EmptyState
              icon="megaphone"
              title={t(`samples.empty.${group}.title`)}
              body={t(`samples.empty.${group}.body`)}
            />
          }
          noMatch={
            <EmptyState
              icon="search"
              title={t(`samples.empty.${group}.title`)}
              body={t('samples.noMatch', { shop: shopId ? shops.shopName(shopId) : '' })}
            />
          }
          className="samples-table"
          renderDetail={(sample, close, returnFocus) => (
            <SampleDetailDialog
              sample={sample}
              shopName={shops.shopName(sample.shopId)}
              onClose={close}
              returnFocus={returnFocus}
            />
          )}
        />
      </Tabs>
    </div>
  );
}
