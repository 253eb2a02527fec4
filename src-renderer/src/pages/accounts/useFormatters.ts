import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  date(epochMs: number): string;
  number(value: number): string;
}

/** Dates and counts in the reader's language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat(language);
    return { date: (at) => dateFormat.format(at), number: (value) => numberFormat.format(value) };
  }, [language]);
}
