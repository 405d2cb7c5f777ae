import { z } from 'zod';

export const uuidSchema = z.uuid();

/** Query parameters of every paginated list. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const okSchema = z.object({ ok: z.literal(true) });

/** Longitude/latitude in WGS84 / CGCS2000 (what we store; GCJ-02 conversion happens at display). */
export const lngSchema = z.coerce.number().min(-180).max(180);
export const latSchema = z.coerce.number().min(-90).max(90);

export const dateStringSchema = z.iso.date();
