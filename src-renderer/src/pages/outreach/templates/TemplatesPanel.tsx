import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/outreach';
import { useChannelQuery } from '../../../api';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { SensitiveWordsSection } from './SensitiveWordsSection';
import { TemplateEditor } from './TemplateEditor';

type Editing = { kind: 'new' } | { kind: 'template'; id: number } | null;

/**
 * Outreach → Templates: the saved invitation and message texts (English or Chinese), each opened in an editor
 * with a live preview for a chosen creator, and the editable list of words TikTok may refuse as sensitive.
 */
export function TemplatesPanel(): ReactElement {
  const { t } = useTranslation();
  const list = useChannelQuery('templates:list');
  const [editing, setEditing] = useState<Editing>(null);
  if (list.error)
    return (
      <div className="page">
        <LoadFailed
          title={t('outreach.templates.failed')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      </div>
    );
  if (!list.data) return <p className="page loading-line muted">{t('outreach.templates.loading')}</p>;
  const templates = list.data.templates;
  const current: Template | null =
    editing?.kind === 'template' ? (templates.find((x) => x.id === editing.id) ?? null) : null;
  const newButton = (
    <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'new' })}>
      {t('outreach.templates.new')}
    </button>
  );
  return (
    <div className="page templates-page">
      {templates.length === 0 && editing === null ? (
        <EmptyState
          icon="outreach"
          title={t('outreach.templates.empty.title')}
          body={t('outreach.templates.empty.body', { example: '{{creator_name}}' })}
          action={newButton}
        />
      ) : (
        <div className="templates-layout">
          <nav className="card templates-list" aria-label={t('outreach.templates.listLabel')}>
            <div className="templates-list-head">{newButton}</div>
            <ul>
              {templates.map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    className={`templates-item${current?.id === x.id ? ' is-selected' : ''}`}
                    aria-current={current?.id === x.id ? 'true' : undefined}
                    onClick={() => setEditing({ kind: 'template', id: x.id })}
                  >
                    <span className="templates-item-name">{x.name}</span>
                    <span className="templates-item-meta muted">
                      {t(`outreach.templates.kind.${x.kind}`)}
                      {x.messageType !== 'TEXT' &&
                        ` · ${t(`outreach.templates.messageType.${x.messageType}`)}`}{' '}
                      · {t(`outreach.wizard.language.${x.language}`)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {editing === null ? (
            <p className="card templates-hint muted">{t('outreach.templates.choose')}</p>
          ) : (
            <TemplateEditor
              key={editing.kind === 'new' ? 'new' : editing.id}
              template={current}
              onSaved={(saved) => setEditing({ kind: 'template', id: saved.id })}
              onClosed={() => setEditing(null)}
            />
          )}
        </div>
      )}
      <SensitiveWordsSection />
    </div>
  );
}
