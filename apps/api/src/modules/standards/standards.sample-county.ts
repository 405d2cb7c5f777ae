import type { Periodicity, ScoringParams, ScoringRule } from '@chuangcheng/contracts';
import { NOTE, SAMPLE_PREFIX, type SampleNode, type SampleStandard, veto } from './standards.sample-types';

// A county's 1000-point checklist (900 达标 / 750 基本达标): 5 veto items and 10 areas of 100 points,
// 62 checkpoints mixing every scoring rule. Invented for the demo in the style of local 创卫 细则.

type Ev = readonly (readonly [string, Periodicity])[];

const n = (
  code: string,
  title: string,
  points: number,
  units: string[] = [],
  more: { rule?: ScoringRule; params?: ScoringParams; description?: string; evidence?: Ev } = {},
): SampleNode => ({ code, title, points, units, ...more });

/** deduction: `per` points off per occurrence, at most `cap` (= points). */
const ded = (
  code: string,
  title: string,
  points: number,
  per: number,
  units: string[],
  description?: string,
) =>
  n(code, title, points, units, {
    rule: 'deduction',
    params: { perOccurrence: per, cap: points },
    ...(description ? { description } : {}),
  });

/** count: `per` points off for each counted item beyond `allowed`. */
const cnt = (
  code: string,
  title: string,
  points: number,
  allowed: number,
  per: number,
  units: string[],
  description: string,
) =>
  n(code, title, points, units, {
    rule: 'count',
    params: { allowed, perOccurrence: per, cap: points },
    description,
  });

/** threshold on a metric (system key or an entered metric's name). */
const thr = (
  code: string,
  title: string,
  points: number,
  params: ScoringParams,
  units: string[] = [],
  evidence?: Ev,
) => n(code, title, points, units, { rule: 'threshold', params, ...(evidence ? { evidence } : {}) });

