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

const money = z.object({ amount: z.string(), currency: z.string() }).loose();
/** One order of Search Affiliate Orders (202410); the collaboration ids are there only when one applies. */
export const affiliateOrder = z
  .object({
    id: z.string(),
    create_time: z.number(),
    skus: z.array(
      z
        .object({
          product_id: z.string(),
          creator_username: z.string(),
          commission_rate: z.string(),
          estimated_paid_commission: money,
          target_collaboration_id: z.string().optional(),
          open_collaboration_id: z.string().optional(),
        })
        .loose(),
    ),
  })
  .loose();

/**
 * `GET /outcomes` of the admin API: what each invited creator will do and when (sandbox Unix seconds, null
 * when they never do it), drawn when the invitation was made.
 */
export const outcomes = z.object({
  collaborations: z.array(
    z
      .object({
        id: z.string(),
        creators: z.array(
          z
            .object({
              creatorOpenId: z.string(),
              username: z.string(),
              acceptAt: z.number().nullable(),
              showcasedProductIds: z.array(z.string()),
              contentAt: z.number().nullable(),
              featuredProductIds: z.array(z.string()),
              sales: z.array(
                z
                  .object({
                    orderId: z.string(),
                    at: z.number(),
                    productId: z.string(),
                    quantity: z.number(),
                    cancelled: z.boolean(),
                  })
                  .loose(),
              ),
            })
            .loose(),
        ),
      })
      .loose(),
  ),
});

/** `GET /clock` of the admin API: the sandbox's own time (Unix seconds), which may run ahead of the wall. */
export const clock = z.object({ nowSec: z.number() }).loose();
