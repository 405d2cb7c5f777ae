import { z } from 'zod';
import { pageQuerySchema } from './common';
import { rowIssueSchema } from './errors';
import type { Labels } from './labels';

// ---- regions -----------------------------------------------------------------------------------

export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Labels<RegionLevel> = {
  city: { zh: '市', en: 'City' },
  district: { zh: '区县', en: 'District' },
  street: { zh: '街道/乡镇', en: 'Street / town' },
  community: { zh: '社区/村', en: 'Community / village' },
};

/**
 * Region codes are strings: 6-digit county-level code (GB/T 2260), + 3 street digits, + 3 community
 * digits. A city uses its own 6-digit code.
 */
export const REGION_CODE_LENGTH: Record<RegionLevel, number> = {
  city: 6,
  district: 6,
  street: 9,
  community: 12,
};

export const regionSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  cityId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  childCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;

export const createRegionSchema = z.strictObject({
  parentId: z.uuid().nullable(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3}){0,2}$/, '编码应为 6、9 或 12 位数字'),
  name: z.string().trim().min(1).max(64),
  level: z.enum(REGION_LEVELS),
});
export const updateRegionSchema = z.strictObject({ name: z.string().trim().min(1).max(64) });

export const regionListQuerySchema = pageQuerySchema.extend({
  parentId: z.uuid().optional(),
  level: z.enum(REGION_LEVELS).optional(),
});

// ---- units -------------------------------------------------------------------------------------

export const UNIT_KINDS = ['department', 'street', 'community', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Labels<UnitKind> = {
  department: { zh: '职能部门（条）', en: 'Department' },
  street: { zh: '街道/乡镇（块）', en: 'Street office' },
  community: { zh: '社区/村', en: 'Community' },
  other: { zh: '其他', en: 'Other' },
};

export const unitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createUnitSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、_ 和 -'),
  name: z.string().trim().min(1).max(64),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable().optional(),
  regionId: z.uuid().nullable().optional(),
  contactName: optionalText(32),
  contactPhone: optionalText(32),
  address: optionalText(128),
});
export type CreateUnit = z.infer<typeof createUnitSchema>;
export const updateUnitSchema = createUnitSchema.partial();
export type UpdateUnit = z.infer<typeof updateUnitSchema>;

export const unitListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(UNIT_KINDS).optional(),
  regionId: z.uuid().optional(),
});

// ---- people ------------------------------------------------------------------------------------

export const PERSON_DUTIES = [
  'grid_worker',
  'sponsor_leader',
  'contact',
  'responsible',
  'inspector',
] as const;
export type PersonDuty = (typeof PERSON_DUTIES)[number];
export const PERSON_DUTY_LABELS: Labels<PersonDuty> = {
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  sponsor_leader: { zh: '包保领导', en: 'Sponsoring leader' },
  contact: { zh: '联络员', en: 'Liaison' },
  responsible: { zh: '具体负责人', en: 'Person in charge' },
  inspector: { zh: '督查员', en: 'Inspector' },
};

export const personSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string().nullable(),
  /** Masked (138****5678) unless the viewer's role needs the full number. */
  phone: z.string().nullable(),
  duties: z.array(z.enum(PERSON_DUTIES)),
  userId: z.uuid().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const createPersonSchema = z.strictObject({
  name: z.string().trim().min(1).max(32),
  unitId: z.uuid(),
  title: optionalText(32),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请输入 11 位手机号或带区号的固话')
    .nullable()
    .optional(),
  duties: z.array(z.enum(PERSON_DUTIES)).max(5).default([]),
});
export type CreatePerson = z.infer<typeof createPersonSchema>;
export const updatePersonSchema = createPersonSchema.partial();
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

export const personListQuerySchema = pageQuerySchema.extend({
  unitId: z.uuid().optional(),
  duty: z.enum(PERSON_DUTIES).optional(),
});

// ---- grids -------------------------------------------------------------------------------------

/** GeoJSON Polygon or MultiPolygon geometry, WGS84 lng/lat. */
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const polygonGeometrySchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position).min(4)).min(1).max(50),
});
export const multiPolygonGeometrySchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(z.array(z.array(position).min(4)).min(1))
    .min(1)
    .max(50),
});
export const gridGeometrySchema = z.discriminatedUnion('type', [
  polygonGeometrySchema,
  multiPolygonGeometrySchema,
]);
export type GridGeometry = z.infer<typeof gridGeometrySchema>;

const ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type Ref = z.infer<typeof ref>;
export const refSchema = ref;

