import { CATEGORY_KINDS, SEVERITIES, TIME_UNITS } from '@chuangcheng/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, type SeedClass, type SeedCondition } from './default-catalog';

const DEPARTMENTS = [
  '城管局',
  '住建局',
  '卫健委',
  '市场监管局',
  '生态环境局',
  '交警大队',
  '水利局',
  '农业农村局',
  '教育局',
  '文明办',
  '爱卫办',
  '公安局',
  '交通运输局',
  '商务局',
  '文旅局',
  '自然资源和规划局',
  '民政局',
  '应急管理局',
  '园林绿化局',
  '供电公司',
  '水务集团',
  '城投集团',
];

/** Class names the campaign speeches and the brief require, matched by substring. */
const REQUIRED_NAMES = [
  '暴露垃圾',
  '卫生死角',
  '病媒生物孳生地',
  '鼠迹',
  '蚊蝇孳生',
  '蟑螂',
  '公厕保洁',
  '农贸市场环境卫生',
  '五小',
  '小餐饮',
  '小食杂',
  '小美容美发',
  '小浴室',
  '小旅店',
  '餐饮油烟',
  '乱停车',
  '机动车',
  '非机动车',
  '占道经营',
  '乱贴乱画',
  '小广告',
  '建筑工地围挡',
  '建筑工地扬尘',
  '家禽养殖',
  '犬类',
  '违规养犬',
  '流浪犬',
  '垃圾满溢',
  '乱倒垃圾',
  '道路不洁',
  '水域不洁',
  '烧烤摊',
  '沿街晾挂',
  '乱堆物料',
  '违章搭建',
  '无照经营游商',
  '户外广告破损',
  '渣土撒漏',
  '井盖缺失',
  '路灯不亮',
  '绿地脏乱',
  '树木倒伏',
  '积水',
  '地面塌陷',
];

const minors = DEFAULT_CATALOG.flatMap((m) => m.minors.map((minor) => ({ major: m, minor })));
const details = minors.flatMap(({ major, minor }) =>
  (minor.details ?? []).map((detail) => ({ major, minor, detail })),
);
const allClasses: { kind: string; cls: SeedClass }[] = [
  ...minors.map(({ major, minor }) => ({ kind: major.kind, cls: minor })),
  ...details.map(({ major, detail }) => ({ kind: major.kind, cls: detail })),
];
const allConditions: SeedCondition[] = allClasses.flatMap(({ cls }) => cls.conditions);
const allNames = [...DEFAULT_CATALOG.map((m) => m.name), ...allClasses.map(({ cls }) => cls.name)];

describe('default catalogue', () => {
  it('has the national 大类 for both kinds plus the 创卫 extension', () => {
    const byKind = (kind: string) => DEFAULT_CATALOG.filter((m) => m.kind === kind);
    expect(byKind('component').map((m) => `${m.code} ${m.name}`)).toEqual([
      '01 公用设施',
      '02 道路交通',
      '03 市容环境',
      '04 园林绿化',
      '05 房屋土地',
      '06 其他设施',
    ]);
    expect(byKind('event').map((m) => `${m.code} ${m.name}`)).toEqual([
      '01 市容环境',
      '02 宣传广告',
      '03 施工管理',
      '04 突发事件',
      '05 街面秩序',
      '06 其他事件',
      '07 爱国卫生（创卫专项）',
    ]);
    for (const m of DEFAULT_CATALOG) expect(CATEGORY_KINDS).toContain(m.kind);
  });

  it('has at least 90 小类', () => {
    expect(minors.length).toBeGreaterThanOrEqual(90);
  });

  it('keeps the standard manhole-cover codes', () => {
    const comp01 = DEFAULT_CATALOG.find((m) => m.kind === 'component' && m.code === '01')!;
    expect(comp01.minors.slice(0, 5).map((c) => `${c.code} ${c.name}`)).toEqual([
      '0101 上水井盖',
      '0102 污水井盖',
      '0103 雨水井盖',
      '0104 雨水箅子',
      '0105 电力井盖',
    ]);
  });

  it('codes are unique per kind and each child code extends its parent code by 2 digits', () => {
    for (const kind of CATEGORY_KINDS) {
      const codes = [
        ...DEFAULT_CATALOG.filter((m) => m.kind === kind).map((m) => m.code),
        ...allClasses.filter((x) => x.kind === kind).map((x) => x.cls.code),
      ];
      expect(new Set(codes).size, `duplicate code in ${kind}`).toBe(codes.length);
    }
    for (const m of DEFAULT_CATALOG) expect(m.code).toMatch(/^[0-9]{2}$/);
    for (const { major, minor } of minors) {
      expect(minor.code.startsWith(major.code), minor.code).toBe(true);
      expect(minor.code).toMatch(/^[0-9]{4}$/);
    }
    for (const { minor, detail } of details) {
      expect(detail.code.startsWith(minor.code), detail.code).toBe(true);
      expect(detail.code).toMatch(/^[0-9]{6}$/);
    }
  });

  it('every 小类 has 1–4 立案条件 with a positive 处置时限 and a 结案条件', () => {
    for (const { minor } of minors) {
      expect(minor.conditions.length, minor.name).toBeGreaterThanOrEqual(1);
      expect(minor.conditions.length, minor.name).toBeLessThanOrEqual(4);
    }
    for (const { detail } of details) expect(detail.conditions.length, detail.name).toBeGreaterThanOrEqual(1);
    for (const cond of allConditions) {
      expect(cond.limit.value, cond.text).toBeGreaterThan(0);
      expect(TIME_UNITS).toContain(cond.limit.unit);
      expect(cond.text.trim().length).toBeGreaterThan(0);
      expect(cond.text.length).toBeLessThanOrEqual(300);
      expect(cond.closing.trim().length).toBeGreaterThan(0);
      expect(cond.closing.length).toBeLessThanOrEqual(300);
    }
  });

  it('uses all four time units', () => {
    expect(new Set(allConditions.map((c) => c.limit.unit))).toEqual(new Set(TIME_UNITS));
  });

  it('names a department from the allowed list and a valid severity for every class', () => {
    for (const { cls } of allClasses) {
      expect(DEPARTMENTS, `${cls.code} ${cls.name}`).toContain(cls.department);
      expect(SEVERITIES).toContain(cls.severity);
      expect(cls.name.length).toBeGreaterThan(0);
      expect(cls.name.length).toBeLessThanOrEqual(64);
    }
  });

  it('contains every sanitation-campaign class the seeds name', () => {
    const missing = REQUIRED_NAMES.filter((needle) => !allNames.some((name) => name.includes(needle)));
    expect(missing).toEqual([]);
  });

  it('routes the typical classes to their trade department', () => {
    const dept = (needle: string) => allClasses.find(({ cls }) => cls.name.includes(needle))?.cls.department;
    expect(dept('电力井盖')).toBe('供电公司');
    expect(dept('污水井盖')).toBe('水务集团');
    expect(dept('路灯')).toBe('城管局');
    expect(dept('病媒生物孳生地')).toBe('爱卫办');
    expect(dept('农贸市场')).toBe('市场监管局');
    expect(dept('餐饮油烟')).toBe('生态环境局');
    expect(dept('乱停车')).toBe('交警大队');
    expect(dept('家禽养殖')).toBe('农业农村局');
    expect(dept('犬类')).toBe('公安局');
  });
});
