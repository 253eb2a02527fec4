/**
 * TikTok sends creators' categories as ids only (docs/tiktok-api/affiliate-creators-and-samples.md); the
 * names come from the merchant's own products, whose Get Product answer names every level of their category
 * in the shop's language (docs/tiktok-api/shop-data.md "Product categories"). A category none of the
 * merchant's products is in has no name here: the renderer says "Unknown category (id)".
 */
export const categoryNamesSql = `
  SELECT json_extract(j.value, '$.id') AS id, min(json_extract(j.value, '$.name')) AS name
  FROM product_categories c, json_each(c.chain) j
  WHERE json_extract(j.value, '$.name') <> ''
  GROUP BY 1`;

/** Every category a creator is in, with its name when one is known; named ones first, by name. */
export const creatorCategoriesSql = `
  SELECT x.category AS id, n.name AS name
  FROM (SELECT DISTINCT category FROM creator_categories) x LEFT JOIN (${categoryNamesSql}) n ON n.id = x.category
  ORDER BY n.name IS NULL, n.name COLLATE NOCASE, x.category`;
