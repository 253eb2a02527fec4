import type { CreatorColumns, Dataset } from './dataset';
import { creatorCategories } from './names';
import { hash, Rng } from './rng';

/**
 * A generated population of creators the shops already work with, loaded on demand (`POST /admin/world`)
 * so a test can watch the app learn about thousands of creators the way it does from TikTok: through the
 * target collaborations that invited them and the conversations in which the shop wrote to them. The same
 * function gives the test the plain facts, so what a search should find is worked out from the world and
 * never from the app's database. Deterministic per (seed, size, now).
 */

export interface WorldSpec {
  seed: number;
  size: number;
  /** Sandbox-clock Unix seconds the world is generated at ("now"): contact times lie before it. */
  now: number;
}

export interface WorldCreator {
  /** Position in the world (0…size−1); the sandbox index is the dataset's creator count before the load plus this. */
  position: number;
  username: string;
  nickname: string;
  /** Where the creator sells: the region of the shop that invited them (the sandbox's shops are US and GB). */
  region: 'US' | 'GB';
  followers: number;
  /** Marketplace GMV of the last 30 days, in cents of the shop's currency. */
  gmvCents: number;
  unitsSold: number;
  videoViews: number;
  /** TikTok category id, one of `creatorCategories`. */
  categoryId: string;
  /** When the shop last wrote to the creator (Unix seconds, half a day off a whole day), or null: never. */
  contactedAt: number | null;
}

const DAY = 86_400;
const latin = ['anna', 'bella', 'chen', 'david', 'elena', 'felix', 'grace', 'hiro', 'iris', 'jose', 'kim'];
const more = ['luna', 'mia', 'nora', 'olga', 'pierre', 'zoe'];
const latinNames = [...latin, ...more];
// Nicknames in the scripts a cross-border merchant meets, so full-text search is tested on CJK and Thai.
const cjkNames = ['李小美', '王芳', '张伟', '美妆达人', '小红', '陈静', '佐藤さくら'];
const thaiNames = ['สมชาย', 'มาลี', 'ก้องภพ', 'ใจดี', 'น้ำฝน'];
const words = ['beauty', 'fitness', 'gamer', 'chef', 'travel', 'mom', 'tech', 'style', 'daily'];

export function generateWorld(spec: WorldSpec): WorldCreator[] {
  const out: WorldCreator[] = [];
  for (let i = 0; i < spec.size; i++) {
    const r = new Rng(hash(spec.seed, 911, i));
    const pick = <T>(xs: readonly T[]): T => xs[r.int(0, xs.length - 1)]!;
    const script = r.float();
    const base = script < 0.6 ? pick(latinNames) : script < 0.85 ? pick(cjkNames) : pick(thaiNames);
    const word = pick(words);
    const gmvDollars = r.float() < 0.1 ? 0 : Math.floor(10 ** (1 + r.float() * 5));
    const contacted = r.float() < 0.5 ? r.int(0, 119) : null;
    out.push({
      position: i,
      // The position keeps handles unique, as TikTok's are at any one time.
      username: `${pick(latinNames)}_${word}${i}`,
      nickname: r.float() < 0.5 ? `${base} ${word}` : base,
      region: r.float() < 0.65 ? 'US' : 'GB',
      followers: Math.floor(10 ** (2 + r.float() * 5)),
      gmvCents: gmvDollars * 100 + r.int(0, 99),
      unitsSold: r.int(0, 5_000),
      videoViews: Math.floor(10 ** (2 + r.float() * 4)),
      categoryId: pick(creatorCategories).id,
      contactedAt: contacted === null ? null : spec.now - contacted * DAY - DAY / 2,
    });
  }
  return out;
}

/**
 * The dataset with the world's creators after its own (copy-on-write, so `reset()` goes back to the
 * generated one). They accept messages and keep their marketplace figures, region and category.
 */
export function withWorldCreators(ds: Dataset, world: readonly WorldCreator[]): Dataset {
  const old = ds.creators;
  const count = old.count + world.length;
  const grow = <T extends Uint8Array | Uint32Array | Float64Array>(
    column: T,
    value: (w: WorldCreator) => number,
  ): T => {
    const next = new (column.constructor as new (n: number) => T)(count);
    next.set(column);
    world.forEach((w, k) => (next[old.count + k] = value(w)));
    return next;
  };
  const regions: Array<string | undefined> = old.regions ? [...old.regions] : [];
  regions.length = old.count;
  for (const w of world) regions.push(w.region);
  const creators: CreatorColumns = {
    count,
    followers: grow(old.followers, (w) => w.followers),
    gmvCents: grow(old.gmvCents, (w) => w.gmvCents),
    unitsSold: grow(old.unitsSold, (w) => w.unitsSold),
    liveUv: grow(old.liveUv, () => 0),
    videoViews: grow(old.videoViews, (w) => w.videoViews),
    category: grow(old.category, (w) => creatorCategories.findIndex((c) => c.id === w.categoryId)),
    flags: grow(old.flags, () => 0),
    usernames: [...old.usernames, ...world.map((w) => w.username)],
    nicknames: [...old.nicknames, ...world.map((w) => w.nickname)],
    regions,
  };
  return { ...ds, creators };
}
