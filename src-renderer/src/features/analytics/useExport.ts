import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import { useChannelMutation } from '../../api';
import { useToasts } from '../../components/Toasts';
import type { ChartLegend } from './chart-picture';
import { downloadCsv, downloadSvgAsPng } from './download';
import { useChartPalette } from './palette';

/** Export buttons: CSV text from main (analytics:export) saved through a Blob; charts saved as PNG. */
export function useExport(): {
  csv: (input: ChannelInput<'analytics:export'>) => void;
  /** The legend's text colour is the theme's; the caller names the series, colours and dates. */
  png: (svg: SVGSVGElement, filename: string, legend: Omit<ChartLegend, 'text'>) => void;
} {
  const { t } = useTranslation();
  const { showToast, showError } = useToasts();
  const palette = useChartPalette();
  const exporter = useChannelMutation('analytics:export', {
    onSuccess: (out) => {
      downloadCsv(out.csv, out.filename);
      showToast({
        tone: 'success',
        message: { key: 'analytics.export.done', params: { filename: out.filename, rows: out.rows } },
      });
    },
  });
  // Column headings in the reader's language (the CSV's keys are the export's column names).
  const headings = t('analytics.csv', { returnObjects: true }) as Record<string, string>;
  return {
    csv: (input) => exporter.mutate({ ...input, headings: { ...headings, ...input.headings } }),
    png: (svg, filename, legend) => {
      downloadSvgAsPng(svg, filename, palette.surface, { ...legend, text: palette.text }).catch(
        (error: unknown) => showError(error),
      );
    },
  };
}
