import { generateWorld, type WorldCreator, withWorldCreators } from '../data/world';
import type { Collaboration, SandboxState } from '../state';

/** TikTok's most creators in one target collaboration (Create Target Collaboration 202507). */
export const creatorsPerCollaboration = 50;
const DAY = 86_400;

/** When a world creator's collaboration invited them: each batch of 50 on its own day, 130–189 days ago. */
export function invitedAt(now: number, batch: number): number {
  return now - (130 + (batch % 60)) * DAY;
}

export interface LoadedWorld {
  /** Sandbox index of the world's first creator (the others follow in order). */
  firstIndex: number;
  collaborations: number;
  conversations: number;
}

/**
 * Puts a generated world (`data/world.ts`) into the shops as TikTok would hold it: every creator invited by
 * a target collaboration of the shop of their region (in batches of 50, nobody accepted yet), and each
 * creator the shop wrote to in a conversation holding that message. The app then learns of them only by
 * syncing, over HTTP, what Search/Get Target Collaboration and the conversation endpoints serve.
 */
export function loadWorld(state: SandboxState, world: readonly WorldCreator[], now: number): LoadedWorld {
  const firstIndex = state.dataset.creators.count;
  state.dataset = withWorldCreators(state.dataset, world);
  let collaborations = 0;
  let conversations = 0;
  for (const shop of state.dataset.shops) {
    const product = state.product(shop.productStart);
    if (!product) continue;
    const members = world.filter((w) => w.region === shop.region);
    for (let k = 0; k < members.length; k += creatorsPerCollaboration) {
      const batch = members.slice(k, k + creatorsPerCollaboration);
      const startTime = invitedAt(now, k / creatorsPerCollaboration);
      const collab: Collaboration = {
        index: state.collaborations.length,
        id: state.newId('collaboration'),
        shopIndex: shop.index,
        name: `${shop.name} creators ${k / creatorsPerCollaboration + 1}`,
        message: '',
        startTime,
        endTime: now + 90 * DAY,
        updateTime: startTime,
        products: [
          {
            id: product.id,
            productIndex: shop.productStart,
            commissionRate: 1_000,
            shopAdsCommissionRate: null,
          },
        ],
        creatorIndexes: batch.map((w) => firstIndex + w.position),
        outcomes: batch.map(() => ({
          acceptAt: null,
          showcased: [],
          contentAt: null,
          featured: [],
          sales: [],
        })),
        sellerEmail: 'partners@example.com',
        freeSample: { hasFreeSample: false, isSampleApprovalExempt: false },
        canceledAt: null,
      };
      state.collaborations.push(collab);
      collaborations++;
    }
    for (const w of members) {
      if (w.contactedAt === null) continue;
      const conv = state.openConversation(shop.index, firstIndex + w.position, w.contactedAt);
      conv.messages.push({
        index: conv.messages.length + 1,
        id: state.newId('message'),
        type: 'TEXT',
        content: JSON.stringify({ content: `Hi ${w.nickname}, would you like to try our new range?` }),
        createTime: w.contactedAt,
        fromCreator: false,
      });
      conversations++;
    }
  }
  return { firstIndex, collaborations, conversations };
}

/** The world a `POST /admin/world` with this seed and size loads at `now` (sandbox-clock Unix seconds). */
export const worldAt = (seed: number, size: number, now: number): WorldCreator[] =>
  generateWorld({ seed, size, now });

/**
 * When the shop last reached each world creator (Unix seconds, by position): its collaboration's invitation
 * or its own message, whichever is later. What "last contacted" must be once the app has synced the world.
 */
export function lastContacts(world: readonly WorldCreator[], now: number): number[] {
  const out = new Array<number>(world.length);
  for (const region of ['US', 'GB'] as const) {
    let rank = 0;
    for (const w of world) {
      if (w.region !== region) continue;
      const invited = invitedAt(now, Math.floor(rank++ / creatorsPerCollaboration));
      out[w.position] = Math.max(invited, w.contactedAt ?? invited);
    }
  }
  return out;
}
