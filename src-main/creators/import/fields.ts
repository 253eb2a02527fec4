import type { ContactKind } from '@shared/creator-contacts';
import { contactValueSchemas } from '@shared/creator-contacts';
import type { ImportField, RowProblem } from '@shared/creator-import';
import { currencyCode, type HeaderUnit, parseEngagement, parseMoneyCell, splitHeaderUnit } from './figures';

/**
 * One creator as an import row or a manual add describes them, checked and in normal form. The same rules
 * serve both, so a row the dry run accepts is exactly what the manual form would have accepted.
 */
export interface CreatorDraft {
  handle: string | null;
  nickname: string | null;
  openId: string | null;
  region: string | null;
  followers: number | null;
  /** Figures another tool measured (docs/creator-sources.md "Figures"); the marketplace's own win over them. */
  gmv: { amountMinor: number; currency: string } | null;
  unitsSold: number | null;
  avgVideoViews: number | null;
  /** Hundredths of a percent. */
  engagementBp: number | null;
  /** TikTok's product category ids the creator sells in (docs/tiktok-api/affiliate-creators-and-samples.md). */
  categories: string[];
  contacts: Partial<Record<ContactKind, string>>;
}

/**
 * Header names each field is recognised by (compared without case, spaces, "_", "-" or "#"): TikTok's
 * own export names, common spreadsheet names and their Chinese equivalents.
 */
export const headerAliases: Record<ImportField, readonly string[]> = {
  handle: [
    'handle',
    'username',
    'tiktokhandle',
    'tiktokusername',
    'tiktok',
    'creator',
    'creatorusername',
    '用户名',
    '达人账号',
    '账号',
    '抖音号',
  ],
  nickname: ['nickname', 'name', 'displayname', 'creatorname', '昵称', '达人昵称', '名称'],
  openId: ['openid', 'creatoropenid', 'tiktokopenid'],
  region: ['region', 'country', 'market', 'selectionregion', '国家', '地区', '国家地区'],
  followers: ['followers', 'followercount', 'fans', '粉丝', '粉丝数'],
  categories: ['categories', 'category', 'categoryids', 'categoryid', '类目', '类目id', '品类', '主营类目'],
  gmv: ['gmv', 'salesamount', 'revenue', 'gmv30d', '成交额', '销售额', '带货金额', 'gmv金额'],
  currency: ['currency', 'currencycode', 'gmvcurrency', '币种', '货币', '货币代码'],
  unitsSold: [
    'unitssold',
    'units',
    'itemssold',
    'sold',
    'unitssold30d',
    '销量',
    '销售件数',
    '带货件数',
    '成交件数',
  ],
  avgVideoViews: [
    'avgvideoviews',
    'averagevideoviews',
    'avgviews',
    'averageviews',
    'videoviewsavg',
    '平均播放量',
    '视频平均播放量',
    '平均观看量',
    '场均播放',
  ],
  engagement: [
    'engagement',
    'engagementrate',
    'er',
    'avgengagementrate',
    'videoengagementrate',
    '互动率',
    '视频互动率',
    '平均互动率',
  ],
  email: ['email', 'emailaddress', 'mail', '邮箱', '电子邮件'],
  whatsapp: ['whatsapp', 'whatsappnumber', 'wa'],
  instagram: ['instagram', 'ig', 'instagramhandle', 'insta'],
  phone: ['phone', 'phonenumber', 'mobile', 'tel', 'telephone', '电话', '手机', '手机号'],
};

const aliasIndex = new Map<string, ImportField>();
for (const [field, names] of Object.entries(headerAliases) as Array<[ImportField, readonly string[]]>) {
  for (const n of names) aliasIndex.set(n, field);
}

const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-#/.()（）]/g, '');

export function fieldForHeader(header: string): ImportField | null {
  return aliasIndex.get(headerKey(header)) ?? null;
}

/** What a header column holds, with the unit its header names ("GMV (USD)" → gmv in USD, "互动率(%)" → %). */
export interface ImportColumn {
  field: ImportField | null;
  unit: HeaderUnit;
}

/**
 * A header's field. A unit is taken only where it means something (a currency on GMV, "%" on engagement);
 * any other suffix leaves the column unrecognised rather than read in the wrong unit.
 */
export function columnForHeader(header: string): ImportColumn {
  const field = fieldForHeader(header);
  if (field !== null) return { field, unit: {} };
  const split = splitHeaderUnit(header);
  const base = split ? fieldForHeader(split.name) : null;
  if (split && base === 'gmv' && split.unit.currency) return { field: base, unit: split.unit };
  if (split && base === 'engagement' && split.unit.percent) return { field: base, unit: split.unit };
  return { field: null, unit: {} };
}

/** TikTok usernames: 2–24 letters, digits, "_" or "."; an "@" or a profile URL around it is dropped. */
const handlePattern = /^[A-Za-z0-9_.]{2,24}$/;
const openIdPattern = /^[A-Za-z0-9_\-+/=]{8,128}$/;

export function normaliseHandle(raw: string): string {
  return raw
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^(www\.|m\.)?tiktok\.com\//i, '')
    .replace(/^@/, '')
    .replace(/[/?].*$/, '');
}

const multipliers: Record<string, number> = { k: 1_000, m: 1_000_000, w: 10_000, 万: 10_000 };

