import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultShopOutreachLimits,
  effectiveLimits,
  maxRatePerMinute,
  maxWeeklyPool,
  outreachTiers,
  type OutreachShops,
  type OutreachTier,
  type ShopOutreachLimits,
  tierPool,
} from '@shared/outreach-limits';
import type { SettingsPatch } from '@shared/settings';
import { useShops } from '../../../hooks/useShops';
import { SettingsSection } from '../SettingsSection';

/**
 * Settings → Outreach limits: per connected shop, its tier (the weekly pool of new creators TikTok lets it
 * contact, docs/tiktok-api/outreach.md) and the pace ShopMesh sends at. New Outreaches of the shop plan and
 * send with these; one already created keeps what it was created with.
 */
export function OutreachLimitsSection(props: {
  shops: OutreachShops;
  cooldownDays: number;
  save: (patch: SettingsPatch) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { accounts } = useShops();
  const shops = (accounts ?? [])
    .filter((a) => a.provider === 'shop')
    .flatMap((a) => a.shops.map((s) => ({ shopId: s.shopId, name: s.name, region: s.region })));
  const number = new Intl.NumberFormat(i18n.language);
  const set = (shopId: string, next: ShopOutreachLimits): void =>
    props.save({ outreachShops: { ...props.shops, [shopId]: next } });
  const tierLabel = (tier: OutreachTier): string =>
    tier === 'custom'
      ? t('outreach.limits.tier.custom')
      : t(`outreach.limits.tier.${tier}`, {
          pool: tierPool[tier] === null ? '' : number.format(tierPool[tier]),
        });
  return (
    <SettingsSection title={t('outreach.limits.title')} description={t('outreach.limits.description')}>
      {shops.length === 0 ? (
        <p className="muted">{t('outreach.limits.noShops')}</p>
      ) : (
        <div className="outreach-limits">
          {shops.map((s) => {
            const limits = props.shops[s.shopId] ?? defaultShopOutreachLimits;
            const pool = effectiveLimits(props.shops, s.shopId).weeklyPool;
            const shopLabel = `${s.name} (${s.region})`;
            return (
              <fieldset key={s.shopId} className="outreach-limits-shop">
                <legend className="field-label">{shopLabel}</legend>
                <label className="field-inline">
                  <span className="field-hint">{t('outreach.limits.tierLabel')}</span>
                  <select
                    className="input select"
                    aria-label={t('outreach.limits.tierFor', { shop: shopLabel })}
                    value={limits.tier}
                    onChange={(e) => set(s.shopId, { ...limits, tier: e.target.value as OutreachTier })}
                  >
                    {outreachTiers.map((tier) => (
                      <option key={tier} value={tier}>
                        {tierLabel(tier)}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="field-inline">
                  <span className="field-hint">{t('outreach.limits.pool')}</span>
                  {limits.tier === 'custom' ? (
                    <NumberCell
                      label={t('outreach.limits.poolFor', { shop: shopLabel })}
                      min={0}
                      max={maxWeeklyPool}
                      value={limits.customPool}
                      onSave={(customPool) => set(s.shopId, { ...limits, customPool })}
                    />
                  ) : (
                    <span className="outreach-limits-value">
                      {pool === null ? t('outreach.limits.noLimit') : number.format(pool)}
                    </span>
                  )}
                </div>
                <div className="field-inline">
                  <span className="field-hint">{t('outreach.limits.pace')}</span>
                  <NumberCell
                    label={t('outreach.limits.paceFor', { shop: shopLabel })}
                    min={1}
                    max={maxRatePerMinute}
                    value={limits.ratePerMinute}
                    onSave={(ratePerMinute) => set(s.shopId, { ...limits, ratePerMinute })}
                  />
                </div>
              </fieldset>
            );
          })}
        </div>
      )}
      <p className="field-hint">{t('outreach.limits.hint')}</p>
      <div className="field outreach-limits-cooldown">
        <span className="field-label">{t('outreach.limits.cooldown')}</span>
        <NumberCell
          label={t('outreach.limits.cooldown')}
          min={0}
          max={365}
          value={props.cooldownDays}
          onSave={(outreachCooldownDays) => props.save({ outreachCooldownDays })}
        />
      </div>
      <p className="field-hint">{t('outreach.limits.cooldownHint')}</p>
    </SettingsSection>
  );
}

/** A whole number saved when the field is left or Enter is pressed; out of bounds is shown, never sent. */
function NumberCell(props: {
  label: string;
  min: number;
  max: number;
  value: number;
  onSave: (value: number) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(props.value);
  const parsed = /^\s*\d+\s*$/.test(text) ? Number(text) : null;
  const valid = parsed !== null && parsed >= props.min && parsed <= props.max;
  const commit = (): void => {
    if (valid && parsed !== props.value) props.onSave(parsed);
    if (valid) setDraft(null);
  };
  return (
    <input
      className="input input-number"
      type="number"
      inputMode="numeric"
      min={props.min}
      max={props.max}
      step={1}
      aria-label={props.label}
      aria-invalid={!valid}
      title={valid ? undefined : t('outreach.limits.between', { min: props.min, max: props.max })}
      value={text}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
