import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../src-renderer/src/i18n';
import { DateField } from '../../src-renderer/src/components/DateField';
import { TimeField } from '../../src-renderer/src/components/TimeField';
import { formatDayInput, parseDayInput } from '../../src-renderer/src/format/dayInput';

/** A DateField as a page holds it: the page keeps the day, the field reports each whole day typed or picked. */
function Held(props: { initial: string; min?: string; max?: string; zone?: string; seen?: string[] }) {
  const [day, setDay] = useState(props.initial);
  return (
    <>
      <DateField
        label="From"
        value={day}
        min={props.min}
        max={props.max}
        zone={props.zone}
        onChange={(next) => {
          props.seen?.push(next);
          setDay(next);
        }}
      />
      <output aria-label="held">{day}</output>
      <button type="button" onClick={() => setDay('2026-01-31')}>
        preset
      </button>
    </>
  );
}

afterEach(async () => {
  vi.useRealTimers();
  await act(() => i18n.changeLanguage('en'));
});

describe('day text in the app language', () => {
  it('writes and reads days in the language order, and ISO in any language', () => {
    expect(formatDayInput('2026-12-06', 'en')).toBe('12/06/2026');
    expect(formatDayInput('2026-12-06', 'zh-CN')).toBe('2026/12/06');
    expect(parseDayInput('12/6/2026', 'en')).toBe('2026-12-06');
    expect(parseDayInput('2026/12/6', 'zh-CN')).toBe('2026-12-06');
    expect(parseDayInput('2026年12月6日', 'zh-CN')).toBe('2026-12-06');
    expect(parseDayInput('2026-12-06', 'en')).toBe('2026-12-06');
    // The English order read in Chinese is no day at all, rather than a wrong one.
    expect(parseDayInput('12/06/2026', 'zh-CN')).toBeNull();
    expect(parseDayInput('02/30/2026', 'en')).toBeNull();
    expect(parseDayInput('12/06', 'en')).toBeNull();
    expect(parseDayInput('3/1/202', 'en')).toBeNull();
    expect(parseDayInput('3/1/20', 'en')).toBeNull();
  });
});

describe('DateField', () => {
  it('is found by its label, shows the day as the app language writes it, and follows a language change', async () => {
    render(<Held initial="2026-12-06" />);
    const box = screen.getByRole('textbox', { name: 'From' });
    expect(box).toHaveProperty('value', '12/06/2026');
    expect(box.getAttribute('placeholder')).toBe('mm/dd/yyyy');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(box).toHaveProperty('value', '2026/12/06');
    expect(box.getAttribute('placeholder')).toBe('年/月/日');
    expect(screen.getByRole('button', { name: '在日历上选择From' })).toBeTruthy();
  });

  it('reports a whole typed day, not the half-typed text, and shows what it holds when left', async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    render(<Held initial="2026-12-06" seen={seen} />);
    const box = screen.getByRole('textbox', { name: 'From' });
    await user.clear(box);
    await user.type(box, '3/1/202');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.type(box, '6');
    expect(seen).toEqual(['', '2026-03-01']);
    expect(box.getAttribute('aria-invalid')).toBe('false');
    // The text stays as typed while the box has focus, and is written out whole when it is left.
    expect(box).toHaveProperty('value', '3/1/2026');
    await user.tab();
    expect(box).toHaveProperty('value', '03/01/2026');
    // Half-typed and left: the last whole day comes back.
    await user.clear(box);
    await user.type(box, '13/45');
    await user.tab();
    expect(box).toHaveProperty('value', '');
    expect(screen.getByLabelText('held').textContent).toBe('');
  });

  it('refuses a day outside its range and shows a day set from outside', async () => {
    const user = userEvent.setup();
    render(<Held initial="2026-12-06" min="2026-12-01" />);
    const box = screen.getByRole('textbox', { name: 'From' });
    await user.clear(box);
    await user.type(box, '11/30/2026');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('held').textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'preset' }));
    expect(box).toHaveProperty('value', '01/31/2026');
  });

  it('opens a calendar in the app language from the keyboard, picks a day with the arrows, and Escape closes only it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 6, 12) });
    const user = userEvent.setup();
    await act(() => i18n.changeLanguage('zh-CN'));
    render(<Held initial="2026-12-06" zone="Asia/Shanghai" />);
    const box = screen.getByRole('textbox', { name: 'From' });
    await user.click(box);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const calendar = screen.getByRole('dialog', { name: 'From日历' });
    expect(calendar.textContent).toContain('2026年12月');
    // The selected day has focus; one week back and Enter picks Nov 29.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/2026年12月6日/);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByLabelText('held').textContent).toBe('2026-11-29');
    expect(box).toHaveProperty('value', '2026/11/29');
    expect(screen.queryByRole('dialog')).toBeNull();

    const toggle = screen.getByRole('button', { name: '在日历上选择From' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => {
      document.activeElement?.dispatchEvent(escape);
    });
    // Closed, and the key taken: a dialog around the field stays open.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(escape.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(toggle);
  });

  it('marks today in the zone it is given, not the computer’s', async () => {
    // 20:00 UTC on Dec 6 is already Dec 7 in Shanghai.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 6, 20) });
    const user = userEvent.setup();
    render(<Held initial="" zone="Asia/Shanghai" />);
    await user.click(screen.getByRole('button', { name: 'Choose From on a calendar' }));
    const today = screen.getByRole('dialog').querySelector('.rdp-today');
    expect(today?.textContent).toBe('7');
  });
});

describe('TimeField', () => {
  it('lists times as the app language writes them and keeps an off-step value', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    const { rerender } = render(<TimeField label="Opens" value="09:10" onChange={(v) => picked.push(v)} />);
    const select = screen.getByRole('combobox', { name: 'Opens' });
    const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('9:10 AM');
    expect(options).toContain('9:30 PM');
    await user.selectOptions(select, '21:30');
    expect(picked).toEqual(['21:30']);
    await act(() => i18n.changeLanguage('zh-CN'));
    rerender(<TimeField label="Opens" value="21:30" onChange={(v) => picked.push(v)} />);
    const zh = screen.getByRole('combobox', { name: 'Opens' }) as HTMLSelectElement;
    expect(zh.value).toBe('21:30');
    expect(zh.querySelector('option[value="21:30"]')?.textContent).toBe('21:30');
    expect(zh.querySelector('option[value="09:00"]')?.textContent).toBe('9:00');
  });
});
