import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPicker, type Matcher } from 'react-day-picker';
import { enUS } from 'react-day-picker/locale/en-US';
import { zhCN } from 'react-day-picker/locale/zh-CN';
import { zonedDay } from '@shared/time';
import { dateToDay, dayOrder, dayToDate, formatDayInput, parseDayInput, userZone } from '../format/dayInput';
import { useNow } from '../hooks/useNow';
import { Icon } from './Icon';
import 'react-day-picker/style.css';
import './date-field.css';

const calendarLocales = { en: enUS, 'zh-CN': zhCN } as const;

/**
 * A day (YYYY-MM-DD) typed or picked in the app's language and a chosen zone. The native <input type=date>
 * follows the browser's locale (mm/dd/yyyy in the Chinese UI) and cannot be styled for the dark theme, so this
 * is a text box that reads and writes the day the way the language does ("2026/12/06"), with a calendar
 * (react-day-picker) beside it: Alt+Down or the button opens it, arrows move through days, PageUp/PageDown
 * through months, Enter picks, Escape closes (only the calendar, never the dialog around it).
 * `zone` is whose "today" the calendar marks (the shop's for its reports, the user's by default).
 */
export function DateField(props: {
  label: string;
  value: string;
  /** The day picked or typed, '' when the box is emptied. Half-typed text is not reported. */
  onChange: (day: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  zone?: string | undefined;
  /** The label is read by assistive technology only (a table column names the field). */
  hideLabel?: boolean;
  disabled?: boolean;
  className?: string;
}): ReactElement {
  const { label, value, onChange, min, max, zone, hideLabel = false, disabled = false } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const now = useNow(60_000);
  const [text, setText] = useState(() => formatDayInput(value, language));
  const [invalid, setInvalid] = useState(false);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // The value changed from outside (a preset, a saved view) or the language did: show the day as the language
  // writes it, unless the box already holds what was typed for it.
  const [shown, setShown] = useState({ value, language });
  if (shown.value !== value || shown.language !== language) {
    setShown({ value, language });
    if (shown.language !== language || parseDayInput(text, language) !== value) {
      setText(formatDayInput(value, language));
      setInvalid(false);
    }
  }

  const inRange = (day: string) => (!min || day >= min) && (!max || day <= max);
  const commit = (day: string) => {
    if (day !== value) onChange(day);
  };
  const type = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setInvalid(false);
      commit('');
      return;
    }
    const day = parseDayInput(next, language);
    setInvalid(day === null || !inRange(day));
    if (day !== null && inRange(day)) commit(day);
  };

  const close = (focusBack: boolean) => {
    setOpen(false);
    if (focusBack) toggle.current?.focus();
  };
  // In the top layer (the Popover API), the calendar is drawn over a table's or a dialog's clipping edge. A
  // layout effect: shown before the calendar's own effect focuses its day.
  useLayoutEffect(() => {
    const element = popover.current;
    if (!open || !element) return;
    if (typeof element.showPopover === 'function' && !element.matches(':popover-open')) element.showPopover();
    const away = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const today = zonedDay(now, zone ?? userZone());
  const selected = value ? dayToDate(value) : undefined;
  const disabledDays: Matcher[] = [
    ...(min ? [{ before: dayToDate(min) }] : []),
    ...(max ? [{ after: dayToDate(max) }] : []),
  ];
  const order = dayOrder(language);
  const placeholder = order.units.map((u) => t(`dateField.units.${u}`)).join(order.separator);
  const anchor = `--date-field-${id.replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <div className={`field field-inline date-field ${props.className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <div
        ref={box}
        className="date-field-box"
        style={{ anchorName: anchor } as CSSProperties}
        onBlur={(event) => {
          if (open && !box.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <input
          id={id}
          className="input date-field-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          aria-invalid={invalid}
          aria-description={t('dateField.format', { format: placeholder })}
          onChange={(event) => type(event.target.value)}
          onBlur={() => {
            // Leaving the box shows what the field holds: a half-typed day goes back to the last whole one.
            setText(formatDayInput(value, language));
            setInvalid(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={toggle}
          type="button"
          className="icon-button date-field-toggle"
          disabled={disabled}
          aria-label={t('dateField.open', { label })}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => (open ? close(false) : setOpen(true))}
        >
          <Icon name="calendar" size={16} />
        </button>
        {open && (
          <div
            ref={popover}
            popover="manual"
            role="dialog"
            aria-label={t('dateField.calendar', { label })}
            className="date-field-popover"
            style={{ positionAnchor: anchor } as CSSProperties}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              // The calendar closes, not the dialog it sits in.
              event.preventDefault();
              event.stopPropagation();
              close(true);
            }}
          >
            <DayPicker
              mode="single"
              autoFocus
              locale={calendarLocales[language === 'zh-CN' ? 'zh-CN' : 'en']}
              today={dayToDate(today)}
              selected={selected}
              defaultMonth={selected ?? dayToDate(today)}
              disabled={disabledDays}
              onSelect={(date) => {
                if (!date) return;
                const day = dateToDay(date);
                setText(formatDayInput(day, language));
                setInvalid(false);
                commit(day);
                close(true);
              }}
            />
          </div>
        )}
      </div>
    </div>
  );
}
