import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultScoreRules,
  type ScoreRule,
  type ScoreRules,
  type ScoreRulesUse,
} from '@shared/creator-score';
import { useChannelMutation, useChannelQuery } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fractionDigits } from '../../format/money';
import { NumberField } from './NumberField';

/** "Score rules" beside the table, with the background re-score's progress while it runs. */
export function ScoreRulesButton(): ReactElement {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const status = useChannelQuery('creators:scoreStatus', undefined, {
    // A progress line beside the table: it can follow the first rows (api/firstPaint.ts).
    deferred: true,
    updateOn: {
      'creators:scoreProgress': (p) => ({ running: p.state === 'running', done: p.done, total: p.total }),
    },
  }).data;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      {status?.running && (
        <span className="score-progress" role="status">
          <progress max={Math.max(1, status.total)} value={status.done} aria-hidden="true" />
          {t('creators.rules.progress', {
            done: number.format(status.done),
            total: number.format(status.total),
          })}
        </span>
      )}
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('creators.rules.open')}
      </button>
      {open && <ScoreRulesDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ScoreRulesDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const current = useChannelQuery('creators:scoreRules', undefined);
  const used = useChannelQuery('creators:scoreRulesUse', undefined).data ?? null;
  const [draft, setDraft] = useState<ScoreRules | null>(null);
  const save = useChannelMutation('creators:setScoreRules', {
    invalidates: ['creators:scoreRules', 'creators:get'],
    onSuccess: onClose,
  });
  const rules = draft ?? current.data ?? null;
  const total = rules?.rules.reduce((n, r) => n + r.weight, 0) ?? 0;
  const invalid = rules?.rules.find((r) => 'target' in r && r.target <= r.min);
  const change = (i: number, rule: ScoreRule): void => {
    if (!rules) return;
    setDraft({ ...rules, rules: rules.rules.map((r, j) => (j === i ? rule : r)) });
  };
  return (
    <Dialog
      title={t('creators.rules.title')}
      onClose={onClose}
      busy={save.isPending}
      className="score-rules-dialog"
    >
      {!rules ? (
        <p className="muted">{t('creators.detail.loading')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid && total > 0) save.mutate(rules);
          }}
        >
          <p className="muted">{t('creators.rules.intro')}</p>
          <table className="table score-rules">
            <thead>
              <tr>
                <th scope="col">{t('creators.detail.rule')}</th>
                <th scope="col">{t('creators.rules.weight')}</th>
                <th scope="col">{t('creators.rules.share')}</th>
                <th scope="col">{t('creators.rules.settings')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.rules.map((rule, i) => (
                <RuleRow
                  key={rule.kind}
                  rule={rule}
                  used={used}
                  share={total > 0 ? Math.round((rule.weight / total) * 100) : 0}
                  onChange={(r) => change(i, r)}
                />
              ))}
            </tbody>
          </table>
          {invalid && (
            <p className="field-error" role="alert">
              {t('creators.rules.targetAboveMin', { rule: t(`creators.rule.${invalid.kind}`) })}
            </p>
          )}
          {total === 0 && (
            <p className="field-error" role="alert">
              {t('creators.rules.noWeight')}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button button-quiet" onClick={() => setDraft(defaultScoreRules)}>
              {t('creators.rules.reset')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('creators.bulk.cancel')}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={save.isPending || !draft || Boolean(invalid) || total === 0}
            >
              {t('creators.rules.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** A rule's figure left empty counts as 0 (the rules always hold numbers). */
const zeroIfEmpty =
  (set: (value: number) => void) =>
  (value: number | undefined): void =>
    set(value ?? 0);

function TextListInput(props: {
  label: string;
  hint: string;
  values: string[];
  onChange: (v: string[]) => void;
}): ReactElement {
  const id = useId();
  const [text, setText] = useState(props.values.join(', '));
  return (
    <span className="rule-field rule-field-wide">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input
        id={id}
        className="input"
        value={text}
        placeholder={props.hint}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(
            e.target.value
              .split(/[,，]/)
              .map((s) => s.trim())
              .filter(Boolean),
          );
        }}
      />
    </span>
  );
}

/**
 * Under the category and region rules: what they compare with while no list is typed — the merchant's
 * products' categories, their connected shops' regions — or that the typed list is used instead.
 */
function UsedNow(props: {
  typed: boolean;
  values: string[] | null;
  usedKey: string;
  noneKey: string;
}): ReactElement | null {
  const { t } = useTranslation();
  if (props.typed) return <span className="rule-used muted">{t('creators.rules.usedTyped')}</span>;
  if (props.values === null) return null;
  return (
    <span className="rule-used muted">
      {props.values.length > 0 ? t(props.usedKey, { values: props.values.join(', ') }) : t(props.noneKey)}
    </span>
  );
}

/** One rule: its weight and the figures that earn it, in the units a merchant reads (money, percent). */
function RuleRow(props: {
  rule: ScoreRule;
  share: number;
  used: ScoreRulesUse | null;
  onChange: (r: ScoreRule) => void;
}): ReactElement {
  const { rule, share, used, onChange } = props;
  const { t } = useTranslation();
  const name = t(`creators.rule.${rule.kind}`);
  let settings: ReactElement | null = null;
  switch (rule.kind) {
    case 'followers':
    case 'unitsSold':
    case 'videoViews':
      settings = (
        <>
          <NumberField
            className="rule-field"
            label={t('creators.rules.min')}
            value={rule.min}
            onChange={zeroIfEmpty((min) => onChange({ ...rule, min: Math.round(min) }))}
          />
          <NumberField
            className="rule-field"
            label={t('creators.rules.target')}
            value={rule.target}
            onChange={zeroIfEmpty((target) => onChange({ ...rule, target: Math.round(target) }))}
          />
        </>
      );
      break;
    case 'engagement':
      // Stored in hundredths of a percent; typed in percent.
      settings = (
        <>
          <NumberField
            className="rule-field"
            label={t('creators.rules.minPercent')}
            value={rule.min / 100}
            step={0.01}
            onChange={zeroIfEmpty((v) => onChange({ ...rule, min: Math.round(v * 100) }))}
          />
          <NumberField
            className="rule-field"
            label={t('creators.rules.targetPercent')}
            value={rule.target / 100}
            step={0.01}
            onChange={zeroIfEmpty((v) => onChange({ ...rule, target: Math.round(v * 100) }))}
          />
        </>
      );
      break;
    case 'gmv': {
      const scale = 10 ** fractionDigits(rule.currency);
      settings = (
        <>
          <NumberField
            className="rule-field"
            label={t('creators.rules.minMoney', { currency: rule.currency })}
            value={rule.min / scale}
            onChange={zeroIfEmpty((v) => onChange({ ...rule, min: Math.round(v * scale) }))}
          />
          <NumberField
            className="rule-field"
            label={t('creators.rules.targetMoney', { currency: rule.currency })}
            value={rule.target / scale}
            onChange={zeroIfEmpty((v) => onChange({ ...rule, target: Math.round(v * scale) }))}
          />
        </>
      );
      break;
    }
    case 'category':
      settings = (
        <>
          <TextListInput
            label={t('creators.rules.categories')}
            hint={t('creators.rules.categoriesHint')}
            values={rule.categories}
            onChange={(categories) => onChange({ ...rule, categories })}
          />
          <UsedNow
            typed={rule.categories.length > 0}
            values={used?.categories.map((c) => c.name) ?? null}
            usedKey="creators.rules.usedCategories"
            noneKey="creators.rules.noCategories"
          />
        </>
      );
      break;
    case 'region':
      settings = (
        <>
          <TextListInput
            label={t('creators.rules.regions')}
            hint={t('creators.rules.regionsHint')}
            values={rule.regions}
            onChange={(regions) => onChange({ ...rule, regions: regions.map((r) => r.toUpperCase()) })}
          />
          <UsedNow
            typed={rule.regions.length > 0}
            values={used?.regions ?? null}
            usedKey="creators.rules.usedRegions"
            noneKey="creators.rules.noRegions"
          />
        </>
      );
      break;
    case 'refunds':
      settings = (
        <NumberField
          className="rule-field"
          label={t('creators.rules.maxRefundRate')}
          value={rule.maxRateBp / 100}
          step={0.1}
          max={100}
          onChange={zeroIfEmpty((v) =>
            onChange({ ...rule, maxRateBp: Math.min(10_000, Math.max(1, Math.round(v * 100))) }),
          )}
        />
      );
      break;
    case 'acceptance':
    case 'onTimePosting':
      settings = <span className="muted">{t('creators.rules.fromHistory')}</span>;
      break;
  }
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <NumberField
          className="rule-field"
          label={t('creators.rules.weightOf', { rule: name })}
          hideLabel
          value={rule.weight}
          max={100}
          onChange={zeroIfEmpty((w) => onChange({ ...rule, weight: Math.min(100, Math.round(w)) }))}
        />
      </td>
      <td className="col-num">{share} %</td>
      <td>
        <div className="rule-settings">{settings}</div>
      </td>
    </tr>
  );
}
