import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollaborationOption, CollaborationRef } from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { Combobox, type ComboboxOption } from '../../components/Combobox';
import { shortId, useCollaborationLabel } from './collaborationLabel';

/** More options than this are not drawn: a catalogue of thousands of products is narrowed by typing. */
const shownAtMost = 100;

const refValue = (c: CollaborationRef | null): string => (c ? `${c.kind}:${c.id}` : '');

/**
 * The Affiliate page's collaboration: a combobox over the target and open collaborations of the selected
 * shops (a plain select grows past the screen with a big catalogue). Typing narrows by name, product or id;
 * the arrow keys and Enter pick; the box shows the current choice whenever it is not being typed in.
 */
export function CollaborationPicker(props: {
  options: readonly CollaborationOption[];
  chosen: CollaborationRef | null;
  disabled: boolean;
  onChoose: (c: CollaborationRef | null) => void;
}): ReactElement {
  const { options, chosen, disabled, onChoose } = props;
  const { t, i18n } = useTranslation();
  const label = useCollaborationLabel();
  const count = new Intl.NumberFormat(i18n.language);
  // What is typed; null while the box shows the current choice.
  const [text, setText] = useState<string | null>(null);
  const all = t('analytics.affiliate.allCollaborations');
  const chosenOption = chosen ? options.find((o) => o.kind === chosen.kind && o.id === chosen.id) : undefined;
  const current = !chosen
    ? all
    : chosenOption
      ? label(chosenOption)
      : label({ kind: chosen.kind, id: chosen.id, name: null, productTitle: null });
  const needle = (text ?? '').trim().toLocaleLowerCase(i18n.language);
  // Beside each option: a target collaboration's id (names repeat), and its shop when there are several.
  const scopes = useChannelQuery('analytics:scopes');
  const shopNames = new Map((scopes.data?.scopes ?? []).map((sc) => [sc.id, sc.name]));
  const severalShops = new Set(options.map((o) => o.shopId)).size > 1;
  const detail = (o: CollaborationOption): string | undefined =>
    [
      o.kind === 'target' ? t('analytics.affiliate.targetKind', { id: shortId(o.id) }) : null,
      severalShops && o.shopId ? (shopNames.get(o.shopId) ?? null) : null,
    ]
      .filter(Boolean)
      .join(' · ') || undefined;
  const matches: ComboboxOption[] = options
    .map((o) => ({ id: refValue(o), label: label(o), detail: detail(o), whole: o.id }))
    .filter(
      (o) =>
        needle === '' ||
        o.label.toLocaleLowerCase(i18n.language).includes(needle) ||
        o.whole.toLocaleLowerCase().includes(needle),
    )
    .map(({ whole: _whole, detail: d, ...o }) => (d ? { ...o, detail: d } : o));
  const shown: ComboboxOption[] = [
    ...(needle === '' ? [{ id: '', label: all }] : []),
    ...matches.slice(0, shownAtMost),
  ];
  return (
    <Combobox
      className="combobox-inline"
      picker
      label={t('analytics.affiliate.collaboration')}
      placeholder={all}
      value={text ?? current}
      onChange={setText}
      onBlur={() => setText(null)}
      disabled={disabled}
      options={shown}
      onPick={(o) => {
        setText(null);
        const id = String(o.id);
        const picked = options.find((x) => refValue(x) === id);
        onChoose(picked ? { kind: picked.kind, id: picked.id } : null);
      }}
      status={t('analytics.affiliate.noCollaborationMatch')}
      footer={
        matches.length > shownAtMost
          ? t('analytics.affiliate.moreCollaborations', {
              shown: count.format(shownAtMost),
              total: count.format(matches.length),
            })
          : null
      }
    />
  );
}
