import { z } from 'zod';
import { pageQuerySchema } from './common';

// The 问责 register: the city's lists of 情形 and 方式, the entries, their counts per unit.

export const ACCOUNTABILITY_KIND_TYPES = ['situation', 'method'] as const;
export type AccountabilityKindType = (typeof ACCOUNTABILITY_KIND_TYPES)[number];
export const ACCOUNTABILITY_KIND_TYPE_LABELS: Record<AccountabilityKindType, { zh: string; en: string }> = {
  situation: { zh: '问责情形', en: 'Situation' },
  method: { zh: '问责方式', en: 'Form of accountability' },
};
/** What a 情形/方式 left empty (entries recorded before the lists existed) is called. */
export const ACCOUNTABILITY_UNCLASSIFIED = { zh: '未分类', en: 'Unclassified' };

export const ACCOUNTABILITY_TEXT_MAX = 2000;

/** The register's field names, as the forms, the list and the export show them. */
export const ACCOUNTABILITY_FIELD_LABELS = {
  unitId: { zh: '被问责单位', en: 'Unit held accountable' },
  personName: { zh: '被问责人', en: 'Person' },
  personPost: { zh: '职务', en: 'Post' },
  situationId: { zh: '问责情形', en: 'Situation' },
  methodId: { zh: '问责方式', en: 'Form' },
  decidedOn: { zh: '问责日期', en: 'Decided on' },
  text: { zh: '问责事由', en: 'Grounds' },
  caseIds: { zh: '关联案件', en: 'Cases' },
  supervisionOrderIds: { zh: '关联督办单', en: 'Supervision orders' },
  issuedByName: { zh: '记录人', en: 'Recorded by' },
} as const;

export const accountabilityKindSchema = z.object({
  id: z.uuid(),
  type: z.enum(ACCOUNTABILITY_KIND_TYPES),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Register entries that name it (an entry in use can be deactivated, not deleted). */
  usedBy: z.number().int(),
});
export type AccountabilityKind = z.infer<typeof accountabilityKindSchema>;

const kindName = z
  .string({ message: '请填写名称' })
  .trim()
  .min(1, '请填写名称')
  .max(100, '名称不超过 100 个字');

export const createAccountabilityKindSchema = z.strictObject({
  type: z.enum(ACCOUNTABILITY_KIND_TYPES, { message: '类型须为 situation（情形）或 method（方式）' }),
  name: kindName,
  description: z.string().trim().max(500, '说明不超过 500 个字').optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type CreateAccountabilityKind = z.infer<typeof createAccountabilityKindSchema>;

export const updateAccountabilityKindSchema = z.strictObject({
  name: kindName.optional(),
  description: z.string().trim().max(500, '说明不超过 500 个字').nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});
export type UpdateAccountabilityKind = z.infer<typeof updateAccountabilityKindSchema>;

const personName = z.string().trim().max(64, '姓名不超过 64 个字');
const personPost = z.string().trim().max(100, '职务不超过 100 个字');

/**
 * The register's fields that a case's 问责 action may add (the unit, text and case come from the
 * action itself). Left out: 未分类.
 */
export const accountabilityDetailsSchema = z.strictObject({
  situationId: z.uuid().optional(),
  methodId: z.uuid().optional(),
  personName: personName.optional(),
  personPost: personPost.optional(),
  /** The date of the decision (YYYY-MM-DD); default today in the city. */
  decidedOn: z.iso.date({ message: '问责日期格式为 YYYY-MM-DD' }).optional(),
  supervisionOrderIds: z.array(z.uuid()).max(20).optional(),
});
export type AccountabilityDetails = z.infer<typeof accountabilityDetailsSchema>;

/** An entry made directly in the register: 情形 and 方式 are required there. */
export const createAccountabilitySchema = z.strictObject({
  unitId: z.uuid({ message: '请选择被问责单位' }),
  situationId: z.uuid({ message: '请选择问责情形' }),
  methodId: z.uuid({ message: '请选择问责方式' }),
  personName: personName.optional(),
  personPost: personPost.optional(),
  decidedOn: z.iso.date({ message: '问责日期格式为 YYYY-MM-DD' }).optional(),
  text: z
    .string({ message: '请填写问责事由' })
    .trim()
    .min(1, '请填写问责事由')
    .max(ACCOUNTABILITY_TEXT_MAX, `事由不超过 ${ACCOUNTABILITY_TEXT_MAX} 个字`),
  caseIds: z.array(z.uuid()).max(50).default([]),
  supervisionOrderIds: z.array(z.uuid()).max(20).default([]),
});
export type CreateAccountability = z.infer<typeof createAccountabilitySchema>;

const refSchema = z.object({ id: z.uuid(), name: z.string() });

export const accountabilitySchema = z.object({
  id: z.uuid(),
  unit: refSchema,
  /** Masked (张*) for readers other than the office and leaders. */
  personName: z.string().nullable(),
  personPost: z.string().nullable(),
  situation: refSchema.nullable(),
  method: refSchema.nullable(),
  decidedOn: z.string(),
  text: z.string(),
  /** The case whose 问责 action recorded it. */
  fromCaseId: z.uuid().nullable(),
  cases: z.array(z.object({ id: z.uuid(), number: z.string() })),
  supervisionOrders: z.array(z.object({ id: z.uuid(), number: z.string() })),
  issuedByName: z.string(),
  createdAt: z.string(),
});
export type Accountability = z.infer<typeof accountabilitySchema>;

const periodFilter = {
  from: z.iso.date({ message: '开始日期格式为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ message: '结束日期格式为 YYYY-MM-DD' }).optional(),
};
/** A 情形/方式 filter: an id, or 'none' for 未分类. */
const kindFilter = z.union([z.uuid(), z.literal('none')], {
  message: '须为情形/方式的编号或 none（未分类）',
});

export const accountabilityFilterSchema = z.object({
  unitId: z.uuid().optional(),
  situationId: kindFilter.optional(),
  methodId: kindFilter.optional(),
  /** A district (or any region): entries whose scope lies in its subtree. */
  regionId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  ...periodFilter,
});
export type AccountabilityFilter = z.infer<typeof accountabilityFilterSchema>;

export const accountabilityListQuerySchema = pageQuerySchema.extend(accountabilityFilterSchema.shape);
export type AccountabilityListQuery = z.infer<typeof accountabilityListQuerySchema>;

const countRef = z.object({ id: z.uuid().nullable(), name: z.string(), count: z.number().int() });

/** Entries per unit, and per 情形 and 方式 (id null = 未分类), over a period of decision dates. */
export const accountabilityCountsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      count: z.number().int(),
      situations: z.array(countRef),
      methods: z.array(countRef),
    }),
  ),
  situations: z.array(countRef),
  methods: z.array(countRef),
});
export type AccountabilityCounts = z.infer<typeof accountabilityCountsSchema>;
