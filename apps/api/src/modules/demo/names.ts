// Fixed vocabulary of the fictional 示范市. Lists are data, not logic: the generator walks them in order,
// so the default city always has the same districts, streets, departments and blocks.

import type { Rng } from './random';

/** Word lists are written as space-separated strings: one line of data instead of one line per word. */
const words = (list: string): readonly string[] => list.split(' ');

/** The city itself; province prefix 99 is unassigned in GB/T 2260, so it never clashes with a real city. */
export const CITY = { code: '990100', name: '示范市' } as const;

/** Streets per district; `rural` streets hold villages (村, codes 2xx) rather than communities (社区). */
export const DISTRICTS = [
  {
    code: '990102',
    name: '东湖区',
    streets: [
      { name: '明湖街道', rural: false },
      { name: '文昌街道', rural: false },
      { name: '东关街道', rural: false },
      { name: '湖滨街道', rural: false },
    ],
  },
  {
    code: '990103',
    name: '南山区',
    streets: [
      { name: '南山街道', rural: false },
      { name: '翠屏街道', rural: false },
      { name: '兴隆街道', rural: false },
      { name: '龙泉街道', rural: true },
    ],
  },
  {
    code: '990104',
    name: '北城区',
    streets: [
      { name: '北园街道', rural: false },
      { name: '新城街道', rural: false },
      { name: '柳林街道', rural: false },
      { name: '河口街道', rural: true },
    ],
  },
] as const;

/** Communities per street in the default city (sum 60); larger cities scale these proportionally. */
export const COMMUNITIES_PER_STREET = [5, 6, 4, 5, 5, 4, 6, 5, 6, 5, 4, 5] as const;

const URBAN_NAMES = words(
  '明德 和平 文化 青年 幸福 光明 建设 民主 友谊 新华 朝阳 花园 锦绣 康宁 安居 ' +
    '育才 振兴 团结 富民 春晖 金桥 翠园 龙湾 丽景 华苑 书香 泉韵 桂花 荷花 玉兰 ' +
    '繁荣 长青 胜利 西苑 东苑 南苑 北苑 工人新村 铁路 湖景 滨河 阳光 景苑 嘉园 ' +
    '书院 永安 利民 裕华 红星 百花',
);
const URBAN_FIRST = words(
  '和 康 锦 华 兴 明 文 安 福 新 永 泰 长 裕 丰 瑞 嘉 润 盛 金 祥 德 顺 宏 昌 惠 乐 恒 佳 鑫',
);
const URBAN_SECOND = words(
  '平 宁 苑 园 城 里 源 馨 景 秀 泽 悦 湾 庭 居 邦 林 桥 坊 湖 河 山 峰 苗 荣 旺 沁 通 达 府',
);
const VILLAGE_NAMES = words('李家庄 王家庄 张庄 刘家屯 杨柳店 大石桥 前屯 后屯 马家湾 孙家峪 赵家洼 陈家岭');
const VILLAGE_SUFFIXES = words('家庄 家村 家屯 家洼 家峪 家岭 家湾 家店');

/** Common surnames (百家姓 order of frequency), for fictional people and village names. */
export const SURNAMES = words(
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 ' +
    '谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 ' +
    '苏 魏 吕 丁 任 沈',
);
const GIVEN_CHARS = words(
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 ' +
    '英 华 建 国 文 辉 玲 红 宁 鹏 飞 斌 颖 晨 浩 宇 欣 婷 志 海 波 琳 ' +
    '晓 亮 雪 峰 丹 梅',
);

