import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorDetail } from '@shared/creator-detail';
import type { CreatorRow } from '@shared/creators';
import { useChannelMutation, useChannelQuery } from '../../api';
import { Combobox, type ComboboxOption } from '../../components/Combobox';
import { Dialog } from '../../components/Dialog';
import { LoadFailed } from '../../components/LoadFailed';
import { useDebounced } from '../../hooks/useDebounced';
import { creatorReads } from './creatorReads';
import { previewMerge, type MergePreview } from './mergePreview';

const nameOf = (c: Pick<CreatorRow, 'id' | 'handle' | 'nickname'>): string =>
  c.handle ? `@${c.handle}` : (c.nickname ?? `#${c.id}`);

/**
 * Merge another Creator with this one by hand: find it (the CRM's own full-text search), choose which of the
 * two is kept, see what the merged Creator will hold, confirm. A split in the identity section undoes it.
 */
export function MergeDialog(props: {
  creator: CreatorDetail;
  onClose: () => void;
  /** After the merge: the Creator that was kept (the detail shows it). */
  onMerged: (keptId: number) => void;
}): ReactElement {
  const { creator, onClose, onMerged } = props;
  const { t, i18n } = useTranslation();
  const thisId = creator.creator.id;
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const [picked, setPicked] = useState<number | null>(null);
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const found = useChannelQuery(
    'creators:search',
    { filter: { text: query }, limit: 9 },
    { enabled: query !== '' },
  );
  const number = new Intl.NumberFormat(i18n.language);
  const options: ComboboxOption[] = (found.data?.items ?? [])
    .filter((c) => c.id !== thisId)
    .slice(0, 8)
    .map((c) => ({
      id: c.id,
      label: nameOf(c),
      detail: [
        c.handle ? c.nickname : null,
        c.region,
        c.followers === null
          ? null
          : t('creators.merge.followers', { count: c.followers, n: number.format(c.followers) }),
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  const other = useChannelQuery('creators:get', { id: picked ?? thisId }, { enabled: picked !== null });
  const thisContacts = useChannelQuery('creators:contacts', { creatorId: thisId });
  const otherContacts = useChannelQuery(
    'creators:contacts',
    { creatorId: picked ?? thisId },
    { enabled: picked !== null },
  );
  const merge = useChannelMutation('creators:merge', {
    invalidates: [...creatorReads, 'creators:contacts'],
    onSuccess: (result) => onMerged(result.creatorId),
  });

  const otherDetail = picked !== null ? (other.data ?? null) : null;
  const sides = otherDetail
    ? {
        this: { detail: creator, contacts: thisContacts.data?.items.map((i) => i.kind) ?? null },
        other: { detail: otherDetail, contacts: otherContacts.data?.items.map((i) => i.kind) ?? null },
      }
    : null;
  const preview = sides
    ? keep === 'this'
      ? previewMerge(sides.this, sides.other)
      : previewMerge(sides.other, sides.this)
    : null;
  const searchStatus =
    query === '' || found.isPending
      ? t('creators.merge.searching')
      : found.error
        ? t('creators.merge.searchFailed')
        : t('creators.merge.noMatch');

  return (
    <Dialog
      title={t('creators.merge.title', { name: nameOf(creator.creator) })}
      onClose={onClose}
      busy={merge.isPending}
      className="merge-dialog"
    >
      <div className="merge-body">
        {picked === null || !otherDetail ? (
          <>
            <Combobox
              label={t('creators.merge.find')}
              placeholder={t('creators.merge.findPlaceholder')}
              value={text}
              onChange={setText}
              options={options}
              onPick={(o) => setPicked(Number(o.id))}
              status={searchStatus}
              autoFocus
            />
            {picked !== null && other.error && (
              <LoadFailed
                compact
                title={t('creators.detail.failed')}
                error={other.error}
                onRetry={() => void other.refetch()}
              />
            )}
            {picked !== null && !other.error && <p className="muted">{t('creators.detail.loading')}</p>}
            <p className="muted">{t('creators.merge.intro')}</p>
          </>
        ) : (
          <>
            <KeepChoice
              keep={keep}
              onChange={setKeep}
              thisName={nameOf(creator.creator)}
              otherName={nameOf(otherDetail.creator)}
            />
            {preview && sides && (
              <PreviewTable
                preview={preview}
                kept={keep === 'this' ? sides.this.detail : sides.other.detail}
                other={keep === 'this' ? sides.other.detail : sides.this.detail}
              />
            )}
            <p className="muted">{t('creators.merge.undo')}</p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                disabled={merge.isPending}
                onClick={() => {
                  setPicked(null);
                  setKeep('this');
                }}
              >
                {t('creators.merge.change')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={merge.isPending}
                onClick={() =>
                  merge.mutate(
                    keep === 'this'
                      ? { keepId: thisId, mergeId: otherDetail.creator.id }
                      : { keepId: otherDetail.creator.id, mergeId: thisId },
                  )
                }
              >
                {t('creators.merge.confirm')}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

function KeepChoice(props: {
  keep: 'this' | 'other';
  onChange: (k: 'this' | 'other') => void;
  thisName: string;
  otherName: string;
}): ReactElement {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="merge-keep">
      <legend className="field-label">{t('creators.merge.keep')}</legend>
      {(['this', 'other'] as const).map((k) => (
        <label key={k} className="radio-line">
          <input
            type="radio"
            name={name}
            value={k}
            checked={props.keep === k}
            onChange={() => props.onChange(k)}
          />
          <span>
            {t('creators.merge.keepOne', { name: k === 'this' ? props.thisName : props.otherName })}
          </span>
        </label>
      ))}
      <p className="field-hint">{t('creators.merge.keepHint')}</p>
    </fieldset>
  );
}

function PreviewTable(props: {
  preview: MergePreview;
  kept: CreatorDetail;
  other: CreatorDetail;
}): ReactElement {
  const { t } = useTranslation();
  const { preview: p, kept, other } = props;
  const none = <span className="muted">—</span>;
  const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(', ') : none);
  const stage = (d: CreatorDetail) => t(`creators.stage.${d.creator.stage}`);
  const override = (d: CreatorDetail) => (d.scoreOverride ? String(d.scoreOverride.score) : none);
  const kinds = (k: readonly string[]) => list(k.map((x) => t(`creatorContacts.kinds.${x}`)));
  const rows: Array<{
    key: string;
    kept: ReactElement | string;
    other: ReactElement | string;
    after: ReactElement | string;
  }> = [
    {
      key: 'records',
      kept: String(kept.records.length),
      other: String(other.records.length),
      after: String(p.records),
    },
    {
      key: 'shops',
      kept: list(kept.shops.map((s) => s.name ?? s.shopId)),
      other: list(other.shops.map((s) => s.name ?? s.shopId)),
      after: list(p.shops),
    },
    {
      key: 'notes',
      kept: String(kept.notes.length),
      other: String(other.notes.length),
      after: String(p.notes),
    },
    {
      key: 'tags',
      kept: list(kept.tags.map((x) => x.name)),
      other: list(other.tags.map((x) => x.name)),
      after: list(p.tags),
    },
    {
      key: 'lists',
      kept: list(kept.lists.map((x) => x.name)),
      other: list(other.lists.map((x) => x.name)),
      after: list(p.lists),
    },
    {
      key: 'stage',
      kept: stage(kept),
      other: stage(other),
      after: t(`creators.stage.${p.stage.value}`),
    },
    {
      key: 'contacts',
      kept: kinds(p.contacts.filter((c) => c.from === 'kept').map((c) => c.kind)),
      other: kinds([
        ...p.contacts.filter((c) => c.from === 'other').map((c) => c.kind),
        ...p.shadowedContacts,
      ]),
      after: kinds(p.contacts.map((c) => c.kind)),
    },
    {
      key: 'scoreOverride',
      kept: override(kept),
      other: override(other),
      after: p.scoreOverride ? String(p.scoreOverride.score) : t('creators.merge.rulesScore'),
    },
  ];
  return (
    <>
      <table className="table merge-preview">
        <caption className="visually-hidden">{t('creators.merge.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('creators.merge.what')}</th>
            <th scope="col">{t('creators.merge.keptColumn', { name: nameOf(kept.creator) })}</th>
            <th scope="col">{t('creators.merge.otherColumn', { name: nameOf(other.creator) })}</th>
            <th scope="col">{t('creators.merge.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{t(`creators.merge.row.${r.key}`)}</th>
              <td>{r.kept}</td>
              <td>{r.other}</td>
              <td className="merge-after">{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="merge-rules muted">
        <li>{t('creators.merge.rule.stage')}</li>
        <li>{t('creators.merge.rule.score')}</li>
        {p.shadowedContacts.length > 0 && (
          <li>
            {t('creators.merge.rule.contacts', {
              kinds: p.shadowedContacts.map((x) => t(`creatorContacts.kinds.${x}`)).join(', '),
            })}
          </li>
        )}
        {p.blocked && <li>{t('creators.merge.rule.blocked')}</li>}
      </ul>
    </>
  );
}
