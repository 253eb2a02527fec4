import { defineTexts } from '@shared/texts';

/** Profile and TikTok-connection settings texts; translated in `locales/<language>/profile.json`. */
export const profileTexts = defineTexts('profile.errors', {
  secretsNeedVault:
    "App secrets can't be saved while the vault is locked (nothing was changed). Unlock it first.",
  invalidProfile: "Invalid profile {{source}}: field '{{field}}' {{problem}}",
  unreadableFile: 'Cannot read profile file {{path}}: {{reason}}',
  fileNotJson: 'Profile file {{path}} is not valid JSON: {{reason}}',
  unknownProfile: "SHOPMESH_PROFILE must be 'sandbox' or 'production' (got '{{requested}}')",
  settingsFileUnreadable:
    '{{path}} could not be read ({{reason}}); ShopMesh uses the sandbox until the TikTok connection is saved again (the file is then kept as {{backup}}).',
  settingsFileInvalid:
    "{{path}} is invalid: field '{{field}}' {{problem}}; ShopMesh uses the sandbox until the TikTok connection is saved again (the file is then kept as {{backup}}).",
  sandboxNotRunning: 'The sandbox profile needs a running sandbox (no SandboxInfo was given)',
});
