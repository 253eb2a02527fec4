import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '@shared/catalogue';
import type { AppError } from '@shared/errors';
import { errorText, useChannelQuery } from '../../api';
import { Icon } from '../../components/Icon';

/**
 * A product's pictures in its dialog: the chosen one large, the others as thumbnails to pick. Main fetches
 * each from TikTok's image hosts (or its cache, so a picture seen once shows offline) and hands it over as a
 * `data:` URL; the window itself loads nothing remote. Every state says what it is: being read, never read,
 * none at TikTok, not available now (with the reason).
 */
export function ProductPictures(props: {
  productId: string;
  title: string;
  images: ProductDetail['images'];
  /** `reading`: the product is being read from TikTok; `notRead`: its pictures were never read. */
  state: 'reading' | 'notRead' | 'read';
  /** Why the last read failed, when it did. */
  readError: AppError | null;
}): ReactElement {
  const { productId, title, images, state } = props;
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(0);
  const selected = Math.min(chosen, Math.max(images.length - 1, 0));
  const count = images.length;
  const picture = useChannelQuery(
    'products:image',
    { productId, index: selected, variant: 'full' },
    { enabled: state === 'read' && count > 0 },
  );
  let main: ReactElement;
  if (state === 'reading') {
    main = <PictureNote busy text={t('products.pictures.reading')} />;
  } else if (state === 'notRead') {
    main = (
      <PictureNote
        text={t('products.pictures.notRead')}
        detail={props.readError ? errorText(props.readError) : null}
      />
    );
  } else if (count === 0) {
    main = <PictureNote text={t('products.pictures.none')} />;
  } else if (picture.data) {
    main = (
      <img
        className="product-picture-image"
        src={picture.data.dataUrl}
        alt={t('products.pictures.alt', { title, n: selected + 1, count })}
      />
    );
  } else if (picture.error) {
    main = <PictureNote text={t('products.pictures.unavailable')} detail={errorText(picture.error)} />;
  } else {
    main = <PictureNote busy text={t('products.pictures.loading')} />;
  }
  return (
    <div className="product-pictures">
      <div className="product-picture">{main}</div>
      {state === 'read' && count > 1 && (
        <ul className="product-thumbs" aria-label={t('products.pictures.thumbs')}>
          {images.map((_, index) => (
            <li key={index}>
              <button
                type="button"
                className="product-thumb"
                aria-pressed={index === selected}
                aria-label={t('products.pictures.show', { n: index + 1, count })}
                onClick={() => setChosen(index)}
              >
                <Thumb productId={productId} index={index} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Thumb(props: { productId: string; index: number }): ReactElement {
  const thumb = useChannelQuery('products:image', { ...props, variant: 'thumb' });
  if (thumb.data) return <img src={thumb.data.dataUrl} alt="" />;
  return (
    <span className={thumb.isPending ? 'product-thumb-empty skeleton' : 'product-thumb-empty'}>
      {!thumb.isPending && <Icon name="image" size={16} />}
    </span>
  );
}

/** What stands where the picture would: an icon and a line, and the reason when there is one. */
function PictureNote(props: { text: string; detail?: string | null; busy?: boolean }): ReactElement {
  return (
    <div
      className={props.busy ? 'product-picture-note skeleton' : 'product-picture-note'}
      role="status"
      aria-busy={props.busy ? 'true' : undefined}
    >
      <Icon name="image" size={28} />
      <span>{props.text}</span>
      {props.detail && <span className="product-picture-detail">{props.detail}</span>}
    </div>
  );
}
