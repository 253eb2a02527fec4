import type { z } from 'zod';
import type { ShopRecord } from '../data/dataset';
import type { SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { invalidParam } from './errors';
import type { ShopScope } from './scopes';

export interface ShopContext {
  state: SandboxState;
  req: SandboxRequest;
  params: Record<string, string>;
  /** Decoded query values (repeated keys joined with `,`). */
  query: Map<string, string>;
  body: unknown;
  /** Set when the route takes a shop_cipher. */
  shop: ShopRecord | null;
  appKey: string;
  grant: number;
  scopes: number;
  now: number;
  version: string | undefined;
}

export interface ShopRoute {
  name: string;
  scope: ShopScope;
  cipher: 'required' | 'forbidden';
  /** Counted against the 10,000/day quota (creator search, IM send). */
  dailyQuota?: boolean;
  /** The body is `multipart/form-data` (an upload): `ctx.body` is its fields, files as `UploadedFile`. */
  multipart?: boolean;
  handler: (ctx: ShopContext) => unknown;
}

export function requireShop(ctx: ShopContext): ShopRecord {
  if (!ctx.shop) throw new Error('route declared without a shop_cipher');
  return ctx.shop;
}

/** Validates with zod and turns the first issue into the gateway's parameter error. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : where;
  throw invalidParam(`${path}: ${issue?.message ?? 'invalid'}`);
}

export function queryObject(ctx: ShopContext): Record<string, string> {
  return Object.fromEntries(ctx.query);
}

/** A file field of a multipart body. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}
