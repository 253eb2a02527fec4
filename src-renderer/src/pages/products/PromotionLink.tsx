import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format/time';

/**
 * The product's affiliate promotion link (docs/promotion-links.md): shown when one is stored, copied by
 * the button, which generates it at TikTok first when there is none yet.
 */
export function PromotionLink(props: { shopId: string; productId: string }): ReactElement {
  const { shopId, productId } = props;
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  const stored = useChannelQuery('promotionLinks:get', { shopId, productIds: [productId] });
  const link = stored.data?.links[0] ?? null;
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => showToast({ tone: 'success', message: { key: 'products.promotionLinks.copied' } }),
      () => showToast({ tone: 'error', message: { key: 'products.promotionLinks.copyFailed' } }),
    );
  const generate = useChannelMutation('promotionLinks:generate', {
    invalidates: ['promotionLinks:get'],
    onSuccess: (answer) => void copy(answer.link.link),
  });
  const busy = generate.isPending;
  return (
    <section className="promotion-link" aria-labelledby="promotion-link-heading">
      <h3 id="promotion-link-heading" className="section-heading">
        {t('products.promotionLinks.heading')}
      </h3>
      {link ? (
        <p className="promotion-link-value">
          <a className="mono" href={link.link} target="_blank" rel="noopener noreferrer">
            {link.link}
          </a>
          <span className="muted">
            {t('products.promotionLinks.generatedAt', {
              when: formatDateTime(link.generatedAt, i18n.language),
            })}
          </span>
        </p>
      ) : (
        <p className="muted">{t('products.promotionLinks.none')}</p>
      )}
      <div className="promotion-link-actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy || stored.isPending}
          onClick={() => (link ? void copy(link.link) : generate.mutate({ shopId, productId }))}
        >
          {busy ? t('products.promotionLinks.generating') : t('products.promotionLinks.copy')}
        </button>
        {link && (
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={busy}
            onClick={() => generate.mutate({ shopId, productId, regenerate: true })}
          >
            {t('products.promotionLinks.regenerate')}
          </button>
        )}
      </div>
    </section>
  );
}
