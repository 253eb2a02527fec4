import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/settings';
import { ScheduleStep } from '../../src-renderer/src/features/outreach-wizard/ScheduleStep';
import { emptyDraft, zonedToUtc, type Draft } from '../../src-renderer/src/features/outreach-wizard/draft';
import { SettingsProvider } from '../../src-renderer/src/settings/SettingsProvider';
import { FakeBridge, withApi } from './fake-bridge';

const zone = 'America/Los_Angeles';

function Step(props: { seen: Draft[] }) {
  const [draft, setDraft] = useState(() => emptyDraft({ kind: 'list', listId: 1 }));
  return (
    <SettingsProvider loading={<p>loading</p>} failed={() => <p>failed</p>}>
      <ScheduleStep
        draft={draft}
        zone={zone}
        shopId="shop-1"
        update={(patch) =>
          setDraft((d) => {
            const next = { ...d, ...patch };
            props.seen.push(next);
            return next;
          })
        }
      />
    </SettingsProvider>
  );
}

afterEach(() => vi.useRealTimers());

describe('Outreach schedule step', () => {
  it('starts an hour from now in the shop’s zone, with day and time fields in the app language', async () => {
    // 18:05 UTC on Dec 6 is 10:05 in Los Angeles (UTC−8): the suggested start is 11:15 there.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 6, 18, 5) });
    const user = userEvent.setup();
    const bridge = new FakeBridge().handle('settings:get', () => defaultSettings);
    const seen: Draft[] = [];
    render(<Step seen={seen} />, { wrapper: withApi(bridge) });
    expect(await screen.findByText(/UTC−8/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'At a later time' }));
    expect(seen.at(-1)?.startAt).toBe('2026-12-06T11:15');
    const day = screen.getByRole('textbox', { name: 'Start day (UTC−8)' });
    expect(day).toHaveProperty('value', '12/06/2026');
    const time = screen.getByRole('combobox', { name: 'Start time (UTC−8)' }) as HTMLSelectElement;
    expect(time.value).toBe('11:15');
    expect(time.querySelector('option[value="11:15"]')?.textContent).toBe('11:15 AM');

    await user.selectOptions(time, '21:30');
    await user.clear(day);
    await user.type(day, '12/08/2026');
    const startAt = seen.at(-1)?.startAt ?? '';
    expect(startAt).toBe('2026-12-08T21:30');
    expect(zonedToUtc(startAt, zone)).toBe(Date.UTC(2026, 11, 9, 5, 30));

    // A day before today in the shop's zone is not a start.
    await user.clear(day);
    await user.type(day, '12/05/2026');
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(seen.at(-1)?.startAt).toBe('2026-12-08T21:30');
  });

  it('the send window is chosen in the shop’s zone from times the app language writes', async () => {
    const user = userEvent.setup();
    const bridge = new FakeBridge().handle('settings:get', () => defaultSettings);
    const seen: Draft[] = [];
    render(<Step seen={seen} />, { wrapper: withApi(bridge) });
    await user.click(await screen.findByRole('checkbox', { name: /Send only between/ }));
    const opens = screen.getByRole('combobox', { name: /^Window opens \(UTC−[78]\)$/ }) as HTMLSelectElement;
    expect(opens.value).toBe('09:00');
    await user.selectOptions(opens, '08:30');
    expect(seen.at(-1)?.windowStart).toBe('08:30');
    expect(screen.getByRole('combobox', { name: /^Window closes/ })).toBeTruthy();
  });
});
