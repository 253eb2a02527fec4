import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DayCell, TextCell } from '../../src-renderer/src/features/lists/cells';

describe('list cells', () => {
  it('a day shows the date, keeps the instant in dateTime and the full time on hover', () => {
    const at = Date.UTC(2026, 2, 9, 18, 30);
    const { container } = render(<DayCell at={at} language="en" />);
    const time = container.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2026-03-09T18:30:00.000Z');
    expect(time?.textContent).toMatch(/2026/);
    expect(time?.getAttribute('title')?.length).toBeGreaterThan(time?.textContent?.length ?? 0);
  });

  it('no day (TikTok sent none) is a dash, not 1970', () => {
    const { container } = render(<DayCell at={null} language="zh-CN" />);
    expect(container.textContent).toBe('—');
    expect(container.querySelector('time')).toBeNull();
  });

  it('merchant text is rendered as text, never as markup, and whole on hover', () => {
    const title = '<img src=x onerror=alert(1)> 夏季新品 🌸';
    const { container } = render(<TextCell text={title} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(title).getAttribute('title')).toBe(title);
  });
});