/** Produces unique community / village names: the curated list first, then two-character compounds. */
export function communityNamer(): (village: boolean) => string {
  const used = new Set<string>();
  const urban = [
    ...URBAN_NAMES,
    ...URBAN_FIRST.flatMap((a) => URBAN_SECOND.filter((b) => b !== a).map((b) => a + b)),
  ];
  const rural = [...VILLAGE_NAMES, ...SURNAMES.flatMap((s) => VILLAGE_SUFFIXES.map((x) => s + x))];
  const cursor = { urban: 0, rural: 0 };
  let overflow = 0;
  return (village) => {
    const pool = village ? rural : urban;
    const key = village ? 'rural' : 'urban';
    while (cursor[key] < pool.length) {
      const base = pool[cursor[key]++]!;
      const name = village ? `${base}村` : `${base}社区`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    // Only a city far beyond 500,000 grids gets here; numbered names keep it working.
    overflow += 1;
    return village ? `新建第${overflow}村` : `新建第${overflow}社区`;
  };
}

/** A fictional two- or three-character name. */
export function personName(rng: Rng): string {
  const given = rng.float() < 0.35 ? rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** A phone number that cannot ring anyone: mobile prefix 100 is not allocated in China (10x are service codes). */
export function fictionalPhone(rng: Rng): string {
  return `100${String(rng.int(100_000_000)).padStart(8, '0')}`;
}

const ROADS = words(
  '人民路 解放路 建设路 文化路 和平路 胜利路 新华路 青年路 东风路 工业路 湖滨路 ' +
    '泉城路 经一路 纬二路 长青路',
);

/** A street address inside the given district. */
export function address(rng: Rng, district: string): string {
  return `${CITY.name}${district}${rng.pick(ROADS)}${1 + rng.int(300)}号`;
}

/** The 27 lead departments (条), in the order the brief lists them; codes D01…D27 follow this order. */
export const DEPARTMENTS = [
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
  '财政局',
  '发改委',
  '工信局',
  '应急管理局',
  '人社局',
  '司法局',
  '园林绿化局',
  '供电公司',
  '水务集团',
  '城投集团',
] as const;
/** One of the 27 departments. */
export type DepartmentName = (typeof DEPARTMENTS)[number];

/** The campaign office (创卫办); it is not a lead department, so it is kind 'other' and not ranked. */
export const OFFICE_UNIT = { code: 'CWB', name: '市创卫办' } as const;

/**
 * The 27 responsibility blocks: each led by a different department (条包块管), with one cooperating
 * department that joins the streets as a responsible unit.
 */
export const BLOCKS: readonly { name: string; lead: DepartmentName; partner: DepartmentName }[] = [
  { name: '老城区核心区', lead: '城管局', partner: '市场监管局' },
  { name: '棚户区改造片区', lead: '住建局', partner: '城投集团' },
  { name: '市立医院片区', lead: '卫健委', partner: '爱卫办' },
  { name: '中心农贸市场片区', lead: '市场监管局', partner: '城管局' },
  { name: '化工产业园片区', lead: '生态环境局', partner: '应急管理局' },
  { name: '长途汽车站片区', lead: '交警大队', partner: '交通运输局' },
  { name: '护城河沿线片区', lead: '水利局', partner: '生态环境局' },
  { name: '城乡结合部片区', lead: '农业农村局', partner: '城管局' },
  { name: '大学城片区', lead: '教育局', partner: '公安局' },
  { name: '市民广场片区', lead: '文明办', partner: '园林绿化局' },
  { name: '城中村片区', lead: '爱卫办', partner: '住建局' },
  { name: '火车站片区', lead: '公安局', partner: '交通运输局' },
  { name: '高铁新城片区', lead: '交通运输局', partner: '自然资源和规划局' },
  { name: '中央商务区片区', lead: '商务局', partner: '城管局' },
  { name: '古城文化街区', lead: '文旅局', partner: '住建局' },
  { name: '新区开发片区', lead: '自然资源和规划局', partner: '住建局' },
  { name: '老旧小区片区', lead: '民政局', partner: '住建局' },
  { name: '行政中心片区', lead: '财政局', partner: '文明办' },
  { name: '经济开发区片区', lead: '发改委', partner: '生态环境局' },
  { name: '高新技术产业园片区', lead: '工信局', partner: '应急管理局' },
  { name: '物流园区片区', lead: '应急管理局', partner: '交警大队' },
  { name: '创业园片区', lead: '人社局', partner: '市场监管局' },
  { name: '东关老街片区', lead: '司法局', partner: '城管局' },
  { name: '湿地公园片区', lead: '园林绿化局', partner: '水利局' },
  { name: '体育中心片区', lead: '供电公司', partner: '交警大队' },
  { name: '滨河新区片区', lead: '水务集团', partner: '生态环境局' },
  { name: '会展中心片区', lead: '城投集团', partner: '商务局' },
];

/** City leaders who sponsor (包保) blocks; each takes three neighbouring blocks. */
export const LEADER_TITLES = [
  '市委书记',
  '市长',
  '市委副书记',
  '常务副市长',
  '副市长',
  '副市长',
  '副市长',
  '市人大常委会副主任',
  '市政协副主席',
] as const;
