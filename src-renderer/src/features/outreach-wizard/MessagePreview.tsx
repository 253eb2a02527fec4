import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { InitialsAvatar } from '../../components/InitialsAvatar';

/** What a product card shows: the product's title and price, and its shop. */
export interface CardProduct {
  title: string;
  price: string | null;
  shopName: string | null;
}

/** What one message of a non-text type looks like on the creator's side. */
export type MessageLook =
  | { type: 'IMAGE'; src: string | null; fileName: string; width: number | null; height: number | null }
  /** `product` null: the Outreach's first product, chosen in each Outreach. */
  | { type: 'PRODUCT_CARD'; product: CardProduct | null }
  | { type: 'TARGET_COLLABORATION_CARD'; productNames: string | null; commission: string | null };

/**
 * A message as the creator sees it in TikTok's seller chat: the shop's avatar beside a picture or a card. The
 * look is ShopMesh's own drawing of TikTok's message types (docs/tiktok-api/outreach.md, "Message types"),
 * so the merchant sees what a picture or card will say before anything is sent; the creator's name heads it.
 */
export function MessagePreview(props: {
  look: MessageLook;
  shopName: string;
  creator: string | null;
  label: string;
}): ReactElement {
  const { look, shopName } = props;
  const { t } = useTranslation();
  return (
    <div className="wizard-preview message-preview" role="region" aria-label={props.label}>
      <p className="field-label">
        {props.creator
          ? t('outreach.templates.look.as', { creator: props.creator })
          : t('outreach.wizard.previewTitle')}
      </p>
      <div className="message-preview-row">
        <InitialsAvatar name={shopName || '?'} size="sm" />
        <div className="message-preview-body">
          <span className="message-preview-from muted">{shopName}</span>
          {look.type === 'IMAGE' && <ImageLook look={look} />}
          {look.type === 'PRODUCT_CARD' && <ProductLook product={look.product} />}
          {look.type === 'TARGET_COLLABORATION_CARD' && <CollaborationLook look={look} shopName={shopName} />}
        </div>
      </div>
    </div>
  );
}

function ImageLook({ look }: { look: Extract<MessageLook, { type: 'IMAGE' }> }): ReactElement {
  const { t } = useTranslation();
  if (!look.src)
    return (
      <Card>
        <p className="muted message-card-empty">{t('outreach.templates.look.noImage')}</p>
      </Card>
    );
  return (
    <img
      className="message-image"
      src={look.src}
      alt={t('outreach.templates.look.imageAlt', { file: look.fileName })}
      width={look.width ?? undefined}
      height={look.height ?? undefined}
    />
  );
}

function ProductLook({ product }: { product: CardProduct | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <Card label={t('outreach.templates.look.productCard')}>
      <div className="message-card-product">
        <span className="message-card-thumb" aria-hidden="true">
          <Icon name="products" size={22} />
        </span>
        <div className="message-card-text">
          {product ? (
            <>
              <span className="message-card-title">{product.title}</span>
              {product.price && <span className="message-card-price">{product.price}</span>}
              {product.shopName && <span className="muted message-card-meta">{product.shopName}</span>}
            </>
          ) : (
            <>
              <span className="message-card-title">{t('outreach.templates.look.firstProduct')}</span>
              <span className="muted message-card-meta">{t('outreach.templates.look.firstProductHint')}</span>
            </>
          )}
        </div>
      </div>
      <span className="message-card-action">{t('outreach.templates.look.viewProduct')}</span>
    </Card>
  );
}

function CollaborationLook(props: {
  look: Extract<MessageLook, { type: 'TARGET_COLLABORATION_CARD' }>;
  shopName: string;
}): ReactElement {
  const { t } = useTranslation();
  const { look } = props;
  return (
    <Card label={t('outreach.templates.look.collaborationCard')}>
      <span className="message-card-kicker">{t('outreach.templates.look.collaborationKicker')}</span>
      <span className="message-card-title">
        {t('outreach.templates.look.collaborationTitle', { shop: props.shopName })}
      </span>
      <dl className="message-card-facts">
        <dt>{t('outreach.templates.look.commission')}</dt>
        <dd>{look.commission ?? t('outreach.templates.look.fromOutreach')}</dd>
        <dt>{t('outreach.templates.look.products')}</dt>
        <dd>{look.productNames ?? t('outreach.templates.look.fromOutreach')}</dd>
      </dl>
      <span className="message-card-action">{t('outreach.templates.look.viewInvitation')}</span>
    </Card>
  );
}

function Card(props: { label?: string; children: ReactNode }): ReactElement {
  return (
    <figure className="message-card" aria-label={props.label}>
      {props.children}
    </figure>
  );
}
