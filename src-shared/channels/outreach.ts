import { z } from 'zod';
import { type ContractSlice, noInput } from '../channel';
import {
  deliveriesInputSchema,
  deliveriesSchema,
  outreachCreateResultSchema,
  outreachIdInputSchema,
  outreachInputSchema,
  outreachListInputSchema,
  outreachListSchema,
  outreachPlanSchema,
  outreachAlertSchema,
  outreachPauseAllSchema,
  outreachProgressSchema,
  outreachRetryResultSchema,
  outreachSchema,
  templateIdInputSchema,
  templateImageDataSchema,
  templateImageInputSchema,
  templateListSchema,
  templatePreviewInputSchema,
  templatePreviewSchema,
  templateSaveInputSchema,
  templateSchema,
} from '../outreach';

export const outreachSlice = {
  title: 'Outreach',
  channels: {
    'templates:list': {
      input: noInput,
      output: templateListSchema,
      summary: 'Saved invitation and message templates, by name.',
      writes: false,
    },
    'templates:save': {
      input: templateSaveInputSchema,
      output: templateSchema,
      summary:
        'Create a template (no id) or replace one, with its message type (TEXT, IMAGE with a jpg/png/gif/webp picture up to 10 MB as base64, PRODUCT_CARD, TARGET_COLLABORATION_CARD). Refused when it uses an unknown {{variable}}, a creator variable in an invitation, or a picture that is not one of those formats.',
      writes: true,
    },
    'templates:delete': {
      input: templateIdInputSchema,
      output: z.object({ ok: z.literal(true) }),
      summary: 'Delete a template; Outreaches already created keep their rendered texts.',
      writes: true,
    },
    'templates:image': {
      input: templateImageInputSchema,
      output: templateImageDataSchema,
      summary: "An IMAGE template's picture: its facts and its bytes (base64), to show it.",
      writes: false,
    },
    'templates:preview': {
      input: templatePreviewInputSchema,
      output: templatePreviewSchema,
      summary:
        'Render a template for one creator: the text, its problems (unknown variable, empty value, too long) and sensitive words found.',
      writes: false,
    },
    'outreach:plan': {
      input: outreachInputSchema,
      output: outreachPlanSchema,
      summary:
        'Dry run: who is contacted this week, who waits for the weekly reset (Sunday 12:00 GMT-8), who is exempt (connected) and who is skipped and why. Sends nothing.',
      writes: false,
    },
    'outreach:create': {
      input: outreachInputSchema,
      output: outreachCreateResultSchema,
      summary:
        'Create an Outreach as a draft: texts rendered and checked, one Delivery per creator and action (skipped ones say why). Sends nothing until outreach:start.',
      writes: true,
    },
    'outreach:start': {
      input: outreachIdInputSchema,
      output: outreachSchema,
      summary: 'Start a draft Outreach: the queue sends within its window, daily cap and rate.',
      writes: true,
    },
    'outreach:pause': {
      input: outreachIdInputSchema,
      output: outreachSchema,
      summary: 'Pause a running Outreach; a request already on its way is still settled.',
      writes: true,
    },
    'outreach:pauseAll': {
      input: noInput,
      output: outreachPauseAllSchema,
      summary: 'Pause every running Outreach (the tray\'s "Pause all outreach"); each resumes on its own.',
      writes: true,
    },
    'outreach:resume': {
      input: outreachIdInputSchema,
      output: outreachSchema,
      summary:
        'Resume a paused Outreach (paused by the user, for quota, or for a lost connection to the Account).',
      writes: true,
    },
    'outreach:cancel': {
      input: outreachIdInputSchema,
      output: outreachSchema,
      summary:
        'Cancel an Outreach: queued Deliveries are cancelled; one that may have gone out is still reconciled.',
      writes: true,
    },
    'outreach:retryFailed': {
      input: outreachIdInputSchema,
      output: outreachRetryResultSchema,
      summary:
        'Send again the Deliveries that failed for a reason TikTok does not mean as final (rate limits or outages that outlasted every backoff, unavailable, an undocumented refusal), with the follow-ups and collaboration cards their failure had skipped. Never a skipped Delivery (already invited, privacy, blocklisted), a sensitive-word refusal, or one whose answer was lost (it is reconciled first). A finished Outreach runs again; a paused one stays paused.',
      writes: true,
    },
    'outreach:get': {
      input: outreachIdInputSchema,
      output: outreachSchema,
      summary: 'One Outreach with its Delivery counts per state and estimated finish.',
      writes: false,
    },
    'outreach:list': {
      input: outreachListInputSchema,
      output: outreachListSchema,
      summary: 'Outreaches, newest first, optionally of one Account or in one status.',
      writes: false,
    },
    'outreach:deliveries': {
      input: deliveriesInputSchema,
      output: deliveriesSchema,
      summary: "An Outreach's Deliveries (keyset pages by id), optionally in one state, with reasons.",
      writes: false,
    },
  },
  events: {
    'outreach:progress': {
      payload: outreachProgressSchema,
      summary: "An Outreach's Delivery counts or status changed.",
    },
    'outreach:alert': {
      payload: outreachAlertSchema,
      summary:
        'An Outreach finished, paused for quota, resumed at the reset, or keeps failing (once per occurrence).',
    },
  },
} as const satisfies ContractSlice;
