import { z } from 'zod';
import { CATEGORY_KINDS } from './catalog';

/**
 * 行业主管 (谁主管、谁负责): the categories a department supervises. A supervised category covers its
 * descendants; it is named by kind + code, so the configuration holds across catalogue versions.
 */
export const tradeCategorySchema = z.object({
  kind: z.enum(CATEGORY_KINDS),
  code: z.string(),
  /** The category of the active catalogue version with this kind and code (null: not in it any more). */
  categoryId: z.uuid().nullable(),
  name: z.string().nullable(),
  /** 大类 / 小类 / 细类 path text of the active version. */
  path: z.string().nullable(),
});
export type TradeCategory = z.infer<typeof tradeCategorySchema>;

export const unitTradesSchema = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  /** The region whose cases the unit oversees (null: the whole city). */
  region: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  categories: z.array(tradeCategorySchema),
});
export type UnitTrades = z.infer<typeof unitTradesSchema>;

export const putUnitTradesSchema = z.strictObject({
  /** Categories of the active catalogue version (any level); replaces the unit's whole list. */
  categoryIds: z.array(z.uuid({ message: '问题类别 id 格式不正确' })).max(500, '最多 500 个类别'),
});
export type PutUnitTrades = z.infer<typeof putUnitTradesSchema>;
