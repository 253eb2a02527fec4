import type { Page } from '@playwright/test';
import { z } from 'zod';

/** One face the window draws visible text in, with elements that draw it. */
export interface DrawnFace {
  /** The computed `font-family`, as Chromium serializes it. */
  family: string;
  weight: number;
  /** In px, as computed (a rule in `em` may give a fraction). */
  size: number;
  /** Up to three elements drawing it ('span.creator-handle "@bella_fitness12"'): where a failure points. */
  examples: string[];
}

const drawnFaces = z.array(
  z.object({ family: z.string(), weight: z.number(), size: z.number(), examples: z.array(z.string()) }),
);

/**
 * Every face of the text the window draws inside its viewport: text nodes, the values and placeholders of
 * fields, the options selects show and the `content` of ::before/::after. Text is visible when some of its
 * box lies in the viewport and in every overflow-clipping ancestor's box, no ancestor hides it (display,
 * visibility, opacity 0) and it is not `.visually-hidden` style (a 1px box or `clip-path: inset(50%)`):
 * such text is laid out but never drawn.
 */
export async function facesOnScreen(page: Page): Promise<DrawnFace[]> {
  // The e2e project has no DOM types: the element arrives untyped and the result is checked below.
  const found: unknown = await page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const view = doc.defaultView;
    const faces = new Map<string, DrawnFace>();
    type Box = { left: number; top: number; right: number; bottom: number };
    const meet = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    // More than a pixel either way: a visually hidden box is 1×1 and still "intersects".
    const drawn = (box: Box) => box.right - box.left > 1 && box.bottom - box.top > 1;
    const clipCache = new Map<unknown, Box | null>();
    /** What the element's ancestors (and it) leave of the viewport, or null when they hide it. */
    const clipOf = (element: typeof body | null): Box | null => {
      if (!element) return { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
      if (clipCache.has(element)) return clipCache.get(element)!;
      let clip = clipOf(element.parentElement);
      const style = view.getComputedStyle(element);
      if (
        clip &&
        (style.display === 'none' || Number(style.opacity) === 0 || /^inset\(50%/.test(style.clipPath))
      )
        clip = null;
      if (clip && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
        const own = meet(clip, element.getBoundingClientRect());
        clip = drawn(own) ? own : null;
      }
      clipCache.set(element, clip);
      return clip;
    };
    const describe = (element: typeof body, text: string) =>
      element.tagName.toLowerCase() +
      [...element.classList].map((c: string) => '.' + c).join('') +
      ` "${text.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    const note = (style: ReturnType<typeof view.getComputedStyle>, element: typeof body, text: string) => {
      const weight = Number(style.fontWeight);
      const size = parseFloat(style.fontSize);
      const key = `${style.fontFamily}|${weight}|${size}`;
      const face: DrawnFace = faces.get(key) ?? { family: style.fontFamily, weight, size, examples: [] };
      faces.set(key, face);
      // Different kinds of element, not three rows of one column.
      const example = describe(element, text);
      const kind = example.slice(0, example.indexOf(' "'));
      if (face.examples.length < 3 && !face.examples.some((e) => e.startsWith(kind + ' "')))
        face.examples.push(example);
    };
    const shows = (element: typeof body, boxes: Iterable<Box>) => {
      const clip = clipOf(element);
      if (!clip || view.getComputedStyle(element).visibility !== 'visible') return false;
      for (const box of boxes) if (drawn(meet(clip, box))) return true;
      return false;
    };

    const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    const range = doc.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (
        !element ||
        !/\S/.test(node.textContent) ||
        ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(element.tagName)
      )
        continue;
      // Options are drawn by their select (below), not where they sit in the document.
      if (element.closest('select, datalist')) continue;
      range.selectNodeContents(node);
      if (shows(element, range.getClientRects()))
        note(view.getComputedStyle(element), element, node.textContent);
    }
    for (const element of body.querySelectorAll('input, textarea, select')) {
      const text =
        element.tagName === 'SELECT'
          ? (element.selectedOptions[0]?.textContent ?? '')
          : element.value || element.placeholder || '';
      if (
        !/\S/.test(text) ||
        (element.tagName === 'INPUT' && /^(checkbox|radio|range|color|hidden)$/.test(element.type))
      )
        continue;
      if (!shows(element, [element.getBoundingClientRect()])) continue;
      // An empty field draws its placeholder, which may have a face of its own.
      const placeholder = element.tagName !== 'SELECT' && !element.value;
      const style = view.getComputedStyle(element, placeholder ? '::placeholder' : null);
      note(style, element, text);
    }
    for (const element of body.querySelectorAll('*')) {
      for (const pseudo of ['::before', '::after']) {
        const style = view.getComputedStyle(element, pseudo);
        const text = /^"(.*)"$/.exec(style.content)?.[1] ?? '';
        if (/\S/.test(text) && shows(element, [element.getBoundingClientRect()])) note(style, element, text);
      }
    }
    return [...faces.values()];
  });
  return drawnFaces.parse(found);
}
