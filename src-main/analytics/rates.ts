import type { Database } from 'better-sqlite3';
import type { Rate, RateUse } from '@shared/analytics';
import { currencyExponent } from '../core/money';

/**
 * The currency rates the user enters (Settings → Currency rates): 1 `currency` = `rate` `reportingCurrency`,
 * as of a day. ShopMesh never fetches rates; a figure converted with them names each rate it used.
 */
export class RateStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(): Array<Rate & { updatedAt: number }> {
    return this.db
      .prepare(
        `SELECT currency, reporting_currency AS reportingCurrency, rate, as_of AS asOf, updated_at AS updatedAt
         FROM currency_rates ORDER BY reporting_currency, currency`,
      )
      .all() as Array<Rate & { updatedAt: number }>;
  }

  set(rate: Rate): void {
    this.db
      .prepare(
        `INSERT INTO currency_rates (currency, reporting_currency, rate, as_of, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (currency, reporting_currency) DO UPDATE SET rate = excluded.rate, as_of = excluded.as_of,
           updated_at = excluded.updated_at`,
      )
      .run(rate.currency, rate.reportingCurrency, normalise(rate.rate), rate.asOf, this.now());
  }

  delete(currency: string, reportingCurrency: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM currency_rates WHERE currency = ? AND reporting_currency = ?')
        .run(currency, reportingCurrency).changes > 0
    );
  }

  /** A converter into `reporting` with the rates entered for it. */
  converter(reporting: string): Converter {
    const rates = new Map<string, RateUse>();
    for (const r of this.list())
      if (r.reportingCurrency === reporting)
        rates.set(r.currency, { currency: r.currency, rate: r.rate, asOf: r.asOf });
    return new Converter(reporting, rates);
  }
}

/** "01.2500" → "1.25": one spelling per rate. */
function normalise(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/** Converts minor units of any currency into minor units of the reporting currency, recording the rates used. */
export class Converter {
  readonly used = new Map<string, RateUse>();
  readonly missing = new Set<string>();

  constructor(
    readonly reporting: string,
    private readonly rates: ReadonlyMap<string, RateUse>,
  ) {}

  rateFor(currency: string): RateUse | undefined {
    return this.rates.get(currency);
  }

  /** Null when no rate from `currency` was entered (the currency is then listed in `missing`). */
  convert(minor: number, currency: string): number | null {
    if (currency === this.reporting) return minor;
    const r = this.rates.get(currency);
    if (!r) {
      this.missing.add(currency);
      return null;
    }
    this.used.set(currency, r);
    const scale = 10 ** (currencyExponent(this.reporting) - currencyExponent(currency));
    const v = minor * Number(r.rate) * scale;
    return Math.sign(v) * Math.round(Math.abs(v));
  }

  /** Sum of per-currency amounts in the reporting currency; null when any needed rate is missing. */
  total(amounts: ReadonlyArray<{ currency: string; minor: number }>): number | null {
    let sum = 0;
    let ok = true;
    for (const a of amounts) {
      const c = this.convert(a.minor, a.currency);
      if (c === null) ok = false;
      else sum += c;
    }
    return ok ? sum : null;
  }

  usedRates(): RateUse[] {
    return [...this.used.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}
