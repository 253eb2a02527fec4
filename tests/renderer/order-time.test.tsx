import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { regionTimeZone, zonedDay } from '@shared/time';
import i18n from '../../src-renderer/src/i18n';
import { OrderTime } from '../../src-renderer/src/pages/orders/OrderTime';

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

// 20:30 on 5 March 2026 in Los Angeles (PST, UTC−8) is 04:30 on 6 March in UTC: a US evening order.
const evening = Date.UTC(2026, 2, 6, 4, 30);

describe('an order time in the Orders table', () => {
  it('reads on the shop’s day (the Dashboard’s) and names the shop’s zone, whatever the viewer’s zone', async () => {
    const zone = regionTimeZone('US');
    expect(zonedDay(evening, zone)).toBe('2026-03-05');
    const { container, rerender } = render(<OrderTime at={evening} zone={zone} />);
    const time = container.querySelector('time');
    expect(time?.textContent).toMatch(/^Mar 5, (2026, )?8:30\s?PM$/);
    expect(time?.getAttribute('title')).toMatch(/^Mar 5, 2026, 8:30\s?PM \(UTC−8, the shop's time\)$/);
    // The instant stays the instant: sorting and filters read UTC epoch ms.
    expect(time?.getAttribute('dateTime')).toBe('2026-03-06T04:30:00.000Z');
    // A UK shop reads the same instant on its own day.
    rerender(<OrderTime at={evening} zone={regionTimeZone('GB')} />);
    expect(container.querySelector('time')?.textContent).toMatch(/^Mar 6, (2026, )?4:30\s?AM$/);
    expect(container.querySelector('time')?.getAttribute('title')).toContain("(UTC, the shop's time)");
    await act(() => i18n.changeLanguage('zh-CN'));
    rerender(<OrderTime at={evening} zone={zone} />);
    expect(container.querySelector('time')?.textContent).toMatch(/^(2026年)?3月5日 20:30$/);
    expect(container.querySelector('time')?.getAttribute('title')).toMatch(/（UTC−8，店铺时间）$/);
  });
});
