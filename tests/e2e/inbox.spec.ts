import { type APIRequestContext, expect, test } from '@playwright/test';
import { callApi, webAppPerTest } from './web-app';

/**
 * The inbox: after the first sync a creator's message is in the shop's conversations; opening it reads it
 * (at TikTok too), and a quick reply from a message template is rendered for the creator and sent.
 * Screenshots in both languages and themes.
 */

const web = webAppPerTest('shopmesh-e2e-inbox-', {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-inbox-passphrase',
  SHOPMESH_SANDBOX_SCALE: 'tiny',
});

const call = <T>(request: APIRequestContext, channel: string, data: unknown): Promise<T> =>
  callApi<T>(web.app, request, channel, data);

interface Conversation {
  conversationId: string;
  nickname: string | null;
  handle: string | null;
  unreadCount: number;
}
interface Message {
  text: string | null;
  fromCreator: boolean;
  kind: string;
  replyState: string | null;
}

test('the inbox shows a creator’s message and sends a quick reply from a template', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(web.app.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Accounts' }).click();
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await tab.close();
  await expect(page.getByText('Your shop is connected.', { exact: false })).toBeVisible();

  // The first sync brings the conversations in; the sidebar counts the unread messages.
  await expect(nav.getByRole('link', { name: /^Inbox \d+ unread$/ })).toBeVisible({ timeout: 60_000 });
  const { items } = await call<{ items: Conversation[] }>(request, 'inbox:list', { unread: true });
  const conv = items[0]!;
  const name = conv.nickname ?? `@${conv.handle}`;
  const view = await call<{ items: Message[] }>(request, 'inbox:messages', {
    conversationId: conv.conversationId,
  });
  const creatorWords = view.items.filter((m) => m.fromCreator && m.text).at(-1)!.text!;
  await call(request, 'templates:save', {
    name: 'Thanks for replying',
    kind: 'message',
    language: 'en',
    body: 'Thanks {{creator_name}}! We will ship your sample this week.',
  });

  await nav.getByRole('link', { name: /^Inbox/ }).click();
  const list = page.getByRole('region', { name: 'Conversations' });
  await list.getByRole('button', { name: `${name}, ${conv.unreadCount} unread` }).click();
  const log = page.getByRole('log', { name: `Messages with ${name}` });
  await expect(log.getByText(creatorWords, { exact: true }).last()).toBeVisible();
  // Opening it read it, here and at TikTok.
  await expect(list.getByRole('button', { name, exact: true })).toBeVisible();
  await expect
    .poll(
      async () =>
        (await call<{ items: Conversation[] }>(request, 'inbox:list', {})).items.find(
          (c) => c.conversationId === conv.conversationId,
        )?.unreadCount,
    )
    .toBe(0);

  await page.getByLabel('Quick reply').selectOption({ label: 'Thanks for replying' });
  const box = page.getByRole('textbox', { name: 'Your reply' });
  await expect(box).toHaveValue(
    `Thanks ${conv.nickname ?? conv.handle}! We will ship your sample this week.`,
  );
  await page.screenshot({ path: 'test-results/e2e/inbox-reply-en-light.png', fullPage: true });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(box).toHaveValue('');
  await expect(log.getByText('We will ship your sample this week.', { exact: false })).toBeVisible();
  const after = await call<{ items: Message[] }>(request, 'inbox:messages', {
    conversationId: conv.conversationId,
  });
  expect(after.items.at(-1)).toMatchObject({ fromCreator: false, replyState: 'sent' });
  await page.screenshot({ path: 'test-results/e2e/inbox-sent-en-light.png', fullPage: true });

  await call(request, 'settings:update', { language: 'zh-CN', theme: 'dark' });
  await page.reload();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^收件箱/ })
    .click();
  await page.getByRole('region', { name: '会话' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('log').getByText(creatorWords, { exact: true }).last()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/inbox-zh-dark.png', fullPage: true });
});
