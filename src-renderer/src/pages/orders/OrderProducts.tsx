import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '@shared/orders';
import { hasMatch, markMatches, searchWords } from './searchMarks';

type Line = OrderView['lines'][number];

/** Text with the matched starts of words in `<mark>`; merchant text stays text (React escapes it). */
export function Marked(props: { text: string; words: readonly string[] }): ReactElement {
  return (
    <>
      {markMatches(props.text, props.words).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

/** One line as the cell names it: product, SKU name, and the seller SKU when that is what matched. */
function lineText(line: Line, words: readonly string[]): string {
  const parts = [line.productName, line.skuName];
  if (words.length > 0 && hasMatch(line.sellerSku, words)) parts.push(line.sellerSku);
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/**
 * What an order is: its first item (the first matched one during a search, matched words marked) and how
 * many other items it has. TikTok lists one line per unit, so lines of one SKU count once.
 */
export function OrderProducts(props: { order: OrderView; search: string }): ReactElement {
  const { order, search } = props;
  const { t } = useTranslation();
  const items = [...new Map(order.lines.map((line) => [line.skuId, line])).values()];
  const matched = new Set(order.match?.lineIds ?? []);
  const words = matched.size > 0 ? searchWords(search) : [];
  const first = order.lines.find((line) => matched.has(line.lineId)) ?? (items[0] as Line | undefined);
  if (!first) return <span className="muted">—</span>;
  const others = items.filter((line) => line.skuId !== first.skuId).length;
  const whole = items.map((line) => lineText(line, [])).join('\n');
  return (
    <span className="order-products" title={whole}>
      <span className="cell-text order-products-name">
        <Marked text={lineText(first, words)} words={words} />
      </span>
      {others > 0 && (
        <span className="order-products-more muted">{t('orders.products.more', { count: others })}</span>
      )}
    </span>
  );
}
