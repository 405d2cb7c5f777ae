import type { Column, SheetSpec } from '../../platform/xlsx';

// 任务分解表: the export doubles as the import template (same headers, unit drop-downs).

export type TaskKey = 'code' | 'title' | 'lead' | 'co' | 'leader' | 'owner' | 'phone';

export const TASK_SHEET: SheetSpec<TaskKey> = {
  sheet: '任务分解表',
  columns: [
    { key: 'code', header: '指标编码', required: true, width: 10, text: true, note: '考核标准中的指标编码' },
    { key: 'title', header: '指标名称', width: 40, note: '仅供对照，导入时不读取' },
    { key: 'lead', header: '牵头单位', width: 16, note: '本市单位名称（一个）' },
    { key: 'co', header: '配合单位', width: 24, multi: true, note: '本市单位名称，多个用“、”分隔' },
    { key: 'leader', header: '挂钩领导', width: 14, note: '如 副市长 王某' },
    { key: 'owner', header: '具体负责人', width: 12 },
    {
      key: 'phone',
      header: '联系电话',
      width: 16,
      text: true,
      note: '手机或座机；导出时打码的号码导入时保持原值',
    },
  ] satisfies Column<TaskKey>[],
};

export const UNITS_SHEET = '单位列表';
