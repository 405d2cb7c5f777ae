export { download, readXlsx, upload, xlsx } from '../../../test/xlsx';

export const STANDARD_HEADER = [
  '编码',
  '名称',
  '上级编码',
  '说明',
  '分值',
  '评分方式',
  '每次扣分',
  '扣分上限',
  '允许数',
  '指标',
  '目标值',
  '零分值',
  '方向',
  '必备资料',
  '责任单位',
  '案件来源',
];
