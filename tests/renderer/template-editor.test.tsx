import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Template } from '@shared/outreach';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { TemplateEditor } from '../../src-renderer/src/pages/outreach/templates/TemplateEditor';
import { FakeBridge, withApi } from './fake-bridge';

// happy-dom decodes no pictures: a data: URL "loads" at the size its test file names in its first bytes.
const RealImage = globalThis.Image;
beforeAll(() => {
  class SizedImage {
    naturalWidth = 0;
    naturalHeight = 0;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(url: string) {
      const text = atob(url.slice(url.indexOf(',') + 1));
      const size = /^SIZE (\d+)x(\d+)/.exec(text);
      setTimeout(() => {
        if (!size) return this.onerror?.();
        this.naturalWidth = Number(size[1]);
        this.naturalHeight = Number(size[2]);
        this.onload?.();
      }, 0);
    }
  }
  vi.stubGlobal('Image', SizedImage);
});
afterAll(() => vi.stubGlobal('Image', RealImage));

const template = (over: Partial<Template>): Template => ({
  id: 1,
  name: 'Lookbook',
  kind: 'message',
  language: 'en',
  messageType: 'TEXT',
  body: '',
  image: null,
  productId: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

function bridgeWith(templates: Template[]) {
  const saved: Template[] = [...templates];
  const bridge = new FakeBridge()
    .handle(
      'accounts:list',
      () =>
        ({
          accounts: [{ provider: 'shop', shops: [{ shopId: 's1', name: 'Maple & Moss', region: 'US' }] }],
        }) as never,
    )
    .handle('templates:list', () => ({ templates: saved }))
    .handle('templates:save', (input) => {
      const t = template({
        id: saved.length + 10,
        name: input.name,
        messageType: input.messageType ?? 'TEXT',
        productId: input.productId ?? null,
      });
      saved.push(t);
      return t;
    })
    .handle(
      'creators:search',
      () =>
        ({
          items: [{ id: 5, handle: 'luna_reviews', nickname: 'Luna' }],
          nextCursor: null,
          total: 1,
        }) as never,
    )
    .handle('sensitiveWords:get' as never, () => ({ words: [] }) as never)
    .handle('settings:get', () => ({ sensitiveWords: [] }) as never)
    .handle(
      'products:list',
      (input) =>
        ({
          items: [
            { productId: 'p1', shopId: 's1', title: 'Linen shirt' },
            { productId: 'p2', shopId: 's1', title: 'Straw hat' },
          ].filter((p) => p.title.toLowerCase().includes((input.search ?? '').toLowerCase())),
          nextCursor: null,
          total: 2,
        }) as never,
    )
    .handle(
      'products:detail',
      (input) =>
        ({
          product: {
            productId: input.productId,
            shopId: 's1',
            title: input.productId === 'p2' ? 'Straw hat' : 'Linen shirt',
            minPrice: { amountMinor: 2450, currency: 'USD' },
            maxPrice: { amountMinor: 2450, currency: 'USD' },
          },
          shopName: 'Maple & Moss',
        }) as never,
    )
    .handle('templates:image', () => ({
      image: { fileName: 'saved.png', mime: 'image/png', width: 800, height: 600, size: 2048, sha256: 'h' },
      data: btoa('SIZE 800x600 saved'),
    }));
  return bridge;
}

function renderEditor(bridge: FakeBridge, current: Template | null = null) {
  return render(
    <ToastProvider>
      <TemplateEditor template={current} onSaved={() => undefined} onClosed={() => undefined} />
    </ToastProvider>,
    { wrapper: withApi(bridge) },
  );
}

const file = (name: string, type: string, text: string, size?: number): File => {
  const f = new File([text], name, { type });
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('template editor: message types', () => {
  it('sends a picture: wrong files are named at once, the right one is shown and saved', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const bridge = bridgeWith([]);
    const { container } = renderEditor(bridge);
    const editor = screen.getByRole('region', { name: 'New template' });
    await user.type(within(editor).getByLabelText('Name', { exact: true }), 'Lookbook');
    const types = within(editor).getByRole('group', { name: 'Message type' });
    expect(
      within(types)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['Text message', 'Image', 'Product card', 'Collaboration card']);
    await user.click(within(types).getByRole('radio', { name: 'Image' }));
    expect(within(editor).queryByRole('textbox', { name: 'Text' })).toBeNull();
    const picture = within(editor).getByRole('group', { name: 'Picture' });
    expect(within(picture).getByText('No picture chosen yet.')).toBeTruthy();
    expect(within(editor).getByRole('region', { name: 'Preview of the template' }).textContent).toContain(
      'Choose a picture to see it here.',
    );
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.tabIndex).toBe(-1);

    await user.upload(input, file('brief.pdf', 'application/pdf', '%PDF'));
    expect(within(picture).getByRole('alert').textContent).toBe(
      '“brief.pdf” is not a picture TikTok takes: choose a jpg, png, gif or webp file.',
    );
    await user.upload(input, file('huge.png', 'image/png', 'SIZE 10x10', 12 * 1024 * 1024));
    expect(within(picture).getByRole('alert').textContent).toBe(
      '“huge.png” is 12 MB; TikTok takes pictures of at most 10 MB.',
    );
    await user.upload(input, file('broken.png', 'image/png', 'not a picture'));
    expect((await within(picture).findByRole('alert')).textContent).toContain('could not be read');

    await user.upload(input, file('spring.png', 'image/png', 'SIZE 1280x720 pixels'));
    expect(await within(picture).findByRole('img', { name: 'The picture to send: spring.png' })).toBeTruthy();
    expect(within(picture).queryByRole('alert')).toBeNull();
    expect(within(picture).getByText('1280 × 720 px · 1 kB')).toBeTruthy();
    const preview = within(editor).getByRole('region', { name: 'Preview of the template' });
    expect(within(preview).getByRole('img', { name: 'Picture message: spring.png' })).toBeTruthy();
    expect(within(preview).getByText('As @luna_reviews sees it')).toBeTruthy();
    expect(within(picture).getByRole('button', { name: 'Replace picture…' })).toBeTruthy();

    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(bridge.callsOf('templates:save')).toHaveLength(1));
    expect(bridge.callsOf('templates:save')[0]).toEqual({
      name: 'Lookbook',
      kind: 'message',
      language: 'en',
      messageType: 'IMAGE',
      body: '',
      image: { fileName: 'spring.png', data: btoa('SIZE 1280x720 pixels') },
    });
  });

  it('shows a saved picture, and asks for one before saving an image message without it', async () => {
    const user = userEvent.setup();
    const saved = template({
      messageType: 'IMAGE',
      image: { fileName: 'saved.png', mime: 'image/png', width: 800, height: 600, size: 2048, sha256: 'h' },
    });
    const bridge = bridgeWith([saved]);
    const first = renderEditor(bridge, saved);
    const editor = screen.getByRole('region', { name: 'Lookbook' });
    expect(await within(editor).findByRole('img', { name: 'The picture to send: saved.png' })).toBeTruthy();
    expect(within(editor).getByText('800 × 600 px · 2 kB')).toBeTruthy();
    expect(bridge.callsOf('templates:image')).toEqual([{ id: 1 }]);
    first.unmount();

    renderEditor(bridge);
    const fresh = screen.getByRole('region', { name: 'New template' });
    await user.type(within(fresh).getByLabelText('Name', { exact: true }), 'No picture');
    await user.click(within(fresh).getByRole('radio', { name: 'Image' }));
    await user.click(within(fresh).getByRole('button', { name: 'Save template' }));
    expect(await within(fresh).findByText('Choose the picture to send.')).toBeTruthy();
    expect(bridge.callsOf('templates:save')).toEqual([]);
  });

  it('picks a card’s product from the catalogue by keyboard and previews the card', async () => {
    const user = userEvent.setup();
    const bridge = bridgeWith([]);
    renderEditor(bridge);
    const editor = screen.getByRole('region', { name: 'New template' });
    await user.type(within(editor).getByLabelText('Name', { exact: true }), 'Hat card');
    await user.click(within(editor).getByRole('radio', { name: 'Product card' }));
    const products = within(editor).getByRole('group', { name: 'Product on the card' });
    const preview = within(editor).getByRole('region', { name: 'Preview of the template' });
    expect(within(preview).getByRole('figure', { name: 'Product card' }).textContent).toContain(
      "The outreach's first product",
    );
    await user.click(within(products).getByRole('radio', { name: 'This product' }));
    const search = within(products).getByRole('combobox', { name: 'Find a product' });
    await user.type(search, 'hat');
    expect(await within(products).findByRole('option', { name: /Straw hat/ })).toBeTruthy();
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(await within(products).findByText(/Card of “Straw hat” \(Maple & Moss\)/)).toBeTruthy();
    const card = within(preview).getByRole('figure', { name: 'Product card' });
    expect(card.textContent).toContain('Straw hat');
    expect(card.textContent).toContain('$24.50');

    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(bridge.callsOf('templates:save')).toHaveLength(1));
    expect(bridge.callsOf('templates:save')[0]).toMatchObject({
      messageType: 'PRODUCT_CARD',
      body: '',
      productId: 'p2',
    });
  });

  it('explains a collaboration card and draws it with the outreach’s facts', async () => {
    const user = userEvent.setup();
    renderEditor(bridgeWith([]));
    const editor = screen.getByRole('region', { name: 'New template' });
    await user.click(within(editor).getByRole('radio', { name: 'Collaboration card' }));
    expect(within(editor).getByText(/needs an outreach that invites and messages/)).toBeTruthy();
    await user.type(within(editor).getByLabelText('{{commission}}'), '15%');
    const card = within(editor).getByRole('figure', { name: 'Collaboration card' });
    expect(card.textContent).toContain('Maple & Moss invites you to promote their products');
    expect(card.textContent).toContain('15%');
    expect(card.textContent).toContain('From the outreach');
    // An invitation is always text: choosing it leaves no message type to pick.
    await user.selectOptions(within(editor).getByLabelText('Kind'), 'invitation');
    expect(within(editor).queryByRole('group', { name: 'Message type' })).toBeNull();
    expect(within(editor).getByRole('textbox', { name: 'Text' })).toBeTruthy();
  });
});
