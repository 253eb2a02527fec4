import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { imageMimes, maxImageBytes, type TemplateImage } from '@shared/outreach';

/** A picture chosen from disk, not saved yet: what `templates:save` takes, and what the preview shows. */
export interface PickedImage {
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
  /** A data: URL of the same bytes (the page's CSP allows no other local picture source). */
  src: string;
  size: number;
  width: number;
  height: number;
}

/** What the picker shows: the new picture, else the saved one. */
export interface ShownImage {
  fileName: string;
  src: string | null;
  size: number;
  width: number;
  height: number;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

function pixelSize(src: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('not a picture'));
    img.src = src;
  });
}

/**
 * The picture of an IMAGE message: chosen from disk with a button (keyboard and screen reader friendly; the
 * file input itself stays out of the tab order), checked here for what TikTok's upload takes — jpg, png, gif
 * or webp of at most 10 MB — so a wrong file is named at once; main checks the file's own header again when
 * the template is saved. Shows a thumbnail with the file's name, pixel size and weight.
 */
export function ImagePicker(props: {
  shown: ShownImage | null;
  onPick: (image: PickedImage) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const megabytes = (bytes: number): string =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    }).format(bytes / 1024 / 1024);
  const kilobytes = (bytes: number): string =>
    bytes < 1024 * 1024
      ? new Intl.NumberFormat(i18n.language, {
          style: 'unit',
          unit: 'kilobyte',
          maximumFractionDigits: 0,
        }).format(Math.max(1, bytes / 1024))
      : megabytes(bytes);
  const pick = async (file: File): Promise<void> => {
    setError(null);
    if (!(imageMimes as readonly string[]).includes(file.type))
      return setError(t('outreach.templates.image.wrongType', { file: file.name }));
    if (file.size > maxImageBytes)
      return setError(
        t('outreach.templates.image.tooLarge', {
          file: file.name,
          size: megabytes(file.size),
          max: megabytes(maxImageBytes),
        }),
      );
    setReading(true);
    try {
      const src = await readDataUrl(file);
      const { width, height } = await pixelSize(src);
      props.onPick({
        fileName: file.name,
        data: src.slice(src.indexOf(',') + 1),
        src,
        size: file.size,
        width,
        height,
      });
    } catch {
      setError(t('outreach.templates.image.unreadable', { file: file.name }));
    } finally {
      setReading(false);
    }
  };
  const shown = props.shown;
  return (
    <div className="image-picker" role="group" aria-label={t('outreach.templates.image.label')}>
      <span className="field-label">{t('outreach.templates.image.label')}</span>
      <div className="image-picker-row">
        {shown?.src ? (
          <img
            className="image-picker-thumb"
            src={shown.src}
            alt={t('outreach.templates.image.thumbAlt', { file: shown.fileName })}
          />
        ) : (
          <span className="image-picker-thumb image-picker-empty muted" aria-hidden="true">
            jpg · png · gif · webp
          </span>
        )}
        <div className="image-picker-facts">
          {shown ? (
            <>
              <span className="image-picker-name">{shown.fileName}</span>
              <span className="muted">
                {t('outreach.templates.image.facts', {
                  width: shown.width,
                  height: shown.height,
                  size: kilobytes(shown.size),
                })}
              </span>
            </>
          ) : (
            <span className="muted">{t('outreach.templates.image.none')}</span>
          )}
          <span className="field-hint">
            {t('outreach.templates.image.hint', { max: megabytes(maxImageBytes) })}
          </span>
          <div>
            <button
              type="button"
              className="button button-small"
              disabled={reading}
              onClick={() => input.current?.click()}
            >
              {shown ? t('outreach.templates.image.replace') : t('outreach.templates.image.choose')}
            </button>
          </div>
        </div>
      </div>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={imageMimes.join(',')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // The same file chosen again after an error still fires a change.
          e.target.value = '';
          if (file) void pick(file);
        }}
      />
      {error && (
        <p className="wizard-problems" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The saved picture's facts, with its bytes once `templates:image` answered. */
export function savedImage(image: TemplateImage, data: string | undefined): ShownImage {
  return {
    fileName: image.fileName,
    src: data === undefined ? null : `data:${image.mime};base64,${data}`,
    size: image.size,
    width: image.width,
    height: image.height,
  };
}
