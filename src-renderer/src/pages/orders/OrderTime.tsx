import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCellTime, formatDateTime, formatTimeZone } from '../../format/time';

/**
 * An order's time in its shop's zone (regionTimeZone, the zone the Dashboard counts the shop's days in), so
 * a US evening order reads on the same day here as on the Dashboard. The tooltip names the zone; `dateTime`
 * keeps the instant. Without a zone (the shop's account is not loaded) the viewer's zone, unnamed.
 */
export function OrderTime(props: {
  at: number;
  zone: string | undefined;
  className?: string | undefined;
  prefix?: string | undefined;
  children?: ReactNode;
}): ReactElement {
  const { at, zone, className, prefix, children } = props;
  const { t, i18n } = useTranslation();
  const full = formatDateTime(at, i18n.language, zone);
  const named = zone ? t('orders.shopTime', { time: full, zone: formatTimeZone(zone, at) }) : full;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={prefix ? `${prefix} · ${named}` : named}
      className={className}
    >
      {children}
      {formatCellTime(at, i18n.language, undefined, zone)}
    </time>
  );
}
