import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import type { Kpi } from '@shared/analytics';
import { KpiCard, kpiFigureCount } from './KpiCard';
import { kpiSpans } from './kpi-spans';

/**
 * The KPI cards on a grid of as many 240 px-or-wider columns as fit (analytics.css). Each card's span is
 * worked out here, in the cards' order (kpi-spans.ts), from the number of columns the grid resolved to: read
 * in a layout effect and again on every resize, so the cards are placed before the first paint.
 */
export function KpiGrid({
  kpis,
  busy,
  colorOf,
  syncedOf,
  onExplain,
}: {
  kpis: Kpi[];
  busy: boolean;
  colorOf: (index: number) => string;
  syncedOf: (kpi: Kpi) => string | null;
  onExplain: (kpi: Kpi) => void;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState<number | null>(null);
  useLayoutEffect(() => {
    const grid = ref.current;
    if (!grid) return;
    const read = (): void => setColumns(gridColumns(grid));
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);
  const spans = columns
    ? kpiSpans(
        kpis.map((k) => (kpiFigureCount(k) > 1 ? 2 : 1)),
        columns,
      )
    : null;
  return (
    <div className="kpi-grid" ref={ref} aria-busy={busy}>
      {kpis.map((k, i) => (
        <KpiCard
          key={k.key}
          kpi={k}
          span={spans?.[i]}
          color={colorOf(i)}
          synced={syncedOf(k)}
          onExplain={() => onExplain(k)}
        />
      ))}
    </div>
  );
}

/** The grid's resolved column count ("248px 248px 248px 248px"); null where nothing is laid out. */
function gridColumns(grid: HTMLElement): number | null {
  const tracks = getComputedStyle(grid).gridTemplateColumns.trim().split(/\s+/);
  return tracks.length > 0 && tracks.every((t) => /^\d+(\.\d+)?px$/.test(t)) ? tracks.length : null;
}
