import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/outreach';
import { useChannelQuery } from '../../api';
import { formatMoney, formatMoneyRange } from '../../format/money';
import type { CardProduct, MessageLook } from './MessagePreview';

/** The product of a card, read from the synced catalogue (title, price, shop); null while unknown. */
export function useCardProduct(productId: string | null): CardProduct | null {
  const { i18n } = useTranslation();
  const detail = useChannelQuery(
    'products:detail',
    { productId: productId ?? '' },
    { enabled: productId !== null },
  );
  const p = detail.data;
  if (productId === null || !p || p.product.productId !== productId) return null;
  const { minPrice, maxPrice } = p.product;
  const price =
    minPrice && maxPrice && minPrice.amountMinor !== maxPrice.amountMinor
      ? formatMoneyRange(minPrice, maxPrice, i18n.language)
      : minPrice
        ? formatMoney(minPrice, i18n.language)
        : null;
  return { title: p.product.title, price, shopName: p.shopName };
}

/**
 * How a saved message template of another type than TEXT looks to the creator in an Outreach: its picture
 * (asked of main), the card of its own product or else of the Outreach's first product, or the invitation's
 * card with the Outreach's commission and products. Null for a text (main renders those).
 */
export function useSavedLook(
  template: Template | null,
  values: { productNames?: string; commission?: string },
  firstProductId: string | null,
): MessageLook | null {
  const type = template?.messageType ?? 'TEXT';
  const picture = useChannelQuery(
    'templates:image',
    { id: template?.id ?? 0 },
    { enabled: type === 'IMAGE' && template?.image != null },
  );
  const productId = type === 'PRODUCT_CARD' ? (template?.productId ?? firstProductId) : null;
  const product = useCardProduct(productId);
  if (!template) return null;
  switch (type) {
    case 'TEXT':
      return null;
    case 'IMAGE': {
      const image = template.image;
      return {
        type: 'IMAGE',
        src: image && picture.data ? `data:${image.mime};base64,${picture.data.data}` : null,
        fileName: image?.fileName ?? '',
        width: image?.width ?? null,
        height: image?.height ?? null,
      };
    }
    case 'PRODUCT_CARD':
      return { type: 'PRODUCT_CARD', product };
    case 'TARGET_COLLABORATION_CARD':
      return {
        type: 'TARGET_COLLABORATION_CARD',
        productNames: values.productNames ?? null,
        commission: values.commission ?? null,
      };
  }
}
