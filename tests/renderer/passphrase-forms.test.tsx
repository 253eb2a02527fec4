import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppLockStatus } from '@shared/app-lock';
import type { VaultStatusView } from '@shared/accounts';
import { AppError } from '@shared/errors';
import { ChangePassphraseForm } from '../../src-renderer/src/features/vault/ChangePassphraseForm';
import { AppLockDialog } from '../../src-renderer/src/pages/settings/app-lock/AppLockDialog';
import { FakeBridge, withApi } from './fake-bridge';

const vaultStatus: VaultStatusView = {
  state: 'unlocked',
  message: null,
  canUnlockWithPassphrase: false,
  firstRun: false,
  keyStore: 'passphrase',
};
const lockStatus: AppLockStatus = {
  enabled: true,
  locked: false,
  idleSeconds: 600,
  failedAttempts: 0,
  retryAt: null,
  language: 'en',
  theme: 'light',
};

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The vault's "Change passphrase" and the app lock's dialog are one form over two channels. */
describe('passphrase forms', () => {
  it('vault: checks before main sees anything, then shows a wrong current passphrase beside it', async () => {
    const bridge = new FakeBridge().handle('vault:changePassphrase', () => {
      throw new AppError('LOCKED', 'wrong', { vault: 'wrong_passphrase' });
    });
    const Api = withApi(bridge);
    render(
      <Api>
        <ChangePassphraseForm />
      </Api>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByText('Enter your current passphrase.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Current passphrase'));

    type('Current passphrase', 'old secret 1');
    type('New passphrase', 'old secret 1');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByText('Choose a passphrase different from the current one.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('New passphrase'));

    type('New passphrase', 'new secret 2');
    type('Confirm new passphrase', 'new secret 3');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByText("The two passphrases don't match.")).toBeTruthy();
    expect(bridge.callsOf('vault:changePassphrase')).toEqual([]);

    type('Confirm new passphrase', 'new secret 2');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current passphrase').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(bridge.callsOf('vault:changePassphrase')).toEqual([
      { currentPassphrase: 'old secret 1', newPassphrase: 'new secret 2' },
    ]);
    // The current passphrase is cleared for retyping; the new one stays.
    expect((screen.getByLabelText('Current passphrase') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('New passphrase') as HTMLInputElement).value).toBe('new secret 2');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Current passphrase')));
  });

  it('vault: a change main accepts clears every field and says so', async () => {
    const bridge = new FakeBridge().handle('vault:changePassphrase', () => vaultStatus);
    const Api = withApi(bridge);
    render(
      <Api>
        <ChangePassphraseForm />
      </Api>,
    );
    type('Current passphrase', 'old secret 1');
    type('New passphrase', 'new secret 2');
    type('Confirm new passphrase', 'new secret 2');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Passphrase changed'));
    for (const label of ['Current passphrase', 'New passphrase', 'Confirm new passphrase'])
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('');
  });

  it('app lock: the same checks in its own words, over appLock:change', async () => {
    const bridge = new FakeBridge().handle('appLock:change', () => lockStatus);
    const onDone = vi.fn();
    const Api = withApi(bridge);
    render(
      <Api>
        <AppLockDialog mode="change" onClose={() => undefined} onDone={onDone} />
      </Api>,
    );
    type('Current app lock passphrase', 'old secret 1');
    type('New app lock passphrase', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    type('New app lock passphrase', 'new secret 2');
    type('Type it again', 'new secret 2');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('change'));
    expect(bridge.callsOf('appLock:change')).toEqual([
      { currentPassphrase: 'old secret 1', newPassphrase: 'new secret 2' },
    ]);
  });

  it('app lock: turning on has no current passphrase, so a refusal is shown for the form', async () => {
    const bridge = new FakeBridge().handle('appLock:enable', () => {
      throw new AppError('CONFLICT', 'already on');
    });
    const Api = withApi(bridge);
    render(
      <Api>
        <AppLockDialog mode="enable" onClose={() => undefined} onDone={() => undefined} />
      </Api>,
    );
    expect(screen.queryByLabelText('Current app lock passphrase')).toBeNull();
    type('New app lock passphrase', 'new secret 2');
    type('Type it again', 'new secret 2');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on app lock' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(bridge.callsOf('appLock:enable')).toEqual([{ passphrase: 'new secret 2' }]);
  });
});