export const gridSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  community: ref.nullable(),
  street: ref.nullable(),
  district: ref.nullable(),
  block: ref.nullable(),
  leadUnit: ref.nullable(),
  memberUnitIds: z.array(z.uuid()),
  workerIds: z.array(z.uuid()),
  leaderId: z.uuid().nullable(),
  areaM2: z.number(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Grid = z.infer<typeof gridSchema>;
export const gridDetailSchema = gridSchema.extend({ geometry: gridGeometrySchema });
export type GridDetail = z.infer<typeof gridDetailSchema>;

export const createGridSchema = z.strictObject({
  code: z.string().trim(),
  name: z.string().trim().min(1).max(64),
  communityId: z.uuid(),
  blockId: z.uuid().nullable().optional(),
  leadUnitId: z.uuid().nullable().optional(),
  memberUnitIds: z.array(z.uuid()).max(50).default([]),
  workerIds: z.array(z.uuid()).max(50).default([]),
  leaderId: z.uuid().nullable().optional(),
  geometry: gridGeometrySchema,
  validFrom: z.iso.date().optional(),
});
export type CreateGrid = z.infer<typeof createGridSchema>;
/** A geometry change closes the current version (valid_to) and opens a new one, so history is kept. */
export const updateGridSchema = createGridSchema.omit({ code: true }).partial();
export type UpdateGrid = z.infer<typeof updateGridSchema>;

export const gridListQuerySchema = pageQuerySchema.extend({
  regionId: z.uuid().optional(),
  blockId: z.uuid().optional(),
  leadUnitId: z.uuid().optional(),
  /** ISO date: the version valid on that day; default today (current grids). */
  asOf: z.iso.date().optional(),
});

/** All current grids as a GeoJSON FeatureCollection for the map (coordinates rounded to ~1 m). */
export const gridFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({
        code: z.string(),
        name: z.string(),
        blockId: z.string().nullable(),
        communityId: z.string().nullable(),
      }),
      geometry: gridGeometrySchema,
    }),
  ),
});
export type GridFeatureCollection = z.infer<typeof gridFeatureCollectionSchema>;

// ---- responsibility blocks (责任区块) -------------------------------------------------------------

export const blockSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  leadUnit: ref.nullable(),
  responsibleUnits: z.array(ref),
  leaderId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  gridCount: z.number().int(),
  note: z.string().nullable(),
});
export type Block = z.infer<typeof blockSchema>;

export const createBlockSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、_ 和 -'),
  name: z.string().trim().min(1).max(64),
  leadUnitId: z.uuid(),
  responsibleUnitIds: z.array(z.uuid()).max(50).default([]),
  leaderId: z.uuid().nullable().optional(),
  note: optionalText(500),
  /** Grid codes that belong to this block (a grid belongs to at most one block). */
  gridCodes: z.array(z.string()).max(100000).optional(),
});
export type CreateBlock = z.infer<typeof createBlockSchema>;
export const updateBlockSchema = createBlockSchema.partial();
export type UpdateBlock = z.infer<typeof updateBlockSchema>;

export const blockListQuerySchema = pageQuerySchema.extend({ leadUnitId: z.uuid().optional() });

// ---- locate ------------------------------------------------------------------------------------

export const locateQuerySchema = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
export const locateResultSchema = z.object({
  grid: ref.nullable(),
  community: ref.nullable(),
  street: ref.nullable(),
  district: ref.nullable(),
  block: ref.nullable(),
  leadUnit: ref.nullable(),
  /** The point lies in a grid outside the reader's scope (every name above is then withheld). */
  outOfScope: z.boolean(),
});
export type LocateResult = z.infer<typeof locateResultSchema>;

// ---- import / export ---------------------------------------------------------------------------

export const IMPORT_KINDS = ['units', 'people', 'grids', 'grids-geojson'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Labels<ImportKind> = {
  units: { zh: '单位', en: 'Units' },
  people: { zh: '人员', en: 'People' },
  grids: { zh: '网格属性（Excel）', en: 'Grid attributes (Excel)' },
  'grids-geojson': { zh: '网格边界（GeoJSON）', en: 'Grid boundaries (GeoJSON)' },
};

export const EXPORT_ENTITIES = ['regions', 'units', 'people', 'grids', 'blocks', 'users'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

/** Mapping of GeoJSON feature properties to grid fields, for a GeoJSON import. */
export const geojsonMappingSchema = z.object({
  code: z.string().min(1).default('code'),
  name: z.string().min(1).default('name'),
  community: z.string().min(1).default('community'),
  block: z.string().min(1).optional(),
  leadUnit: z.string().min(1).optional(),
});
export type GeojsonMapping = z.infer<typeof geojsonMappingSchema>;

export const importResultSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** What the import changes on its own, row by row (e.g. a zero-area ring dropped from a grid). */
  warnings: z.array(rowIssueSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The city the citizen portal (随手拍) and its public boards serve (an installation setting). */
export const portalCitySchema = z.object({ id: z.uuid(), name: z.string(), code: z.string() });
export type PortalCity = z.infer<typeof portalCitySchema>;
export const setPortalCitySchema = z.strictObject({ cityId: z.uuid() });
export const PORTAL_CITY_LABELS = {
  title: { zh: '市民随手拍服务城市', en: 'City served by the citizen portal' },
  hint: {
    zh: '市民随手拍（/c）与公开的曝光台、红黑榜只服务这一个城市；新增城市不会改变它。',
    en: 'The citizen portal (/c) and its public boards serve this city; adding a city never changes it.',
  },
} as const;
