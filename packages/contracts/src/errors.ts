import { z } from 'zod';
import type { Label } from './labels';

/**
 * Every error code the API can answer with, its HTTP status and its message.
 * One table: the server maps codes to statuses with it, the web shows the messages.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '输入有误，请检查标出的字段',
    en: 'Invalid input; check the listed fields',
  },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  INVALID_CHARACTERS: {
    status: 400,
    zh: '输入含有不允许的字符（空字符 \\u0000 或不成对的 Unicode 代理项），请删除后重试',
    en: 'The input contains characters that are not allowed (NUL or an unpaired Unicode surrogate)',
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已超时，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定，请稍后再试',
    en: 'Too many failed logins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  CSRF_FAILED: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'CSRF check failed; reload the page',
  },
  FORBIDDEN_ROLE: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  FORBIDDEN_SCOPE: { status: 403, zh: '该数据不在您的管辖范围内', en: 'This record is outside your scope' },
  ACCOUNT_NO_CITY: {
    status: 403,
    zh: '该账号未归属任何城市，不能登录，请联系系统管理员分配城市与角色',
    en: 'This account belongs to no city; ask the administrator to assign one',
  },
  USER_CITY_REQUIRED: {
    status: 400,
    zh: '除系统管理员外，账号必须归属一个城市（请选择城市、区划或单位）',
    en: 'Every account but a system administrator belongs to a city',
  },
  USER_SCOPE_MISMATCH: {
    status: 400,
    zh: '所选城市、区划与单位不属于同一城市',
    en: 'The city, region and unit given belong to different cities',
  },
  ADMIN_NO_SCOPE: {
    status: 400,
    zh: '系统管理员管理城市与账号，不归属城市、区划或单位，也不查看案件数据',
    en: 'A system administrator has no city, region or unit',
  },
  NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  REGION_NOT_FOUND: { status: 404, zh: '行政区划不存在', en: 'Region not found' },
  UNIT_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'Unit not found' },
  PERSON_NOT_FOUND: { status: 404, zh: '人员不存在', en: 'Person not found' },
  GRID_NOT_FOUND: { status: 404, zh: '网格不存在', en: 'Grid not found' },
  BLOCK_NOT_FOUND: { status: 404, zh: '责任区块不存在', en: 'Responsibility block not found' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  DUPLICATE_CODE: { status: 409, zh: '编码已存在', en: 'The code already exists' },
  DUPLICATE_USERNAME: { status: 409, zh: '用户名已存在', en: 'The username already exists' },
  IN_USE: { status: 409, zh: '该记录仍被引用，不能删除', en: 'The record is still referenced' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record changed meanwhile; reload' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'The password needs 8+ characters from at least 3 classes',
  },
  INVALID_GEOMETRY: { status: 400, zh: '几何图形无效', en: 'Invalid geometry' },
  INVALID_CODE: { status: 400, zh: '编码格式不正确', en: 'Invalid code format' },
  IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有错误，未写入任何数据',
    en: 'The import has errors; nothing was written',
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    zh: '导入文件解压后过大或压缩比异常，已拒绝',
    en: 'The import file is too large once unzipped, or abnormally compressed',
  },
  IMPORT_LIMIT_EXCEEDED: {
    status: 400,
    zh: '导入文件超过行数、列数、单元格数或字符串数的上限，请拆分后分批导入',
    en: 'The import file exceeds the row, column, cell or string limits; split it',
  },
  IMPORT_BUSY: {
    status: 503,
    zh: '当前导入任务较多，请稍后再试',
    en: 'Too many imports are waiting; try again later',
  },
  CATEGORY_NOT_FOUND: { status: 404, zh: '问题类别不存在', en: 'Category not found' },
  CATEGORY_NOT_FILEABLE: {
    status: 400,
    zh: '该类别不能立案，请选择带立案条件的小类',
    en: 'Cases are filed under a minor class with filing conditions',
  },
  CONDITION_NOT_FOUND: {
    status: 400,
    zh: '立案条件不属于该类别',
    en: 'The condition is not of this category',
  },
  ROUTING_RULE_NOT_FOUND: { status: 404, zh: '派遣规则不存在', en: 'Routing rule not found' },
  CASE_NOT_FOUND: { status: 404, zh: '案卷不存在', en: 'Case not found' },
  PHOTO_NOT_FOUND: { status: 404, zh: '照片不存在', en: 'Photo not found' },
  NOTIFICATION_NOT_FOUND: { status: 404, zh: '通知不存在', en: 'Notification not found' },
  SUPERVISION_ORDER_NOT_FOUND: { status: 404, zh: '督办单不存在', en: 'Supervision order not found' },
  SUPERVISION_DEADLINE_PAST: {
    status: 400,
    zh: '督办限期须晚于当前时间',
    en: 'The supervision deadline must be in the future',
  },
  SUPERVISION_ORDER_STATE: {
    status: 409,
    zh: '督办单当前状态不允许此操作（已下发 → 已签收 → 已回复 → 已办结）',
    en: 'The supervision order is not in a state that allows this (issued → signed → replied → closed)',
  },
  SUPERVISION_ONE_UNIT: {
    status: 400,
    zh: '一张督办单只能督办同一责任单位的问题，所选案卷的主办单位不同',
    en: 'One supervision order covers problems of one unit; the chosen cases have different lead units',
  },
  CASE_CHANGED: {
    status: 409,
    zh: '案卷已被他人处理，请刷新后查看最新状态',
    en: 'Someone else acted on this case first; reload it',
  },
  CASE_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    zh: '案卷当前状态不允许此操作',
    en: 'This action is not allowed in the current status',
  },
  CASE_ACTION_FORBIDDEN_ROLE: {
    status: 403,
    zh: '您的角色不能对案卷执行此操作',
    en: 'Your role may not take this action',
  },
  CASE_NOT_YOUR_UNIT: {
    status: 403,
    zh: '案卷不是派给本单位的，不能执行此操作',
    en: 'The case is not assigned to your unit',
  },
  CASE_VERIFIER_IS_RECTIFIER: {
    status: 409,
    zh: '核查人不能是整改反馈人本人',
    en: 'The verifier cannot be the person who submitted the rectification',
  },
  CASE_REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'A reason is required' },
  CASE_AFTER_PHOTO_REQUIRED: {
    status: 400,
    zh: '请上传整改后照片',
    en: 'At least one after-photo is required',
  },
  CASE_BEFORE_PHOTO_REQUIRED: {
    status: 400,
    zh: '自处理须同时上传处置前和处置后照片',
    en: 'Self-handling needs before and after photos',
  },
  CASE_DEADLINE_REQUIRED: {
    status: 400,
    zh: '请填写期限：延期须晚于当前期限，督办须设定限期',
    en: 'A deadline is required: an extension must be later than the current one, a supervision needs its own deadline',
  },
  CASE_UNIT_REQUIRED: { status: 400, zh: '请选择责任单位', en: 'A responsible unit is required' },
  CASE_REQUEST_PENDING: {
    status: 409,
    zh: '已有待审批的申请，请等待审批结果',
    en: 'A request is already awaiting approval',
  },
  CASE_NO_PENDING_REQUEST: {
    status: 409,
    zh: '没有待审批的该类申请',
    en: 'There is no such pending request',
  },
  CASE_APPROVER_IS_REQUESTER: {
    status: 409,
    zh: '申请人不能审批自己的申请',
    en: 'The requester cannot decide on their own request',
  },
  CASE_NOT_YOUR_TRADE: {
    status: 403,
    zh: '该案卷的问题类别不属于本单位主管的行业（或不在本单位辖区），不能认领',
    en: "The case's category is not a trade your unit supervises in its area",
  },
  TRADE_CATEGORY_NOT_FOUND: {
    status: 400,
    zh: '主管行业的问题类别不存在于现行目录',
    en: 'A supervised category is not in the active catalogue',
  },
  TRADE_UNIT_NOT_DEPARTMENT: {
    status: 400,
    zh: '只有职能部门（条）可以配置主管行业',
    en: 'Only functional departments supervise trades',
  },
  CASE_ALREADY_SUPERVISED: {
    status: 409,
    zh: '案卷已处于同级或更高级别的督办',
    en: 'The case is already supervised at this level or higher',
  },
  OUT_OF_CITY: {
    status: 400,
    zh: '位置不在本市范围内',
    en: 'The location is outside the city',
  },
  INVALID_IMAGE: {
    status: 400,
    zh: '文件不是可识别的图片（支持 JPEG、PNG、WebP）',
    en: 'The file is not a supported image (JPEG, PNG, WebP)',
  },
  IMAGE_TOO_LARGE: {
    status: 413,
    zh: '图片过大（文件或像素数超过限制）',
    en: 'The image is too large (bytes or pixels)',
  },
  FONT_MISSING: {
    status: 500,
    zh: '服务器缺少中文字体（请安装 fonts-noto-cjk），无法生成 PDF',
    en: 'No CJK font on the server (install fonts-noto-cjk); cannot render PDF',
  },
  STANDARD_NOT_FOUND: { status: 404, zh: '考核标准不存在', en: 'Standard not found' },
  STANDARD_NODE_NOT_FOUND: { status: 404, zh: '考核指标不存在', en: 'Indicator not found' },
  STANDARD_INVALID: {
    status: 400,
    zh: '考核标准有误（编码重复、子项分值超过上级、否决项带分值等），未作修改',
    en: 'The standard is inconsistent (duplicate codes, children over their parent, a veto with points…); nothing changed',
  },
  CAMPAIGN_NOT_FOUND: { status: 404, zh: '创建活动不存在', en: 'Campaign not found' },
  ROUND_NOT_FOUND: { status: 404, zh: '测评轮次不存在', en: 'Assessment round not found' },
  ROUND_CLOSED: { status: 409, zh: '该测评轮次已结束，不能再评分', en: 'The round is closed' },
  EVIDENCE_NOT_FOUND: { status: 404, zh: '台账资料不存在', en: 'Evidence file not found' },
  JOB_NOT_FOUND: { status: 404, zh: '后台任务不存在', en: 'Job run not found' },
  EVIDENCE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '台账资料只接受 PDF、Word(docx)、Excel(xlsx)、JPG、PNG 文件',
    en: 'Evidence must be PDF, DOCX, XLSX, JPG or PNG',
  },
  EVIDENCE_TOO_LARGE: { status: 413, zh: '台账文件超过大小限制', en: 'The evidence file is too large' },
  EVIDENCE_REVIEW_STATE: {
    status: 409,
    zh: '该台账资料当前不能执行此审核操作（已被审核或不在待审核状态），请刷新后重试',
    en: 'The evidence file is not awaiting this review (reviewed meanwhile?)',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  TRACKING_CODE_NOT_FOUND: {
    status: 404,
    zh: '查询码不存在，请核对后重新输入',
    en: 'No report has this tracking code',
  },
  PHOTO_TOKEN_INVALID: {
    status: 400,
    zh: '照片凭证无效或照片已被使用，请重新上传照片',
    en: 'A photo token is invalid or the photo is already used',
  },
  RATING_NOT_ALLOWED: {
    status: 409,
    zh: '案件办结后才能评价，且每个案件只能评价一次',
    en: 'Only a closed case can be rated, once',
  },
  NO_CITY: { status: 503, zh: '系统尚未配置城市，暂不能受理', en: 'No city is configured yet' },
  CASE_MERGE_NOT_ALLOWED: {
    status: 409,
    zh: '只能合并待立案或待派遣的案件',
    en: 'Only a reported or filed case can be merged',
  },
  CASE_MERGE_SELF: { status: 400, zh: '不能将案件并入其自身', en: 'A case cannot be merged into itself' },
  CASE_MERGE_IS_PARENT: {
    status: 409,
    zh: '已有其他案件并入该案件，不能再将它并入别的案件',
    en: 'Other cases are merged into this one; it cannot be merged itself',
  },
  CASE_MERGE_PARENT_CLOSED: {
    status: 409,
    zh: '目标案件已结案、已作废或已挂账，不能并入',
    en: 'The target case is closed, voided or parked',
  },
  CASE_NOT_MERGED: { status: 409, zh: '该案件未并入其他案件，无需拆分', en: 'The case is not merged' },
  REVISIT_NOT_FOUND: { status: 404, zh: '回头看记录不存在', en: 'Re-inspection not found' },
  REVISIT_ALREADY_DONE: {
    status: 409,
    zh: '该回头看已记录结果，不能重复记录',
    en: 'This re-inspection already has a result',
  },
  REVISIT_NO_CASES: {
    status: 409,
    zh: '所选时段内没有已结案件，未抽取回头看',
    en: 'No case was closed in the period; nothing was sampled',
  },
  EXPOSURE_NOT_FOUND: { status: 404, zh: '曝光记录不存在', en: 'Exposure not found' },
  EXPOSURE_EXISTS: { status: 409, zh: '该案件已在曝光台上，请勿重复曝光', en: 'The case is already exposed' },
  EXPOSURE_CASE_NOT_ELIGIBLE: { status: 409, zh: '待立案或已作废的案件不能曝光', en: 'Case not exposable' },
  EXPOSURE_WITHDRAWN: { status: 409, zh: '该曝光已撤回', en: 'The exposure is already withdrawn' },
  RANKING_BOARD_NOT_FOUND: { status: 404, zh: '红黑榜不存在', en: 'Ranking board not found' },
  RANKING_EMPTY: { status: 409, zh: '该时段没有达到参评条件的单位，未生成红黑榜', en: 'No unit qualifies' },
  RECTLIST_NOT_FOUND: { status: 404, zh: '整改清单不存在', en: 'Rectification list not found' },
  RECTLIST_DUPLICATE: {
    status: 409,
    zh: '同一文件已导入过，如确需再次导入请确认',
    en: 'This file was imported before; confirm to import it again',
  },
  ACCOUNTABILITY_NOT_FOUND: { status: 404, zh: '问责记录不存在', en: 'Accountability entry not found' },
  ACCOUNTABILITY_KIND_NOT_FOUND: {
    status: 404,
    zh: '问责情形或方式不存在、已停用或类型不符',
    en: 'Unknown, inactive or mismatched situation / form of accountability',
  },
  ACCOUNTABILITY_KIND_EXISTS: {
    status: 409,
    zh: '同名的问责情形或方式已存在',
    en: 'A situation / form with this name already exists',
  },
  ACCOUNTABILITY_KIND_IN_USE: {
    status: 409,
    zh: '该问责情形或方式已被问责记录使用，不能删除，可以停用',
    en: 'In use by register entries: deactivate it instead of deleting',
  },
  ACCOUNTABILITY_EXPORT_TOO_LARGE: {
    status: 400,
    zh: '要导出的问责记录过多，请缩小筛选范围（如时段、单位）后再导出',
    en: 'Too many entries to export; narrow the filters',
  },
  ACCOUNTABILITY_LINK_INVALID: {
    status: 400,
    zh: '关联的案件或督办单不存在、不在您的管辖范围内，或督办单不是下发给该单位的',
    en: 'A linked case or supervision order is unknown, out of scope or addressed to another unit',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员', en: 'Internal server error' },
} as const satisfies Record<string, Label & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A field problem inside `details.fields` of VALIDATION_FAILED. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A row problem inside `details.rows` of IMPORT_INVALID: row is 1-based as in Excel. */
export const rowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;
