import type { ContractSlice } from '../channel';
import {
  sampleDetailSchema,
  sampleGetInputSchema,
  sampleReviewInputSchema,
  sampleReviewResultSchema,
  samplesListInputSchema,
  samplesOverdueSchema,
  samplesPageSchema,
} from '../samples';
import { noInput } from '../channel';

export const samplesSlice = {
  title: 'Free samples',
  channels: {
    'samples:list': {
      input: samplesListInputSchema,
      output: samplesPageSchema,
      summary:
        'Synced free-sample applications, newest status first, by group (to review, in progress, overdue, posted, closed), shop or creator, with the count of each group.',
      writes: false,
    },
    'samples:get': {
      input: sampleGetInputSchema,
      output: sampleDetailSchema,
      summary: "One application with the creator's figures TikTok sent with it and the content they posted.",
      writes: false,
    },
    'samples:review': {
      input: sampleReviewInputSchema,
      output: sampleReviewResultSchema,
      summary:
        'Approve or reject an application at TikTok (a rejection needs one of TikTok’s reasons). Never sent twice: when the answer is lost the application is read back first, and `not_applied` says TikTok did not take it.',
      writes: true,
    },
    'samples:overdue': {
      input: noInput,
      output: samplesOverdueSchema,
      summary:
        'Applications whose creator has not posted by the due date (14 days after delivery), marking those new since the last call as alerted.',
      writes: true,
    },
  },
  events: {
    'samples:overdue': {
      payload: samplesOverdueSchema,
      summary:
        'Some creators became overdue with their post since the last alert (checked after each sync and hourly).',
    },
  },
} as const satisfies ContractSlice;
