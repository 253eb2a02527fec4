import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/accounts';
import { useChannelMutation, useWritesBlocked } from '../../api';
import { InitialsAvatar } from '../../components/InitialsAvatar';
import { useToasts } from '../../components/Toasts';
import { IdentityProfileCard } from './IdentityProfileCard';

/**
 * The signed-in TikTok identity in the top bar: a button that opens its profile and "Sign out" (which removes
 * the Login Kit connection; shops and ad accounts are not affected). Esc or a click elsewhere closes it.
 */
export function IdentityMenu({ identity }: { identity: Account }): ReactElement {
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const name = identity.identity?.displayName ?? identity.displayName;
  const writesBlocked = useWritesBlocked();
  const signOut = useChannelMutation('accounts:disconnect', {
    onSuccess: () => {
      setOpen(false);
      showToast({ tone: 'success', message: { key: 'topbar.signedOut' } });
    },
  });

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="identity-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="topbar-identity"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('topbar.identity', { name })}
        onClick={() => setOpen((was) => !was)}
      >
        <InitialsAvatar name={name} size="sm" />
        <span className="topbar-identity-name" aria-hidden="true">
          {name}
        </span>
      </button>
      {open && (
        <section id={panelId} className="identity-panel" aria-label={t('topbar.identityPanel')}>
          {identity.identity ? (
            <IdentityProfileCard profile={identity.identity} />
          ) : (
            <p className="detail-name">{name}</p>
          )}
          <p className="muted identity-panel-note">{t('topbar.signOutNote')}</p>
          <button
            type="button"
            className="button button-small"
            disabled={signOut.isPending || writesBlocked}
            onClick={() => signOut.mutate({ accountId: identity.id, deleteData: 'now' })}
          >
            {t('topbar.signOut')}
          </button>
        </section>
      )}
    </div>
  );
}
