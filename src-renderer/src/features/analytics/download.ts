import { chartPicture, type ChartLegend } from './chart-picture';

/**
 * Saving files from the page: works the same in Electron and in a browser over the web bridge (a Blob and a
 * temporary link), so nothing is written by main.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function downloadCsv(csv: string, filename: string): void {
  // The text already starts with a byte-order mark (analytics:export), so spreadsheets read it as UTF-8.
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}

/**
 * Draws a chart's SVG with its title and legend (chart-picture.ts) on a canvas (2× for sharpness) over the
 * surface colour and saves it as PNG.
 */
export async function downloadSvgAsPng(
  svg: SVGSVGElement,
  filename: string,
  background: string,
  legend: ChartLegend,
): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  // Text takes the page's font from CSS, which a standalone image does not have.
  const font = getComputedStyle(svg).fontFamily;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The chart could not be drawn');
  ctx.font = `12px ${font}`;
  const picture = chartPicture(svg, legend, { width, height }, font, (text) => ctx.measureText(text).width);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.markup)}`;
  await loaded;
  const scale = 2;
  canvas.width = Math.ceil(picture.width * scale);
  canvas.height = Math.ceil(picture.height * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, picture.width, picture.height);
  ctx.drawImage(image, 0, 0, picture.width, picture.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be drawn');
  downloadBlob(blob, filename);
}
