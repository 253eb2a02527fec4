import { z } from 'zod';

/**
 * The parts of sandbox replies the sandbox tests read, as zod shapes: `.loose()` keeps what a test does not
 * name, so a test states only what it relies on and a reply without it fails with the field's path.
 */

/** `GET /requests` of the admin API: the request log, newest last. */
export const requestLog = z.object({
  entries: z.array(
    z
      .object({
        family: z.string(),
        method: z.string(),
        path: z.string(),
        query: z.string(),
        status: z.number(),
        durationMs: z.number(),
        fault: z.string().nullable(),
      })
      .loose(),
  ),
});

/** `GET /writes` of the admin API: the writes the sandbox applied, oldest first. */
export const writeLog = z.object({
  entries: z.array(
    z.object({ kind: z.string(), detail: z.record(z.string(), z.unknown()), answer: z.string() }).loose(),
  ),
});

const price = z.object({ sale_price: z.string(), currency: z.string() }).loose();
export const sku = z
  .object({
    id: z.string(),
    price,
    inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number() }).loose()),
  })
  .loose();
export const product = z.object({ id: z.string(), title: z.string(), skus: z.array(sku) }).loose();

export const order = z
  .object({
    id: z.string(),
    status: z.string(),
    create_time: z.number(),
    update_time: z.number(),
    payment: z
      .object({
        currency: z.string(),
        sub_total: z.string(),
        shipping_fee: z.string(),
        tax: z.string(),
        total_amount: z.string(),
        seller_discount: z.string(),
        platform_discount: z.string(),
      })
      .loose(),
    line_items: z.array(z.object({ id: z.string() }).loose()),
  })
  .loose();
