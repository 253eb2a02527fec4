import type { creatorSourcesSlice } from '@shared/channels/creator-sources';
import type { marketplaceSlice } from '@shared/channels/marketplace';
import type { samplesSlice } from '@shared/channels/samples';
import { AppError } from '@shared/errors';
import type { ActivityLog } from '../activity/activity-log';
import type { HandlersFor } from '../ipc/router';
import type { CreatorSources } from './sources';
import { creatorSourceTexts } from './texts';

export function creatorSourcesHandlers(
  sources: CreatorSources,
  activity: ActivityLog,
): HandlersFor<typeof creatorSourcesSlice> {
  const { contacts, importer } = sources;
  return {
    'creators:importUpload': (input) => importer.upload(input),
    'creators:import': (input) => {
      if (input.step === 'dryRun')
        return { step: 'dryRun', report: importer.dryRun(input.uploadId, input.fileName, input.encoding) };
      if (input.step === 'confirm') return importer.confirm(input.importId);
      importer.discard(input.importId);
      return { step: 'discard', importId: input.importId };
    },
    'creators:add': (input) => sources.addCreator(input),
    'creators:contacts': ({ creatorId }) => contacts.view(creatorId),
    'creators:setContacts': ({ creatorId, contacts: patch }) => {
      const changed = contacts.set(creatorId, patch);
      sources.refreshCreator(creatorId);
      if (changed.length > 0)
        activity.record('creator.contactsChanged', {
          creator: sources.origins.labelOf(creatorId),
          kinds: changed.join(', '),
        });
      return contacts.view(creatorId);
    },
    'creators:clearContacts': ({ creatorId, kinds }) => {
      contacts.clear(creatorId, kinds);
      sources.refreshCreator(creatorId);
      activity.record('creator.contactsChanged', {
        creator: sources.origins.labelOf(creatorId),
        kinds: (kinds ?? ['email', 'whatsapp', 'instagram', 'phone']).join(', '),
      });
      return contacts.view(creatorId);
    },
    'creators:revealContact': ({ creatorId, kind }) => {
      const value = contacts.reveal(creatorId, kind);
      if (value === null) throw new AppError('NOT_FOUND', creatorSourceTexts.noContact());
      activity.record('creator.contactRevealed', { creator: sources.origins.labelOf(creatorId), kind });
      return { creatorId, kind, value };
    },
  };
}

export function samplesHandlers(sources: CreatorSources): HandlersFor<typeof samplesSlice> {
  const { samples } = sources;
  return {
    'samples:list': (input) => samples.list(input),
    'samples:get': ({ applicationId }) => samples.get(applicationId),
    'samples:review': (input) => samples.review(input),
    'samples:overdue': () => samples.takeNewlyOverdue(),
  };
}

export function marketplaceHandlers(sources: CreatorSources): HandlersFor<typeof marketplaceSlice> {
  const { marketplace } = sources;
  return {
    'marketplace:search': (input) => marketplace.search(input),
    'marketplace:quota': ({ shopId }) => marketplace.quotaOf(shopId),
    'marketplace:performance': ({ creatorId, shopId }) => marketplace.performance(creatorId, shopId),
    'marketplace:creatorStats': ({ creatorId }) => marketplace.stats(creatorId),
    'marketplace:savedSearches': () => marketplace.savedSearches(),
    'marketplace:saveSearch': (input) => marketplace.saveSearch(input),
    'marketplace:deleteSearch': ({ id }) => marketplace.deleteSearch(id),
    'marketplace:refreshSearch': ({ id }) => marketplace.refresh(id),
    'marketplace:searchResults': (input) => marketplace.results(input),
  };
}
