import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { ProductView } from '@shared/catalogue';
import type { PlainTable } from '../../components/tableFeatures';
import type { ListColumns } from '../../features/lists/ListPage';
import { DayCell, TextCell } from '../../features/lists/cells';
import { priceRange } from './productText';
import { ProductStatusBadge } from './productStatus';

const helper = createColumnHelper<PlainTable, ProductView>();

/** The Products table's columns. */
export function useProductColumns(shopName: (shopId: string) => string): ListColumns<ProductView> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    return helper.columns([
      helper.accessor('title', {
        id: 'title',
        header: () => t('products.columns.title'),
        cell: (info) => <TextCell text={info.getValue()} />,
      }),
      helper.accessor('shopId', {
        id: 'shop',
        header: () => t('products.columns.shop'),
        cell: (info) => <TextCell text={shopName(info.getValue())} />,
      }),
      helper.accessor('status', {
        id: 'status',
        header: () => t('products.columns.status'),
        cell: (info) => <ProductStatusBadge status={info.getValue()} />,
      }),
      helper.accessor((product) => product, {
        id: 'price',
        header: () => t('products.columns.price'),
        cell: (info) => priceRange(info.getValue(), language),
      }),
      helper.accessor('inventory', {
        id: 'inventory',
        header: () => t('products.columns.inventory'),
        cell: (info) => number.format(info.getValue()),
      }),
      helper.accessor('skuCount', {
        id: 'skus',
        header: () => t('products.columns.skus'),
        cell: (info) => number.format(info.getValue()),
      }),
      helper.accessor('updateTime', {
        id: 'updated',
        header: () => t('products.columns.updated'),
        cell: (info) => <DayCell at={info.getValue()} language={language} />,
      }),
    ]);
  }, [t, language, shopName]);
}
