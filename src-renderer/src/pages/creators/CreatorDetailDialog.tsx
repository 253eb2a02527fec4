import { useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@shared/creator-detail';
import { creatorStages, type CreatorStage } from '@shared/creators';
import { useChannelList, useChannelMutation, useChannelQuery } from '../../api';
import { DetailSection } from '../../components/DetailSection';
import { Dialog } from '../../components/Dialog';
import { Facts } from '../../components/Facts';
import { InitialsAvatar } from '../../components/InitialsAvatar';
import { LoadFailed } from '../../components/LoadFailed';
import { formatMoney } from '../../format/money';
import { formatDate, formatDateTime } from '../../format/time';
import { ScoreBadge } from './badges';
import { categoryNamer } from './categoryName';
import { timelineStatus } from './timelineStatus';
import { creatorReads } from './creatorReads';
import { creatorDetailSections } from './detailSections';
import { MergeDialog } from './MergeDialog';
import { NotesSection } from './NotesSection';
import { ScoreOverrideField } from './ScoreOverrideField';

const timelineKey = (e: TimelineEntry): string => e.key;

/** One creator in full: profile, figures, why the score, pipeline, tags, lists, notes, results, history. */
export function CreatorDetailDialog(props: {
  id: number;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}): ReactElement {
  const { onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  // "Open" on a possible duplicate shows that creator in the same dialog.
  const [id, setId] = useState(props.id);
  const [merging, setMerging] = useState(false);
  const query = useChannelQuery('creators:get', { id }, { invalidateOn: ['creators:changed'] });
  const detail = query.data ?? null;
  // Cached by the Creators page behind the dialog; names the categories (categoryName.ts).
  const facets = useChannelQuery('creators:facets', undefined, { invalidateOn: ['creators:changed'] });
  const timelineInput = useMemo(() => ({ id, limit: 30 }), [id]);
  const timeline = useChannelList('creators:timeline', timelineInput, {
    cursorParam: 'cursor',
    items: (page) => page.items,
    next: (page) => page.nextCursor,
    getId: timelineKey,
    invalidateOn: ['creators:changed'],
  });
  const update = useChannelMutation('creators:update', { invalidates: creatorReads });
  const merge = useChannelMutation('creators:merge', { invalidates: creatorReads });
  const split = useChannelMutation('creators:split', { invalidates: creatorReads });
  const busy = update.isPending || merge.isPending || split.isPending;
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const changed = (): void => void query.refetch();

  const c = detail?.creator;
  const title = c
    ? c.handle
      ? `@${c.handle}`
      : (c.nickname ?? t('creators.noHandle'))
    : t('creators.detail.loading');
  return (
    <Dialog title={title} onClose={onClose} busy={busy} returnFocus={returnFocus} className="creator-detail">
      {query.error ? (
        <LoadFailed compact title={t('creators.detail.failed')} error={query.error} onRetry={changed} />
      ) : !detail || !c ? (
        <p className="muted">{t('creators.detail.loading')}</p>
      ) : (
        <div className="creator-detail-body">
          <section className="detail-head">
            <InitialsAvatar name={c.nickname ?? c.handle ?? '?'} />
            <div>
              <p className="detail-nickname">{c.nickname ?? '—'}</p>
              <p className="muted">
                {/* Region · categories · shops: the categories one group, so none reads as a shop. */}
                {[
                  c.region,
                  (detail.stats?.categories ?? (c.category ? [c.category] : []))
                    .map(categoryNamer(facets.data, t))
                    .join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {detail.shops.length > 0 && ` · ${detail.shops.map((s) => s.name ?? s.shopId).join(', ')}`}
              </p>
            </div>
            <ScoreBadge score={c.score} t={t} />
          </section>

          {detail.blocked && (
            <p className="notice notice-danger" role="status">
              {t('creators.detail.blocked', {
                reason: detail.blocked.reason,
                date: formatDate(detail.blocked.blockedAt, language),
              })}
            </p>
          )}

          <StageField
            stage={c.stage}
            disabled={busy || c.blocked}
            onChange={(stage) => update.mutate({ id: c.id, stage })}
          />

          <DetailSection title={t('creators.detail.stats')}>
            <Facts
              className="detail-figures"
              facts={[
                [t('creators.columns.followers'), c.followers === null ? null : number.format(c.followers)],
                [t('creators.columns.gmv'), c.gmv && formatMoney(c.gmv, language)],
                [t('creators.columns.unitsSold'), c.unitsSold === null ? null : number.format(c.unitsSold)],
                [
                  t('creators.columns.avgVideoViews'),
                  c.avgVideoViews === null ? null : number.format(c.avgVideoViews),
                ],
                [
                  t('creators.columns.engagement'),
                  c.engagementBp === null ? null : `${(c.engagementBp / 100).toFixed(2)} %`,
                ],
                [
                  t('creators.columns.lastContactedAt'),
                  c.lastContactedAt === null ? t('creators.never') : formatDate(c.lastContactedAt, language),
                ],
              ]}
            />
          </DetailSection>

          {detail.score && (
            <section aria-labelledby="creator-score">
              <h3 id="creator-score">{t('creators.detail.whyScore', { score: detail.score.score })}</h3>
              <ScoreOverrideField
                creatorId={c.id}
                computed={detail.score.computed}
                override={detail.scoreOverride}
                disabled={busy}
              />
              <table className="table score-table">
                <thead>
                  <tr>
                    <th scope="col">{t('creators.detail.rule')}</th>
                    <th scope="col">{t('creators.detail.result')}</th>
                    <th scope="col" className="col-num">
                      {t('creators.detail.points')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {detail.score.items
                    .filter((i) => i.maxPoints > 0)
                    .map((i) => (
                      <tr key={i.kind}>
                        <td>{t(`creators.rule.${i.kind}`)}</td>
                        <td>
                          <span className={`badge badge-score-${i.status}`}>
                            {t(`creators.ruleStatus.${i.status}`)}
                          </span>
                          {i.matched.length > 0 && <span className="muted"> {i.matched.join(', ')}</span>}
                        </td>
                        <td className="col-num">
                          {i.points} / {i.maxPoints}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          )}

          <TagsField
            tags={detail.tags.map((x) => x.name)}
            disabled={busy}
            onAdd={(tag) => update.mutate({ id: c.id, addTags: [tag] })}
            onRemove={(tag) => update.mutate({ id: c.id, removeTags: [tag] })}
          />

          {detail.lists.length > 0 && (
            <section aria-labelledby="creator-lists">
              <h3 id="creator-lists">{t('creators.detail.lists')}</h3>
              <p>{detail.lists.map((l) => l.name).join(', ')}</p>
            </section>
          )}

          <NotesSection creatorId={c.id} notes={detail.notes} disabled={busy} />

          {detail.performance.length > 0 && (
            <section aria-labelledby="creator-performance">
              <h3 id="creator-performance">{t('creators.detail.performance')}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('creators.perf.currency')}</th>
                    <th scope="col" className="col-num">
                      {t('creators.perf.gmv')}
                    </th>
                    <th scope="col" className="col-num">
                      {t('creators.perf.orders')}
                    </th>
                    <th scope="col" className="col-num">
                      {t('creators.perf.commission')}
                    </th>
                    <th scope="col" className="col-num">
                      {t('creators.perf.samples')}
                    </th>
                    <th scope="col" className="col-num">
                      {t('creators.perf.profit')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {detail.performance.map((p) => (
                    <tr key={p.currency}>
                      <td>{p.currency}</td>
                      <td className="col-num">{formatMoney(p.gmv, language)}</td>
                      <td className="col-num">{number.format(p.orders)}</td>
                      <td className="col-num">
                        {formatMoney(p.actualCommission, language)}{' '}
                        <span className="muted">
                          (
                          {t('creators.perf.estimated', {
                            value: formatMoney(p.estimatedCommission, language),
                          })}
                          )
                        </span>
                      </td>
                      <td className="col-num">
                        {formatMoney(
                          {
                            ...p.sampleCost,
                            amountMinor: p.sampleCost.amountMinor + p.sampleShipping.amountMinor,
                          },
                          language,
                        )}
                      </td>
                      <td className="col-num">
                        {p.profit ? (
                          formatMoney(p.profit, language)
                        ) : (
                          <span className="muted">{t('creators.perf.noCosts')}</span>
                        )}
                        {p.profit && p.costCoverageBp < 10_000 && (
                          <span className="muted">
                            {' '}
                            {t('creators.perf.coverage', { pct: Math.round(p.costCoverageBp / 100) })}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          {creatorDetailSections().map((s) => (
            <s.component key={s.id} creator={detail} changed={changed} />
          ))}

          <section aria-labelledby="creator-timeline">
            <h3 id="creator-timeline">{t('creators.detail.timeline')}</h3>
            {timeline.error ? (
              <LoadFailed
                compact
                title={t('creators.detail.historyFailed')}
                error={timeline.error}
                onRetry={timeline.reload}
              />
            ) : timeline.loading ? (
              <p className="muted">{t('creators.detail.loading')}</p>
            ) : timeline.items.length === 0 ? (
              <p className="muted">{t('creators.detail.noHistory')}</p>
            ) : (
              <ol className="timeline">
                {timeline.items.map((e) => (
                  <li key={e.key} className={`timeline-${e.kind}`}>
                    <time dateTime={new Date(e.at).toISOString()} className="muted">
                      {formatDateTime(e.at, language)}
                    </time>{' '}
                    <span>
                      {t(`creators.timeline.${e.kind}`, {
                        title: e.title ?? '',
                        status: timelineStatus(t, e.kind, e.status),
                        from: e.fromStage ? t(`creators.stage.${e.fromStage}`) : '',
                        to: e.toStage ? t(`creators.stage.${e.toStage}`) : '',
                        cause: e.cause ? t(`creators.cause.${e.cause}`) : '',
                        amount: e.amount ? formatMoney(e.amount, language) : '',
                      })}
                    </span>
                    {e.text && <span className="timeline-text">{e.text}</span>}
                  </li>
                ))}
              </ol>
            )}
            {timeline.hasMore && (
              <button
                type="button"
                className="button button-small"
                disabled={timeline.busy}
                onClick={timeline.loadMore}
              >
                {t('creators.detail.moreHistory')}
              </button>
            )}
          </section>

          <section aria-labelledby="creator-identity">
            <h3 id="creator-identity">{t('creators.detail.identity')}</h3>
            <ul className="plain-list">
              {detail.records
                .filter((r) => r.mergedInto !== null)
                .map((r) => {
                  const name = r.handle ? `@${r.handle}` : `#${r.recordId}`;
                  const merge = detail.merges.find((m) => m.mergedId === r.recordId && m.splitAt === null);
                  return (
                    <li key={r.recordId}>
                      {merge
                        ? t('creators.detail.mergedRecord', {
                            name,
                            date: formatDate(merge.mergedAt, language),
                          })
                        : name}{' '}
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('creators.detail.splitNamed', { name })}
                        disabled={busy}
                        onClick={() => split.mutate({ recordId: r.recordId })}
                      >
                        {t('creators.detail.split')}
                      </button>
                    </li>
                  );
                })}
              {detail.possibleDuplicates.map((d) => (
                <li key={d.creatorId}>
                  {t('creators.detail.maybeSame', { handle: d.handle ?? `#${d.creatorId}` })}{' '}
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    disabled={busy}
                    onClick={() => merge.mutate({ keepId: c.id, mergeId: d.creatorId })}
                  >
                    {t('creators.detail.merge')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => setId(d.creatorId)}
                  >
                    {t('creators.detail.open')}
                  </button>
                </li>
              ))}
            </ul>
            {detail.records.length === 1 && detail.possibleDuplicates.length === 0 && (
              <p className="muted">{t('creators.detail.identityHint')}</p>
            )}
            <div className="identity-actions">
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => setMerging(true)}
              >
                {t('creators.detail.mergeWith')}
              </button>
            </div>
            {merging && (
              <MergeDialog
                creator={detail}
                onClose={() => setMerging(false)}
                onMerged={(kept) => {
                  setMerging(false);
                  setId(kept);
                }}
              />
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}

function StageField(props: {
  stage: CreatorStage;
  disabled: boolean;
  onChange: (s: Exclude<CreatorStage, 'blocked'>) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field field-inline">
      <label className="field-label" htmlFor={id}>
        {t('creators.detail.stage')}
      </label>
      <select
        id={id}
        className="input select"
        value={props.stage}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as Exclude<CreatorStage, 'blocked'>)}
      >
        {creatorStages.map((s) => (
          <option key={s} value={s} disabled={s === 'blocked'}>
            {t(`creators.stage.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function TagsField(props: {
  tags: string[];
  disabled: boolean;
  onAdd: (t: string) => void;
  onRemove: (t: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('creators.detail.tags')}</h3>
      <div className="tag-list">
        {props.tags.map((tag) => (
          <span key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('creators.detail.removeTag', { tag })}
              disabled={props.disabled}
              onClick={() => props.onRemove(tag)}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) props.onAdd(value.trim());
          setValue('');
        }}
      >
        <label className="visually-hidden" htmlFor={id}>
          {t('creators.detail.newTag')}
        </label>
        <input
          id={id}
          className="input"
          value={value}
          maxLength={40}
          placeholder={t('creators.detail.newTag')}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={props.disabled || !value.trim()}>
          {t('creators.detail.addTag')}
        </button>
      </form>
    </section>
  );
}
