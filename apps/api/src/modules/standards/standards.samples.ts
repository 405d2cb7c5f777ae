import { COUNTY_CHECKLIST } from './standards.sample-county';
import { NOTE, SAMPLE_PREFIX, type SampleStandard, veto } from './standards.sample-types';

// The shipped example standards. They are examples to adapt, not the official texts: every one is
// stored with sample=true, its name starts with 【示例】 and its note says so. A node's parent is its code
// without the last ".segment"; `units` are department names matched against the city's units on load
// (names the city does not have are skipped) and seed the demo campaign's 任务分解表.

/** 2021版《国家卫生城市和国家卫生县标准》: 11 项必备条件 (veto) + 8 大类 as a skeleton with points. */
const NATIONAL: SampleStandard = {
  code: 'SAMPLE-NHC',
  name: `${SAMPLE_PREFIX}国家卫生城市标准（示例骨架）`,
  type: 'sanitary',
  totalPoints: 1000,
  passScore: 900,
  basicScore: 750,
  note: `${NOTE}11 项必备条件为一票否决项；8 大类只给出骨架和示意分值，具体条目请按现行标准补充。`,
  nodes: [
    { code: '0', title: '必备条件（一票否决）', description: '资料审定时逐项核查，任一项不符合即不达标' },
    veto('0.1', '有爱国卫生工作管理法规或规范性文件', ['爱卫办']),
    veto('0.2', '爱卫会办公室独立或相对独立设置', ['爱卫办']),
    veto('0.3', '城市生活垃圾无害化处理率≥90%', ['城管局']),
    veto('0.4', '生活污水集中处理率≥85%', ['住建局']),
    veto('0.5', '建成区绿化覆盖率≥36%、人均公共绿地面积≥8.5㎡', ['园林绿化局']),
    veto('0.6', '空气质量指数（AQI）不超过100的天数≥300天', ['生态环境局']),
    veto('0.7', '鼠蚊蝇蟑密度达到C级，重点行业和单位防蚊蝇和防鼠设施合格率≥95%', ['爱卫办']),
    veto('0.8', '近3年未发生环境污染和生态事故、食品安全事故、职业病危害和实验室生物安全事故', [
      '生态环境局',
      '市场监管局',
      '卫健委',
    ]),
    veto('0.9', '未发生因防控不力导致的甲、乙类传染病暴发流行', ['卫健委']),
    veto('0.10', '建成区无任何形式的烟草广告', ['市场监管局']),
    veto('0.11', '群众对卫生状况满意率≥90%', ['爱卫办']),
    {
      code: '1',
      title: '爱国卫生组织管理',
      points: 100,
      units: ['爱卫办'],
      evidence: [['爱国卫生工作年度计划和总结', 'yearly']],
    },
    { code: '2', title: '健康教育和健康促进', points: 100, units: ['卫健委'] },
    {
      code: '3',
      title: '市容环境卫生',
      points: 200,
      units: ['城管局'],
      evidence: [['市容环境卫生检查记录', 'monthly']],
    },
    { code: '4', title: '生态环境', points: 120, units: ['生态环境局'] },
    { code: '5', title: '重点场所卫生', points: 120, units: ['卫健委'] },
    { code: '6', title: '食品安全', points: 120, units: ['市场监管局'] },
    { code: '7', title: '传染病防控', points: 120, units: ['卫健委'] },
    {
      code: '8',
      title: '病媒生物预防控制',
      points: 120,
      units: ['爱卫办'],
      evidence: [['病媒生物密度监测记录', 'monthly']],
    },
  ],
};

/**
 * A province's 1000-point scheme: 创卫 800 (必备条件 50 + 技术评估 630 + 勤洗手 65 + 常消毒 55), 检查曝光 100,
 * 社会监督 100. "第一次曝光扣30分，第二次曝光该项不得分" is one exposure checkpoint (the year's exposures);
 * "按期办结投诉事项" reads the complaint sources only.
 */
