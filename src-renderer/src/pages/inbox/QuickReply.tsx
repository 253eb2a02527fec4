import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation } from '@shared/inbox';
import { useChannelMutation, useChannelQuery } from '../../api';

/** A reply's key: the same click sent twice (a retried request) sends one message. */
const newKey = (): string => crypto.randomUUID();

/**
 * The reply box: a message template rendered for this creator (then editable), or free text, sent once
 * per key. What happened to the reply is shown in the conversation above it.
 */
export function QuickReply(props: { conversation: InboxConversation }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const c = props.conversation;
  const templates = useChannelQuery('templates:list', undefined, { invalidateOn: [] });
  const messageTemplates = (templates.data?.templates ?? []).filter((x) => x.kind === 'message');
  const [templateId, setTemplateId] = useState<number | undefined>(undefined);
  const template = messageTemplates.find((x) => x.id === templateId);
  const preview = useChannelQuery(
    'templates:preview',
    {
      kind: 'message',
      body: template?.body ?? ' ',
      ...(c.creatorId !== null ? { creatorId: c.creatorId } : {}),
      values: {},
    },
    { enabled: template !== undefined },
  );
  const [text, setText] = useState('');
  const [key, setKey] = useState(newKey);
  const [appliedFor, setAppliedFor] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<'not_sent' | 'maybe_sent' | null>(null);
  // The chosen template's text arrives once rendered for this creator: it fills the box once.
  if (template && preview.data && appliedFor !== template.id) {
    setAppliedFor(template.id);
    setText(preview.data.text);
    setKey(newKey());
  }
  const send = useChannelMutation('inbox:reply', {
    invalidates: ['inbox:messages', 'inbox:list'],
    onSuccess: (r) => {
      if (r.state === 'not_sent') {
        // It did not go out: the text stays for the merchant to send again (a new reply).
        setOutcome('not_sent');
        setKey(newKey());
        return;
      }
      setOutcome(r.state === 'maybe_sent' ? 'maybe_sent' : null);
      setText('');
      setTemplateId(undefined);
      setAppliedFor(undefined);
      setKey(newKey());
    },
  });
  const missing = preview.data?.problems.filter(
    (p) => p.code === 'empty_value' || p.code === 'unknown_variable',
  );
  const trimmed = text.trim();
  return (
    <form
      className="inbox-reply"
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed || send.isPending) return;
        setOutcome(null);
        send.mutate({
          conversationId: c.conversationId,
          text: trimmed,
          key,
          ...(template ? { templateId: template.id } : {}),
        });
      }}
    >
      <div className="inbox-reply-tools">
        <label className="field-label" htmlFor={`${id}-template`}>
          {t('inbox.quickReply')}
        </label>
        <select
          id={`${id}-template`}
          className="input select"
          value={templateId ?? ''}
          onChange={(e) => setTemplateId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">
            {messageTemplates.length === 0 ? t('inbox.noTemplates') : t('inbox.chooseTemplate')}
          </option>
          {messageTemplates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {t('inbox.replyLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        className="input inbox-reply-text"
        rows={3}
        maxLength={2_000}
        value={text}
        placeholder={t('inbox.replyPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          // Different words are a different reply.
          setKey(newKey());
          setOutcome(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      <div className="inbox-reply-foot">
        <p className="muted inbox-reply-hint" aria-live="polite">
          {outcome === 'not_sent'
            ? t('inbox.notSent')
            : outcome === 'maybe_sent'
              ? t('inbox.maybeSent')
              : missing && missing.length > 0
                ? t('inbox.templateGaps', { variables: missing.map((p) => p.variable ?? '').join(', ') })
                : t('inbox.sendHint', { count: text.length })}
        </p>
        <button type="submit" className="button button-primary" disabled={!trimmed || send.isPending}>
          {send.isPending ? t('inbox.sending') : t('inbox.send')}
        </button>
      </div>
    </form>
  );
}
