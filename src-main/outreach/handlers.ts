import type { outreachSlice } from '@shared/channels/outreach';
import type { HandlersFor } from '../ipc/router';
import type { OutreachService } from './service';

export function outreachHandlers(outreach: OutreachService): HandlersFor<typeof outreachSlice> {
  return {
    'templates:list': () => ({ templates: outreach.templates.list() }),
    'templates:save': (input) => outreach.templates.save(input),
    'templates:delete': (input) => {
      outreach.templates.remove(input.id);
      return { ok: true as const };
    },
    'templates:preview': (input) => outreach.preview(input),
    'outreach:plan': (input) => outreach.plan(input),
    'outreach:create': (input) => outreach.create(input),
    'outreach:start': (input) => outreach.start(input.id),
    'outreach:pause': (input) => outreach.pause(input.id),
    'outreach:resume': (input) => outreach.resume(input.id),
    'outreach:cancel': (input) => outreach.cancel(input.id),
    'outreach:get': (input) => outreach.get(input.id),
    'outreach:list': (input) => ({ outreaches: outreach.list(input) }),
    'outreach:deliveries': (input) => outreach.deliveries(input),
  };
}