const PROVINCIAL: SampleStandard = {
  code: 'SAMPLE-PROV',
  name: `${SAMPLE_PREFIX}省级创卫千分制考核方案`,
  type: 'sanitary',
  totalPoints: 1000,
  passScore: 900,
  basicScore: 750,
  note: `${NOTE}检查曝光按当年曝光次数计分：第一次曝光扣 30 分，第二次曝光本项不得分；按期办结投诉事项只统计投诉来源（市民、热线、上级交办）。`,
  nodes: [
    { code: '1', title: '创卫工作', points: 800 },
    { code: '1.1', title: '必备条件', points: 50 },
    {
      code: '1.1.1',
      title: '有爱国卫生工作法规或规范性文件',
      points: 10,
      units: ['爱卫办'],
      evidence: [['爱国卫生规范性文件', 'once']],
    },
    {
      code: '1.1.2',
      title: '生活垃圾无害化处理率≥90%',
      points: 10,
      rule: 'threshold',
      params: { metric: '生活垃圾无害化处理率', target: 90 },
      units: ['城管局'],
    },
    {
      code: '1.1.3',
      title: '生活污水集中处理率≥85%',
      points: 10,
      rule: 'threshold',
      params: { metric: '生活污水集中处理率', target: 85 },
      units: ['住建局'],
    },
    { code: '1.1.4', title: '病媒生物密度达到C级', points: 10, units: ['爱卫办'] },
    {
      code: '1.1.5',
      title: '群众对卫生状况满意率≥90%',
      points: 10,
      rule: 'threshold',
      params: { metric: 'satisfaction_rate', target: 90 },
      units: ['爱卫办'],
    },
    { code: '1.2', title: '技术评估', points: 630 },
    { code: '1.2.1', title: '爱国卫生组织管理', points: 60, units: ['爱卫办'] },
    { code: '1.2.2', title: '健康教育和健康促进', points: 70, units: ['卫健委'] },
    { code: '1.2.3', title: '市容环境卫生', points: 150, units: ['城管局'] },
    { code: '1.2.4', title: '生态环境', points: 70, units: ['生态环境局'] },
    { code: '1.2.5', title: '重点场所卫生', points: 80, units: ['卫健委'] },
    { code: '1.2.6', title: '食品安全', points: 70, units: ['市场监管局'] },
    { code: '1.2.7', title: '传染病防控', points: 60, units: ['卫健委'] },
    { code: '1.2.8', title: '病媒生物预防控制', points: 70, units: ['爱卫办'] },
    { code: '1.3', title: '勤洗手', points: 65 },
    {
      code: '1.3.1',
      title: '公共场所洗手设施配置到位',
      points: 35,
      rule: 'count',
      params: { perOccurrence: 5, allowed: 0, cap: 35 },
      description: '每发现 1 处缺少洗手设施或洗手液扣 5 分',
      units: ['卫健委'],
    },
    { code: '1.3.2', title: '“勤洗手”健康宣传', points: 30, units: ['卫健委'] },
    { code: '1.4', title: '常消毒', points: 55 },
    {
      code: '1.4.1',
      title: '重点场所预防性消毒',
      points: 30,
      units: ['卫健委'],
      evidence: [['预防性消毒记录', 'monthly']],
    },
    {
      code: '1.4.2',
      title: '消毒产品管理和消毒人员培训',
      points: 25,
      units: ['卫健委'],
      evidence: [['消毒培训记录', 'quarterly']],
    },
    {
      code: '2',
      title: '检查曝光',
      points: 100,
      rule: 'exposure',
      params: { perOccurrence: 30, zeroAt: 2 },
      description:
        '当年第一次曝光扣 30 分，第二次曝光本项不得分（统计曝光台当年发布的曝光，案件办结不撤销曝光）',
      units: ['市创卫办'],
    },
    { code: '3', title: '社会监督', points: 100 },
    {
      code: '3.1',
      title: '群众投诉按期办结',
      points: 50,
      rule: 'threshold',
      params: {
        metric: 'on_time_close_rate',
        target: 95,
        zeroAt: 80,
        sources: ['citizen', 'hotline', 'upper'],
      },
      description:
        '投诉事项（市民随手拍与 Open311、热线、上级交办）按期结案率≥95% 得满分，80% 及以下不得分，其间按比例计分',
    },
    {
      code: '3.2',
      title: '群众满意度≥90%',
      points: 50,
      rule: 'threshold',
      params: { metric: 'satisfaction_rate', target: 90 },
      description: '满意率达到 90% 得满分，否则不得分',
    },
  ],
};

export const SAMPLE_STANDARDS: readonly SampleStandard[] = [NATIONAL, PROVINCIAL, COUNTY_CHECKLIST];
/** The county checklist: the demo campaign applies it. */
export const COUNTY_SAMPLE_CODE = COUNTY_CHECKLIST.code;

/** Parent code of a sample node: its code without the last segment. */
export function sampleParentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}
