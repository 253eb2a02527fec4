/**
 * A chart saved as a picture leaves the page behind: the legend beside it on screen (HTML toggles and a note)
 * is not part of the chart's SVG. The picture therefore carries its own: a title line above the chart and,
 * under it, one swatch per series drawn (a solid line in its colour) and the dashed swatch of the previous
 * period with its dates, so the colours and the dashed lines still read on their own.
 */
export interface ChartLegend {
  /** What the picture shows, e.g. "Trend · GBP · Dec 7, 2025 – Dec 6, 2026". */
  title: string;
  items: Array<{ label: string; color: string; dashed?: boolean }>;
  /** A line under the legend, e.g. which rates converted the money. */
  note?: string | null;
  /** Colour of the title and the legend's text (the theme's text colour). */
  text: string;
}

export interface ChartPicture {
  markup: string;
  width: number;
  height: number;
}

const svgNs = 'http://www.w3.org/2000/svg';
const fontSize = 12;
const titleSize = 14;
const pad = 12;
const lineHeight = 20;
const swatch = 20;
const gap = 6;
const itemGap = 18;

/** Lays out legend items left to right, wrapping at the picture's width; returns each item's origin. */
export function legendRows(
  labels: string[],
  width: number,
  measure: (text: string) => number,
): Array<{ x: number; row: number }> {
  let x = pad;
  let row = 0;
  return labels.map((label) => {
    const w = swatch + gap + measure(label);
    if (x > pad && x + w > width - pad) {
      x = pad;
      row++;
    }
    const at = { x, row };
    x += w + itemGap;
    return at;
  });
}

/**
 * The chart's SVG with a title above it and its legend below, as standalone markup (fonts inlined: a
 * picture has no stylesheet). `measure` gives a text's width at the legend's font size.
 */
export function chartPicture(
  svg: SVGSVGElement,
  legend: ChartLegend,
  size: { width: number; height: number },
  font: string,
  measure: (text: string) => number,
): ChartPicture {
  const { width } = size;
  const doc = svg.ownerDocument;
  const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) => {
    const node = doc.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
  const positions = legendRows(
    legend.items.map((i) => i.label),
    width,
    measure,
  );
  const rows = positions.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const top = pad + titleSize + pad;
  const legendTop = top + size.height + pad;
  const noteTop = legendTop + rows * lineHeight;
  const height = noteTop + (legend.note ? lineHeight : 0) + pad;

  const root = el('svg', { xmlns: svgNs, width, height, viewBox: `0 0 ${width} ${height}` });
  root.setAttribute('style', `font-family: ${font}; font-size: ${fontSize}px`);
  const title = el('text', {
    x: pad,
    y: pad + titleSize,
    fill: legend.text,
    'font-size': titleSize,
    'font-weight': 600,
  });
  title.textContent = legend.title;
  root.append(title);

  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(top));
  chart.setAttribute('width', String(size.width));
  chart.setAttribute('height', String(size.height));
  root.append(chart);

  const group = el('g', { class: 'picture-legend' });
  legend.items.forEach((item, i) => {
    const at = positions[i] ?? { x: pad, row: 0 };
    const y = legendTop + at.row * lineHeight + lineHeight / 2;
    group.append(
      el('line', {
        x1: at.x,
        x2: at.x + swatch,
        y1: y,
        y2: y,
        stroke: item.color,
        'stroke-width': item.dashed ? 2 : 3,
        ...(item.dashed ? { 'stroke-dasharray': '4 3' } : {}),
      }),
    );
    const label = el('text', { x: at.x + swatch + gap, y: y + fontSize / 3, fill: legend.text });
    label.textContent = item.label;
    group.append(label);
  });
  if (legend.note) {
    const note = el('text', { x: pad, y: noteTop + lineHeight / 2 + fontSize / 3, fill: legend.text });
    note.textContent = legend.note;
    group.append(note);
  }
  root.append(group);
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}
