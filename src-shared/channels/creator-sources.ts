import type { ContractSlice } from '../channel';
import {
  contactsClearInputSchema,
  contactsGetInputSchema,
  contactsSetInputSchema,
  contactsViewSchema,
  revealContactInputSchema,
  revealedContactSchema,
} from '../creator-contacts';
import {
  creatorAddInputSchema,
  creatorAddResultSchema,
  importInputSchema,
  importResultSchema,
  importUploadInputSchema,
  importUploadResultSchema,
} from '../creator-import';

export const creatorSourcesSlice = {
  title: 'Creators: CSV import, manual add and private contacts',
  channels: {
    'creators:importUpload': {
      input: importUploadInputSchema,
      output: importUploadResultSchema,
      summary:
        'Upload a CSV file in chunks of at most 512 KiB (base64), each at the offset the previous call returned. Held in memory for 30 minutes; nothing is stored.',
      writes: false,
    },
    'creators:import': {
      input: importInputSchema,
      output: importResultSchema,
      summary:
        'Import an uploaded CSV. `dryRun` reads and checks every row and writes nothing: it reports the encoding, the columns, every bad row with its line and reasons, new creators and duplicates that will merge into existing ones. `confirm` writes the checked rows in one transaction (bad rows are skipped); `discard` forgets the check.',
      writes: true,
    },
    'creators:add': {
      input: creatorAddInputSchema,
      output: creatorAddResultSchema,
      summary:
        'Add one creator by hand (handle or open id required), with optional private contacts; a creator already known by that handle or open id is updated instead.',
      writes: true,
    },
    'creators:contacts': {
      input: contactsGetInputSchema,
      output: contactsViewSchema,
      summary:
        "A creator's private contacts, masked (e.g. m•••@e•••.com). While the vault is locked only which kinds exist is known.",
      writes: false,
    },
    'creators:setContacts': {
      input: contactsSetInputSchema,
      output: contactsViewSchema,
      summary:
        'Set or clear private contacts (a value sets, null clears, an absent kind is kept). Values are sealed by the vault; the reply is masked.',
      writes: true,
    },
    'creators:clearContacts': {
      input: contactsClearInputSchema,
      output: contactsViewSchema,
      summary:
        "Delete a creator's private contacts (all, or the kinds listed). Works while the vault is locked.",
      writes: true,
    },
    'creators:revealContact': {
      input: revealContactInputSchema,
      output: revealedContactSchema,
      summary:
        'The plain value of one private contact, for the user who asked to see it. Each reveal is recorded in the activity log (without the value).',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
