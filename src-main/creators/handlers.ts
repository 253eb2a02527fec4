import type { creatorListsSlice } from '@shared/channels/creator-lists';
import type { creatorsSlice } from '@shared/channels/creators';
import type { HandlersFor } from '../ipc/router';
import type { CreatorsService } from './service';

export function creatorsHandlers(crm: CreatorsService): HandlersFor<typeof creatorsSlice> {
  return {
    'creators:search': (input) => crm.search(input),
    'creators:count': (input) => ({ total: crm.count(input.filter) }),
    'creators:facets': () => crm.facets(),
    'creators:get': (input) => crm.get(input.id),
    'creators:timeline': (input) => crm.timeline(input),
    'creators:update': (input) => crm.update(input),
    'creators:addNote': (input) => crm.addNote(input.creatorId, input.body),
    'creators:editNote': (input) => crm.editNote(input.noteId, input.body),
    'creators:deleteNote': (input) => crm.deleteNote(input.noteId),
    'creators:merge': (input) => crm.merge(input.keepId, input.mergeId),
    'creators:split': (input) => crm.split(input.recordId),
    'creators:bulk': (input) => crm.bulk(input.selection, input.action),
    'creators:export': (input) => crm.export(input.selection, input.includeContacts),
    'creators:scoreRules': () => crm.rules.get(),
    'creators:scoreRulesUse': () => crm.rules.used(),
    'creators:setScoreRules': (input) => crm.setScoreRules(input),
    'creators:scoreStatus': () => crm.worker.status(),
  };
}

export function creatorListsHandlers(crm: CreatorsService): HandlersFor<typeof creatorListsSlice> {
  return {
    'lists:list': () => ({ items: crm.lists.all() }),
    'lists:create': (input) =>
      crm.lists.create(input.name, input.kind, 'filter' in input ? input.filter : null),
    'lists:update': (input) => crm.lists.update(input.id, input),
    'lists:delete': (input) => {
      crm.lists.delete(input.id);
      return { deleted: true as const };
    },
    'lists:addMembers': (input) => ({
      changed: crm.bulk(input.selection, { kind: 'addToList', listId: input.listId }).changed,
    }),
    'lists:removeMembers': (input) => ({
      changed: crm.bulk(input.selection, { kind: 'removeFromList', listId: input.listId }).changed,
    }),
    'blocklist:list': (input) => crm.blocklist.page(input.limit, input.cursor),
    'blocklist:add': (input) => ({
      changed: crm.bulk({ ids: input.creatorIds }, { kind: 'block', reason: input.reason }).changed,
    }),
    'blocklist:remove': (input) => ({
      changed: crm.bulk({ ids: input.creatorIds }, { kind: 'unblock' }).changed,
    }),
  };
}
