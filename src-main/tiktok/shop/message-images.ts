import { z } from 'zod';
import type { ShopDataContext } from './data-call';
import { shopRequest } from './request';

/**
 * Upload Message Image (docs/tiktok-api/outreach.md, "Message types"): the picture of an IMAGE message goes
 * to TikTok first, as `multipart/form-data` with the file in the field `data`, and the answer's `url`,
 * `width` and `height` are what the message then carries. The API takes no `shop_cipher`.
 *
 * Run as a read: uploading the same picture again reaches nobody and only makes another URL for it, so a
 * lost answer is simply asked again.
 */

const uploadData = z.object({
  url: z.url({ protocol: /^https?$/ }),
  width: z.coerce.number().int().positive(),
  height: z.coerce.number().int().positive(),
});
export type UploadedImage = z.infer<typeof uploadData>;

/** The multipart body: the file in field `data`; the boundary is chosen by the encoder. */
async function multipart(
  bytes: Uint8Array,
  fileName: string,
  mime: string,
): Promise<{ contentType: string; bytes: Uint8Array }> {
  const form = new FormData();
  form.append('data', new Blob([bytes], { type: mime }), fileName);
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { contentType, bytes: new Uint8Array(await encoded.arrayBuffer()) };
}

export async function uploadMessageImage(
  ctx: ShopDataContext,
  image: { bytes: Uint8Array; fileName: string; mime: string },
): Promise<UploadedImage> {
  return shopRequest({
    app: ctx.app,
    accessToken: ctx.accessToken,
    method: 'POST',
    path: '/affiliate_seller/202511/images/upload',
    rawBody: await multipart(image.bytes, image.fileName, image.mime),
    data: uploadData,
    bucket: ctx.bucket?.('im.image_upload'),
    signal: ctx.signal,
    logger: ctx.logger,
    now: ctx.now,
  });
}
