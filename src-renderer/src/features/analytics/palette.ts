import { useEffect, useState } from 'react';

/**
 * Chart colours from the Okabe–Ito palette, which stays distinguishable with the common colour-vision
 * deficiencies; each theme defines its own shades (`--chart-1` … `--chart-8` in analytics.css) for contrast.
 * SVG attributes cannot use CSS variables, so the resolved values are read and re-read on a theme change.
 */
const count = 8;

function read(): string[] {
  const style = getComputedStyle(document.documentElement);
  return Array.from(
    { length: count },
    (_, i) => style.getPropertyValue(`--chart-${i + 1}`).trim() || '#0072b2',
  );
}

export function useChartPalette(): { colors: string[]; grid: string; text: string; surface: string } {
  const [colors, setColors] = useState<string[]>(read);
  const [ui, setUi] = useState(() => uiColors());
  useEffect(() => {
    const observer = new MutationObserver(() => {
      setColors(read());
      setUi(uiColors());
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    return () => observer.disconnect();
  }, []);
  return { colors, ...ui };
}

function uiColors(): { grid: string; text: string; surface: string } {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    grid: v('--color-border', '#e1e4ea'),
    text: v('--color-text-muted', '#565e6c'),
    surface: v('--color-surface', '#ffffff'),
  };
}
