import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProductImage } from '@shared/catalogue';
import { AppError } from '@shared/errors';
import { ProductPictures } from '../../src-renderer/src/pages/products/ProductPictures';
import { FakeBridge, withApi } from './fake-bridge';

const images = [
  {
    url: 'https://p16-oec-va.ibyteimg.com/a~o.jpeg',
    thumbUrl: 'https://p16-oec-va.ibyteimg.com/a~t.jpeg',
    width: 800,
    height: 800,
  },
  { url: 'https://p16-oec-va.ibyteimg.com/b~o.jpeg', thumbUrl: null, width: 800, height: 800 },
];

/** A 1×1 PNG as main hands it over, tagged by the picture asked for. */
function picture(index: number, variant: string): ProductImage {
  return {
    dataUrl: `data:image/png;base64,iVBORw0KGgo${index}${variant === 'thumb' ? 'A' : 'B'}=`,
    mime: 'image/png',
    width: 1,
    height: 1,
    size: 68,
    fetchedAt: 1,
    cached: false,
  };
}

function show(props: Partial<Parameters<typeof ProductPictures>[0]>, bridge: FakeBridge) {
  render(
    <ProductPictures
      productId="p-1"
      title="Lavender candle"
      images={images}
      state="read"
      readError={null}
      {...props}
    />,
    { wrapper: withApi(bridge) },
  );
}

describe('the product dialog pictures', () => {
  it('shows the first picture large, the others as thumbnails, and another when its thumbnail is picked', async () => {
    const bridge = new FakeBridge().handle('products:image', (i) => picture(i.index, i.variant ?? 'full'));
    show({}, bridge);
    const first = await screen.findByRole('img', { name: 'Lavender candle, picture 1 of 2' });
    expect(first.getAttribute('src')).toBe(picture(0, 'full').dataUrl);
    const second = screen.getByRole('button', { name: 'Show picture 2 of 2' });
    expect(screen.getByRole('button', { name: 'Show picture 1 of 2' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(second);
    const shown = await screen.findByRole('img', { name: 'Lavender candle, picture 2 of 2' });
    expect(shown.getAttribute('src')).toBe(picture(1, 'full').dataUrl);
    expect(bridge.callsOf('products:image')).toContainEqual({ productId: 'p-1', index: 1, variant: 'thumb' });
  });

  it('says a picture cannot be fetched now, and why, where it would be', async () => {
    const bridge = new FakeBridge().handle('products:image', () => {
      throw new AppError('OFFLINE', 'TikTok cannot be reached (ECONNREFUSED). Check the network connection.');
    });
    show({ images: images.slice(0, 1) }, bridge);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'This picture is not on this computer yet and cannot be fetched now.',
      ),
    );
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('tells apart pictures being read, never read and none at TikTok, without asking for any', () => {
    const bridge = new FakeBridge();
    show({ state: 'reading', images: [] }, bridge);
    expect(screen.getByRole('status').textContent).toContain('Reading the pictures from TikTok…');
    render(<ProductPictures productId="p-2" title="x" images={[]} state="notRead" readError={null} />, {
      wrapper: withApi(bridge),
    });
    expect(screen.getByText(/No pictures stored yet/)).toBeTruthy();
    render(<ProductPictures productId="p-3" title="x" images={[]} state="read" readError={null} />, {
      wrapper: withApi(bridge),
    });
    expect(screen.getByText('TikTok has no pictures for this product.')).toBeTruthy();
    expect(bridge.callsOf('products:image')).toEqual([]);
  });
});