export const COUNTY_CHECKLIST: SampleStandard = {
  code: 'SAMPLE-COUNTY',
  name: `${SAMPLE_PREFIX}县城创卫千分制考核细则`,
  type: 'sanitary',
  totalPoints: 1000,
  passScore: 900,
  basicScore: 750,
  note: `${NOTE}千分制，900 分以上达标，750 分以上基本达标；一票否决项任一项不符合即不达标。`,
  nodes: [
    n('0', '一票否决项', 0),
    veto('0.1', '近3年未发生重大食品安全事故', ['市场监管局']),
    veto('0.2', '未发生因防控不力导致的甲、乙类传染病暴发流行', ['卫健委']),
    veto('0.3', '未发生重大环境污染和生态破坏事故', ['生态环境局']),
    veto('0.4', '建成区无任何形式的烟草广告', ['市场监管局']),
    veto('0.5', '群众对卫生状况满意率≥90%', ['爱卫办'], '以第三方入户调查结果为准'),

    n('1', '组织管理', 100),
    n('1.1', '创卫工作纳入政府目标管理和绩效考核', 15, ['市创卫办'], {
      evidence: [['创卫工作目标责任书', 'yearly']],
    }),
    ded('1.2', '创卫指挥部定期召开调度会', 15, 5, ['市创卫办'], '每月至少 1 次，每缺 1 次扣 5 分'),
    n('1.3', '爱卫会成员单位职责明确、分工落实', 15, ['爱卫办'], {
      evidence: [['成员单位职责分工文件', 'once']],
    }),
    n('1.4', '创卫工作经费纳入财政预算', 15, ['财政局'], { evidence: [['创卫经费预算文件', 'yearly']] }),
    thr('1.5', '创卫台账资料完整率≥95%', 20, { metric: 'evidence_completeness', target: 95, zeroAt: 60 }, [
      '市创卫办',
    ]),
    ded('1.6', '督查通报制度落实', 20, 5, ['市创卫办'], '每月通报 1 次，每缺 1 次扣 5 分'),

    n('2', '健康教育和健康促进', 100),
    n('2.1', '健康教育网络健全', 15, ['卫健委'], { evidence: [['健康教育工作计划', 'yearly']] }),
    cnt(
      '2.2',
      '公益广告：主次干道行走300米可看到5处',
      20,
      0,
      2,
      ['文明办'],
      '行走 300 米应可看到 5 处公益广告，每少 1 处扣 2 分（计数填写缺少的处数）',
    ),
    thr('2.3', '居民健康素养水平≥25%', 15, { metric: '居民健康素养水平', target: 25, zeroAt: 15 }, [
      '卫健委',
    ]),
    cnt(
      '2.4',
      '公共场所禁烟标识规范张贴',
      15,
      2,
      1,
      ['卫健委'],
      '每个点位缺少禁烟标识超过 2 处的，每处扣 1 分',
    ),
    thr('2.5', '中小学健康教育课开课率100%', 15, { metric: '健康教育开课率', target: 100, zeroAt: 80 }, [
      '教育局',
    ]),
    n('2.6', '健康教育宣传栏定期更新', 20, ['卫健委'], { evidence: [['宣传栏更新照片', 'quarterly']] }),

    n('3', '市容环境卫生', 100),
    n('3.1', '主次干道', 40),
    cnt(
      '3.1.1',
      '路面干净整洁，无暴露垃圾',
      15,
      3,
      2,
      ['城管局'],
      '行走 500 米暴露垃圾不超过 3 处，超过的每处扣 2 分',
    ),
    ded('3.1.2', '无占道经营、店外经营', 15, 2, ['城管局', '市场监管局']),
    n('3.1.3', '门店招牌规范设置，不遮盖建筑', 10, ['城管局']),
    n('3.2', '背街小巷', 35),
    thr('3.2.1', '背街小巷路面硬化、装灯率100%', 10, { metric: '背街小巷装灯率', target: 100, zeroAt: 80 }, [
      '住建局',
    ]),
    ded('3.2.2', '无乱搭乱建、乱堆乱放', 15, 3, ['城管局', '住建局']),
    cnt('3.2.3', '无乱贴乱画、乱拉乱挂', 10, 5, 1, ['城管局'], '每条背街小巷超过 5 处的，每处扣 1 分'),
    n('3.3', '建筑工地', 25),
    ded('3.3.1', '规范设置围挡，出入口硬化并设冲洗设施', 15, 5, ['住建局']),
    ded('3.3.2', '无扬尘污染，渣土车密闭运输', 10, 5, ['住建局', '交通运输局']),

    n('4', '环境卫生设施', 100),
    thr(
      '4.1',
      '生活垃圾无害化处理率100%',
      20,
      { metric: '生活垃圾无害化处理率', target: 100, zeroAt: 90 },
      ['城管局'],
      [['生活垃圾处理量月报', 'monthly']],
    ),
    n('4.2', '生活垃圾分类收集、运输全覆盖', 20, ['城管局'], {
      evidence: [['垃圾分类工作台账', 'quarterly']],
    }),
    cnt('4.3', '公厕布局合理、管理达标', 20, 0, 2, ['城管局'], '每座不达标公厕扣 2 分'),
    ded('4.4', '垃圾收集点（站）密闭化管理', 15, 2, ['城管局']),
    thr('4.5', '生活污水集中处理率≥85%', 15, { metric: '生活污水集中处理率', target: 85, zeroAt: 70 }, [
      '住建局',
      '水务集团',
    ]),
    thr('4.6', '主次干道机扫率≥80%', 10, { metric: '道路机扫率', target: 80, zeroAt: 50 }, ['城管局']),

    n('5', '生态环境', 100),
    thr(
      '5.1',
      '空气质量优良天数≥300天',
      20,
      { metric: '空气质量优良天数', target: 300, zeroAt: 250 },
      ['生态环境局'],
      [['空气质量月报', 'monthly']],
    ),
    thr(
      '5.2',
      '集中式饮用水水源地水质达标率100%',
      20,
      { metric: '饮用水水源水质达标率', target: 100, zeroAt: 90 },
      ['生态环境局', '水利局'],
    ),
    thr('5.3', '建成区绿化覆盖率≥36%', 20, { metric: '建成区绿化覆盖率', target: 36, zeroAt: 30 }, [
      '园林绿化局',
    ]),
    ded('5.4', '建成区无黑臭水体', 20, 5, ['水利局', '生态环境局'], '每发现 1 处黑臭水体扣 5 分'),
    n('5.5', '噪声污染投诉及时处理', 20, ['生态环境局']),

    n('6', '重点场所卫生', 100),
    n('6.1', '农贸市场', 40),
    cnt('6.1.1', '划行归市、一摊一桶', 15, 0, 2, ['市场监管局'], '每发现 1 个摊位不符合扣 2 分'),
    ded('6.1.2', '防鼠网孔径小于1厘米、按规定设置捕蝇笼', 15, 3, ['市场监管局', '爱卫办']),
    n('6.1.3', '“五个公示”上墙', 10, ['市场监管局']),
    thr('6.2', '公共场所卫生许可证持证率100%', 20, { metric: '卫生许可证持证率', target: 100, zeroAt: 90 }, [
      '卫健委',
    ]),
    thr('6.3', '从业人员健康证持证率100%', 20, { metric: '健康证持证率', target: 100, zeroAt: 90 }, [
      '卫健委',
    ]),
    n('6.4', '学校、托幼机构卫生', 20, ['教育局'], { evidence: [['学校卫生检查记录', 'quarterly']] }),

    n('7', '食品安全', 100),
    thr('7.1', '食品生产经营单位持证率100%', 20, { metric: '食品经营许可持证率', target: 100, zeroAt: 90 }, [
      '市场监管局',
    ]),
    ded('7.2', '小作坊、小餐饮、小摊贩规范管理', 20, 2, ['市场监管局']),
    n('7.3', '餐饮服务单位量化分级管理', 20, ['市场监管局'], {
      evidence: [['量化分级评定记录', 'yearly']],
    }),
    n('7.4', '食品安全监督抽检', 20, ['市场监管局'], { evidence: [['食品安全抽检报告', 'quarterly']] }),
    cnt('7.5', '学校和单位食堂“明厨亮灶”', 20, 0, 2, ['市场监管局', '教育局'], '每发现 1 家未实施扣 2 分'),

    n('8', '病媒生物防制', 100),
    thr(
      '8.1',
      '鼠密度达到C级',
      20,
      { metric: '鼠密度（%）', target: 1, zeroAt: 3, direction: 'max' },
      ['爱卫办'],
      [['病媒生物密度监测记录', 'monthly']],
    ),
    thr(
      '8.2',
      '蚊幼孳生地积水阳性率达到C级',
      20,
      { metric: '小型积水蚊幼阳性率（%）', target: 3, zeroAt: 6, direction: 'max' },
      ['爱卫办'],
    ),
    n('8.3', '蝇、蟑螂密度达到C级', 20, ['爱卫办']),
    thr(
      '8.4',
      '重点行业防蚊蝇防鼠设施合格率≥95%',
      20,
      { metric: '防鼠防蝇设施合格率', target: 95, zeroAt: 80 },
      ['爱卫办', '市场监管局'],
    ),
    n('8.5', '病媒生物防制和消杀作业台账', 20, ['爱卫办'], {
      evidence: [
        ['病媒生物防制工作记录', 'monthly'],
        ['消杀作业记录', 'monthly'],
      ],
    }),

    n('9', '城乡结合部和居民小区', 100),
    cnt(
      '9.1',
      '城乡结合部无垃圾积存',
      25,
      2,
      3,
      ['农业农村局', '城管局'],
      '每个点位超过 2 处的，每处扣 3 分',
    ),
    n('9.2', '老旧小区环境整治', 25, ['住建局', '民政局']),
    ded('9.3', '建成区无违规畜禽散养', 25, 5, ['农业农村局']),
    n('9.4', '居民小区物业管理规范', 25, ['住建局']),

    n('10', '社会监督和长效管理', 100),
    thr('10.1', '12345 投诉按期结案率≥95%', 20, {
      metric: 'on_time_close_rate',
      target: 95,
      zeroAt: 80,
      sources: ['hotline', 'citizen'],
    }),
    thr('10.2', '群众满意率≥90%', 20, { metric: 'satisfaction_rate', target: 90, zeroAt: 70 }),
    thr('10.3', '城市管理问题结案率≥95%', 15, { metric: 'close_rate', target: 95, zeroAt: 80 }),
    thr('10.4', '问题返工率≤5%', 15, { metric: 'rework_rate', target: 5, zeroAt: 15, direction: 'max' }),
    thr('10.5', '问题按期处置率≥90%', 10, { metric: 'on_time_dispose_rate', target: 90, zeroAt: 70 }),
    ded('10.6', '被新闻媒体曝光的卫生问题', 20, 5, ['市创卫办'], '每曝光 1 次扣 5 分'),
  ],
};