/** "12,345", "12 345", "12.5k", "1.2M", "3.4万" → integer; null when it is not a count. */
export function parseCount(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[,\s\u00a0_]/g, '')
    .toLowerCase();
  const m = /^(\d+(?:\.\d+)?)([kmw万])?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]) * (m[2] ? (multipliers[m[2]] ?? 1) : 1);
  return Number.isSafeInteger(Math.round(n)) ? Math.round(n) : null;
}

const NICKNAME_MAX = 100;

/** TikTok's category ids are decimal numbers sent as strings ("60001"); a cell lists several. */
const categoryIdPattern = /^\d{1,20}$/;
const CATEGORIES_MAX = 20;

/** "600001; 601152", "600001,601152" or "600001 | 601152" → the ids, once each; null when one is not an id. */
export function parseCategoryIds(raw: string): string[] | null {
  const ids = raw
    .split(/[;,|、，；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (ids.length > CATEGORIES_MAX || !ids.every((x) => categoryIdPattern.test(x))) return null;
  return [...new Set(ids)];
}

/** Control characters other than tab and line breaks never belong in a name (a spreadsheet's binary junk). */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

/**
 * Checks one creator's raw values (absent or blank = not given). Returns the draft, or every problem found
 * (a row is reported with all its problems at once, not the first one only).
 */
export function checkCreator(
  raw: Partial<Record<ImportField, string>>,
  units: { gmv?: HeaderUnit; engagement?: HeaderUnit } = {},
): { draft: CreatorDraft } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const value = (f: ImportField): string | null => {
    const v = raw[f]?.trim();
    return v ? v : null;
  };
  const draft: CreatorDraft = {
    handle: null,
    nickname: null,
    openId: null,
    region: null,
    followers: null,
    gmv: null,
    unitsSold: null,
    avgVideoViews: null,
    engagementBp: null,
    categories: [],
    contacts: {},
  };
  const handle = value('handle');
  if (handle !== null) {
    const h = normaliseHandle(handle);
    if (handlePattern.test(h)) draft.handle = h;
    else problems.push({ code: 'invalid', field: 'handle' });
  }
  const openId = value('openId');
  if (openId !== null) {
    if (openIdPattern.test(openId)) draft.openId = openId;
    else problems.push({ code: 'invalid', field: 'openId' });
  }
  const nickname = value('nickname');
  if (nickname !== null) {
    // Characters, not UTF-16 units: an emoji counts once.
    if ([...nickname].length > NICKNAME_MAX) problems.push({ code: 'too_long', field: 'nickname' });
    else if (hasControlCharacters(nickname)) problems.push({ code: 'invalid', field: 'nickname' });
    else draft.nickname = nickname.normalize('NFC');
  }
  const region = value('region');
  if (region !== null) {
    if (/^[A-Za-z]{2}$/.test(region)) draft.region = region.toUpperCase();
    else problems.push({ code: 'invalid', field: 'region' });
  }
  const followers = value('followers');
  if (followers !== null) {
    const n = parseCount(followers);
    if (n === null) problems.push({ code: 'invalid', field: 'followers' });
    else draft.followers = n;
  }
  for (const field of ['unitsSold', 'avgVideoViews'] as const) {
    const v = value(field);
    if (v === null) continue;
    const n = parseCount(v);
    if (n === null) problems.push({ code: 'invalid', field });
    else draft[field] = n;
  }
  const currency = value('currency');
  const rowCurrency = currency === null ? null : currencyCode(currency);
  if (currency !== null && rowCurrency === null) problems.push({ code: 'invalid', field: 'currency' });
  const gmv = value('gmv');
  if (gmv !== null) {
    const cell = parseMoneyCell(gmv, units.gmv?.currency ?? null, rowCurrency);
    if (cell.ok) draft.gmv = { amountMinor: cell.amountMinor, currency: cell.currency };
    // An unreadable currency cell is already reported; its GMV is not also "without a currency".
    else if (!(cell.problem === 'missing_currency' && currency !== null))
      problems.push({
        code: cell.problem,
        field: cell.problem === 'conflicting_currency' ? 'currency' : 'gmv',
      });
  }
  const engagement = value('engagement');
  if (engagement !== null) {
    const bp = parseEngagement(engagement, units.engagement?.percent === true);
    if (bp === 'ambiguous') problems.push({ code: 'ambiguous_rate', field: 'engagement' });
    else if (bp === null) problems.push({ code: 'invalid', field: 'engagement' });
    else draft.engagementBp = bp;
  }
  const categories = value('categories');
  if (categories !== null) {
    const ids = parseCategoryIds(categories);
    if (ids === null) problems.push({ code: 'invalid', field: 'categories' });
    else draft.categories = ids;
  }
  for (const kind of ['email', 'whatsapp', 'instagram', 'phone'] as const) {
    const v = value(kind);
    if (v === null) continue;
    const parsed = contactValueSchemas[kind].safeParse(v);
    if (parsed.success) draft.contacts[kind] = parsed.data;
    else problems.push({ code: 'invalid', field: kind });
  }
  if (handle === null && openId === null) problems.unshift({ code: 'missing_identity', field: null });
  return problems.length > 0 ? { problems } : { draft };
}
