/**
 * The default problem catalogue (问题分类), as data.
 *
 * 部件 (components) and 事件 (events), each 大类 → 小类 → 细类, after GB/T 30428.2-2013 / CJ/T 214 and
 * the 立结案标准 of working 数字城管 systems (运城 and others): every 小类 carries 立案条件, each with a
 * 处置时限 and a 结案条件. Event 大类 07 is a 创卫 extension for the patriotic-health problems the
 * campaign speeches name (病媒生物, "五小"行业, 农贸市场, 家禽, 犬类 …).
 *
 * Time units: danger to people or property → 紧急工作时 (24×7); cleaning and removal → 工作时;
 * repair and construction → 工作日; planting, demolition and long rectification → 自然日.
 * Department names are units of the demo city (行业管理 by default); a city edits its own copy.
 */
import type { CategoryKind, Severity, TimeUnit } from '@chuangcheng/contracts';

export interface SeedCondition {
  text: string;
  limit: { value: number; unit: TimeUnit };
  closing: string;
}
export interface SeedClass {
  code: string;
  name: string;
  department: string;
  severity: Severity;
  conditions: SeedCondition[];
  details?: SeedClass[];
}
export interface SeedMajor {
  kind: CategoryKind;
  code: string;
  name: string;
  minors: SeedClass[];
}

type Limit = SeedCondition['limit'];
/** 紧急工作时 (24×7). */
const uh = (value: number): Limit => ({ value, unit: 'urgent_hours' });
/** 工作时 (office hours). */
const wh = (value: number): Limit => ({ value, unit: 'work_hours' });
/** 工作日. */
const wd = (value: number): Limit => ({ value, unit: 'work_days' });
/** 自然日. */
const nd = (value: number): Limit => ({ value, unit: 'natural_days' });
const c = (text: string, limit: Limit, closing: string): SeedCondition => ({ text, limit, closing });

/** 井盖 立案条件, the 运城 pattern shared by every manhole-cover class. */
const wellCover = (): SeedCondition[] => [
  c('缺失、移位、开裂，存在安全隐患的', uh(2), '恢复'),
  c('破损超过25c㎡', wh(4), '更换或修复'),
  c('弹跳产生声响，翻盖明显影响安全', wd(2), '更换或修复'),
  c('井盖周边路面150cm×150cm范围内出现深陷、凸起或破损', wd(5), '修复'),
];

// ---- 部件 (components) -------------------------------------------------------------------------

const COMPONENT_MAJORS: SeedMajor[] = [
  {
    kind: 'component',
    code: '01',
    name: '公用设施',
    minors: [
      { code: '0101', name: '上水井盖', department: '水务集团', severity: 'high', conditions: wellCover() },
      { code: '0102', name: '污水井盖', department: '水务集团', severity: 'high', conditions: wellCover() },
      { code: '0103', name: '雨水井盖', department: '水务集团', severity: 'high', conditions: wellCover() },
      {
        code: '0104',
        name: '雨水箅子',
        department: '水务集团',
        severity: 'normal',
        conditions: [
          c('缺失、移位、破损，存在安全隐患的', uh(2), '恢复'),
          c('被垃圾、杂物堵塞，影响排水的', wh(4), '清掏疏通'),
          c('箅子松动响动，或与路面高差超过2cm', wd(3), '修复'),
        ],
      },
      { code: '0105', name: '电力井盖', department: '供电公司', severity: 'high', conditions: wellCover() },
      { code: '0106', name: '路灯井盖', department: '城管局', severity: 'high', conditions: wellCover() },
      {
        code: '0107',
        name: '园林井盖',
        department: '园林绿化局',
        severity: 'normal',
        conditions: wellCover(),
      },
      {
        code: '0108',
        name: '消防栓',
        department: '水务集团',
        severity: 'high',
        conditions: [
          c('被撞断、漏水喷水的', uh(2), '关阀止水并修复'),
          c('被占压、遮挡，影响正常使用', wh(8), '清除占压'),
          c('栓体缺损、倾斜，出水口盖缺失', wd(3), '修复或更换'),
        ],
      },
      {
        code: '0109',
        name: '路灯',
        department: '城管局',
        severity: 'normal',
        conditions: [c('路灯设施损坏，影响照明或安全的', wd(2), '修复')],
        details: [
          {
            code: '010901',
            name: '路灯不亮',
            department: '城管局',
            severity: 'normal',
            conditions: [
              c('连续3盏及以上或整条路段不亮', uh(12), '恢复照明'),
              c('单盏路灯不亮', wd(2), '修复'),
              c('白天亮灯（长明灯）', wd(1), '调整控制'),
            ],
          },
          {
            code: '010902',
            name: '灯杆倾斜破损',
            department: '城管局',
            severity: 'high',
            conditions: [
              c('灯杆倾斜、断裂，存在倒伏危险的', uh(2), '设置警示并扶正或拆除'),
              c('灯具、灯罩破损或缺失', wd(3), '修复或更换'),
            ],
          },
          {
            code: '010903',
            name: '路灯线路裸露',
            department: '城管局',
            severity: 'high',
            conditions: [c('检修门缺失、电线裸露，存在触电危险的', uh(2), '恢复防护')],
          },
        ],
      },
      {
        code: '0110',
        name: '变配电设施（箱式变压器、配电箱）',
        department: '供电公司',
        severity: 'high',
        conditions: [
          c('箱门缺失或敞开、电线裸露，存在触电危险的', uh(2), '恢复防护'),
          c('箱体乱贴乱画、涂鸦', wd(2), '清除'),
          c('箱体破损、锈蚀、倾斜', wd(5), '修复'),
        ],
      },
      {
        code: '0111',
        name: '电力电杆',
        department: '供电公司',
        severity: 'normal',
        conditions: [
          c('倾斜、断裂，存在倒伏危险的', uh(2), '排除隐患'),
          c('拉线松脱，杆上附着物破损', wd(3), '修复'),
        ],
      },
      {
        code: '0112',
        name: '架空线缆',
        department: '供电公司',
        severity: 'normal',
        conditions: [
          c('线缆断落或垂落至人可触及高度', uh(2), '排除隐患'),
          c('线缆杂乱、废弃线缆未清理（“蜘蛛网”）', nd(15), '规整或拆除'),
        ],
      },
      {
        code: '0113',
        name: '供水设施（管道、阀门）',
        department: '水务集团',
        severity: 'normal',
        conditions: [c('管道、阀门漏水', uh(4), '止水并修复'), c('阀门井、水表井破损', wd(3), '修复')],
      },
      {
        code: '0114',
        name: '排水设施（排水管道、检查井）',
        department: '水务集团',
        severity: 'normal',
        conditions: [
          c('管道堵塞造成污水外溢', uh(4), '疏通并清理现场'),
          c('排水口破损、淤积', wd(5), '修复、清淤'),
        ],
      },
    ],
  },
  {
    kind: 'component',
    code: '02',
    name: '道路交通',
    minors: [
      {
        code: '0201',
        name: '交通信号灯',
        department: '交警大队',
        severity: 'high',
        conditions: [c('不亮、乱闪或倒计时错乱', uh(2), '恢复正常'), c('灯杆倾斜、灯箱破损', wd(2), '修复')],
      },
      {
        code: '0202',
        name: '交通标志牌',
        department: '交警大队',
        severity: 'normal',
        conditions: [
          c('倾斜、倒伏，存在安全隐患的', uh(4), '扶正或拆除'),
          c('缺失、破损、被遮挡或内容错误', wd(5), '修复或更换'),
        ],
      },
      {
        code: '0203',
        name: '交通隔离护栏',
        department: '交警大队',
        severity: 'normal',
        conditions: [c('倒伏、侵入车道的', uh(2), '扶正或移除'), c('破损、缺失、脏污', wd(3), '修复、清洗')],
      },
      {
        code: '0204',
        name: '路名牌',
        department: '民政局',
        severity: 'low',
        conditions: [
          c('缺失、破损、倾斜', wd(5), '修复或更换'),
          c('字迹模糊、被遮挡或标注错误', wd(10), '更换'),
        ],
      },
      {
        code: '0205',
        name: '公交站亭',
        department: '交通运输局',
        severity: 'normal',
        conditions: [
          c('顶棚、玻璃破损，存在安全隐患的', uh(4), '设置警示并修复'),
          c('站亭脏污', wh(8), '清洗'),
          c('站牌缺失、信息不清或乱贴乱画', wd(3), '修复、清除'),
        ],
      },
      {
        code: '0206',
        name: '过街天桥',
        department: '城投集团',
        severity: 'high',
        conditions: [
          c('梯步、栏杆损坏，存在安全隐患的', uh(4), '设置警示并修复'),
          c('桥面脏污、乱贴乱画或游商占用', wh(4), '清理'),
          c('桥面破损、积水，照明设施损坏', wd(3), '修复'),
        ],
      },
      {
        code: '0207',
        name: '地下通道',
        department: '城投集团',
        severity: 'normal',
        conditions: [
          c('脏污、乱贴乱画、异味明显', wh(4), '清理'),
          c('积水或照明设施损坏', wh(8), '排水、修复'),
        ],
      },
      {
        code: '0208',
        name: '城市桥梁',
        department: '住建局',
        severity: 'critical',
        conditions: [
          c('桥体开裂、护栏缺失，存在安全隐患的', uh(2), '设置警示并封闭处置'),
          c('伸缩缝损坏、桥面坑槽', wd(5), '修复'),
        ],
      },
      {
        code: '0209',
        name: '公共停车场',
        department: '城投集团',
        severity: 'low',
        conditions: [
          c('场内脏乱、垃圾堆积', wh(8), '清理'),
          c('标线、标识不清或收费设施损坏', wd(5), '修复'),
        ],
      },
      {
        code: '0210',
        name: '人行道板',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('塌陷、翘起、缺失，存在绊倒隐患的', uh(4), '设置警示并修复'),
          c('松动、破损面积超过1㎡', wd(5), '修复'),
        ],
      },
      {
        code: '0211',
        name: '盲道',
        department: '住建局',
        severity: 'low',
        conditions: [c('被车辆、杂物占用', wh(4), '清除占用'), c('缺失、破损、中断', wd(5), '修复')],
      },
      {
        code: '0212',
        name: '阻车桩（隔离墩）',
        department: '城管局',
        severity: 'low',
        conditions: [c('倾倒、缺失，存在安全隐患的', uh(4), '扶正或补齐'), c('破损、松动', wd(3), '修复')],
      },
      {
        code: '0213',
        name: '城市道路（车行道）',
        department: '住建局',
        severity: 'high',
        conditions: [
          c('坑槽、沉陷深度超过5cm，影响行车安全的', uh(4), '设置警示并修复'),
          c('裂缝、拥包、车辙', wd(7), '修复'),
        ],
      },
      {
        code: '0214',
        name: '公共自行车站点',
        department: '交通运输局',
        severity: 'low',
        conditions: [c('车辆散乱、超出站点范围', wh(4), '整理归位'), c('锁止器、停车桩损坏', wd(3), '修复')],
      },
      {
        code: '0215',
        name: '交通监控设施（电子警察）',
        department: '交警大队',
        severity: 'low',
        conditions: [c('立杆倾斜、设备有坠落危险的', uh(2), '排除隐患'), c('设备损坏', wd(5), '修复')],
      },
    ],
  },
  {
    kind: 'component',
    code: '03',
    name: '市容环境',
    minors: [
      {
        code: '0301',
        name: '公共厕所',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('堵塞、漏水、停电，导致无法使用', wh(4), '修复'),
          c('未按规定时间开放或无人管理', wd(1), '整改'),
          c('门窗、隔板、洗手池等设施破损', wd(2), '修复'),
        ],
      },
      {
        code: '0302',
        name: '果皮箱',
        department: '城管局',
        severity: 'low',
        conditions: [c('缺失、倾倒', wh(8), '补齐、扶正'), c('破损、脏污', wd(2), '修复、清洗')],
      },
      {
        code: '0303',
        name: '垃圾收集容器（垃圾桶）',
        department: '城管局',
        severity: 'low',
        conditions: [c('桶体脏污、异味明显', wh(8), '清洗'), c('缺失、破损或未加盖', wd(1), '补齐或更换')],
      },
      {
        code: '0304',
        name: '垃圾转运站（垃圾房）',
        department: '城管局',
        severity: 'normal',
        conditions: [c('污水外溢、臭味明显', wh(4), '清理'), c('设施损坏，防蝇防鼠设施缺失', wd(3), '修复')],
      },
      {
        code: '0305',
        name: '化粪池',
        department: '城管局',
        severity: 'high',
        conditions: [
          c('盖板缺失、破损，存在安全隐患的', uh(2), '恢复'),
          c('满溢、粪水外溢', uh(4), '清掏并消杀'),
        ],
      },
      {
        code: '0306',
        name: '广告牌匾',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('松动、倾斜，存在坠落危险的', uh(2), '排除隐患'),
          c('破损、残缺，字迹或灯光不全', wd(5), '修复'),
        ],
      },
      {
        code: '0307',
        name: '公益宣传栏',
        department: '文明办',
        severity: 'low',
        conditions: [c('破损、脏污', wd(3), '修复、清洗'), c('内容缺失或过期', wd(5), '更新')],
      },
      {
        code: '0308',
        name: '报刊亭',
        department: '城管局',
        severity: 'low',
        conditions: [c('超范围经营、占道堆放', wh(4), '清理'), c('破损、脏污', wd(3), '修复、清洗')],
      },
      {
        code: '0309',
        name: '治安岗亭',
        department: '公安局',
        severity: 'low',
        conditions: [c('破损、脏污', wd(3), '修复、清洗')],
      },
      {
        code: '0310',
        name: '公厕指示牌',
        department: '城管局',
        severity: 'low',
        conditions: [c('缺失、破损或指向错误', wd(5), '补设或更换')],
      },
      {
        code: '0311',
        name: '环卫工具房',
        department: '城管局',
        severity: 'low',
        conditions: [c('破损、脏乱', wd(3), '修复、清理')],
      },
      {
        code: '0312',
        name: '公共健身器材',
        department: '文旅局',
        severity: 'normal',
        conditions: [
          c('断裂、松动，存在安全隐患的', uh(4), '停用并修复'),
          c('部件缺失、锈蚀', wd(5), '修复或更换'),
        ],
      },
    ],
  },
  {
    kind: 'component',
    code: '04',
    name: '园林绿化',
    minors: [
      {
        code: '0401',
        name: '行道树',
        department: '园林绿化局',
        severity: 'normal',
        conditions: [
          c('枝干断裂、倾斜，存在倒伏或砸伤危险的', uh(2), '排除隐患'),
          c('枝叶遮挡交通标志、信号灯、路灯', wd(3), '修剪'),
          c('病虫害明显', wd(5), '防治'),
          c('枯死、缺株', nd(30), '补植'),
        ],
      },
      {
        code: '0402',
        name: '古树名木',
        department: '园林绿化局',
        severity: 'high',
        conditions: [
          c('树体倾斜、枝干断裂，存在安全隐患的', uh(4), '支撑加固'),
          c('保护设施、标识牌缺失或损坏', wd(5), '修复'),
          c('长势衰弱、病虫害', nd(15), '复壮、防治'),
        ],
      },
      {
        code: '0403',
        name: '绿地',
        department: '园林绿化局',
        severity: 'low',
        conditions: [
          c('杂草丛生，高度超过20cm', wd(3), '清除'),
          c('植被缺失、黄土裸露超过10㎡', nd(30), '补植'),
        ],
      },
      {
        code: '0404',
        name: '花坛花箱',
        department: '园林绿化局',
        severity: 'low',
        conditions: [c('破损、倾倒', wd(3), '修复'), c('花卉枯死、缺失', wd(5), '补植')],
      },
      {
        code: '0405',
        name: '树池',
        department: '园林绿化局',
        severity: 'low',
        conditions: [
          c('树池盖板缺失、翘起，存在绊倒隐患的', wh(8), '恢复'),
          c('树池裸土或积存垃圾', wh(8), '清理并覆盖'),
        ],
      },
      {
        code: '0406',
        name: '城市雕塑（景观小品）',
        department: '园林绿化局',
        severity: 'low',
        conditions: [c('倾斜、破损，存在安全隐患的', uh(4), '排除隐患'), c('脏污、乱贴乱画', wd(2), '清洗')],
      },
      {
        code: '0407',
        name: '街头座椅',
        department: '园林绿化局',
        severity: 'low',
        conditions: [c('脏污', wh(8), '清洗'), c('断裂、缺失', wd(3), '修复或补齐')],
      },
      {
        code: '0408',
        name: '绿化护栏',
        department: '园林绿化局',
        severity: 'low',
        conditions: [c('倒伏、缺失、破损', wd(3), '修复')],
      },
      {
        code: '0409',
        name: '喷泉水景',
        department: '园林绿化局',
        severity: 'normal',
        conditions: [
          c('漏电、池边破损，存在安全隐患的', uh(2), '停用并修复'),
          c('水体浑浊、漂浮垃圾或蚊虫孳生', wh(8), '清理换水'),
        ],
      },
      {
        code: '0410',
        name: '公园设施',
        department: '园林绿化局',
        severity: 'normal',
        conditions: [
          c('游乐、步道设施损坏，存在安全隐患的', uh(4), '停用并修复'),
          c('设施破损、脏污', wd(3), '修复、清洗'),
        ],
      },
    ],
  },
  {
    kind: 'component',
    code: '05',
    name: '房屋土地',
    minors: [
      {
        code: '0501',
        name: '危险房屋',
        department: '住建局',
        severity: 'critical',
        conditions: [
          c('墙体开裂、倾斜，存在倒塌危险的', uh(2), '设置警示、疏散人员'),
          c('经鉴定为危房未治理', nd(30), '加固或拆除'),
        ],
      },
      {
        code: '0502',
        name: '建筑外立面',
        department: '住建局',
        severity: 'high',
        conditions: [
          c('墙皮、瓷砖、构件脱落，存在坠落危险的', uh(4), '设置警示并排除隐患'),
          c('外墙破损、污损、乱贴乱画', wd(10), '修复、粉刷'),
        ],
      },
      {
        code: '0503',
        name: '空置房屋',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('院内垃圾杂物堆积', wd(2), '清理'),
          c('门窗缺失、无人看管，存在安全隐患的', wd(3), '封闭'),
        ],
      },
      {
        code: '0504',
        name: '闲置地块（空闲地）',
        department: '自然资源和规划局',
        severity: 'normal',
        conditions: [c('裸土未覆盖', wd(3), '覆盖或绿化'), c('未设围挡、垃圾堆积', nd(7), '围挡、清理')],
      },
      {
        code: '0505',
        name: '人防工事',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('出入口破损、无人管理，存在安全隐患的', wd(3), '封闭或修复'),
          c('内部积水、垃圾堆积', wd(5), '清理'),
        ],
      },
      {
        code: '0506',
        name: '老旧小区公共设施',
        department: '住建局',
        severity: 'normal',
        conditions: [c('雨污管道破损、外溢', uh(12), '修复并清理'), c('楼道照明、单元门损坏', wd(5), '修复')],
      },
    ],
  },
  {
    kind: 'component',
    code: '06',
    name: '其他设施',
    minors: [
      {
        code: '0601',
        name: '视频监控设施',
        department: '公安局',
        severity: 'low',
        conditions: [c('立杆倾斜，存在倒伏危险的', uh(4), '排除隐患'), c('设备损坏或被遮挡', wd(5), '修复')],
      },
      {
        code: '0602',
        name: '河道护栏',
        department: '水利局',
        severity: 'high',
        conditions: [
          c('缺失、损坏，存在落水隐患的', uh(4), '设置警示并修复'),
          c('锈蚀、松动', wd(5), '修复'),
        ],
      },
      {
        code: '0603',
        name: '河道堤防（驳岸）',
        department: '水利局',
        severity: 'critical',
        conditions: [c('坍塌、滑坡', uh(4), '应急抢护'), c('破损、渗漏', wd(10), '修复')],
      },
      {
        code: '0604',
        name: '防汛设施（排涝泵站、闸门）',
        department: '水利局',
        severity: 'high',
        conditions: [c('故障无法运行', uh(4), '抢修恢复'), c('设施破损', wd(5), '修复')],
      },
      {
        code: '0605',
        name: '电动车充电设施',
        department: '供电公司',
        severity: 'normal',
        conditions: [
          c('设施漏电、线路裸露，存在安全隐患的', uh(2), '断电并修复'),
          c('设施破损', wd(3), '修复'),
        ],
      },
      {
        code: '0606',
        name: '应急避难场所标识',
        department: '应急管理局',
        severity: 'low',
        conditions: [c('缺失、破损', wd(10), '补设或修复')],
      },
      {
        code: '0607',
        name: '环境监测设施',
        department: '生态环境局',
        severity: 'low',
        conditions: [c('损坏、被遮挡', wd(5), '修复')],
      },
      {
        code: '0608',
        name: '无障碍设施',
        department: '住建局',
        severity: 'low',
        conditions: [c('坡道被占用', wh(4), '清除占用'), c('坡道、扶手破损', wd(5), '修复')],
      },
    ],
  },
];

// ---- 事件 (events) -------------------------------------------------------------------------------

const EVENT_MAJORS: SeedMajor[] = [
  {
    kind: 'event',
    code: '01',
    name: '市容环境',
    minors: [
      {
        code: '0101',
        name: '违章搭建（私搭乱建）',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('正在搭建的', wh(4), '制止施工'),
          c('临时搭建的棚亭、雨篷', wd(3), '拆除'),
          c('已建成的违章建筑', nd(15), '拆除或依法处理'),
        ],
      },
      {
        code: '0102',
        name: '暴露垃圾',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('暴露垃圾面积1㎡以内', wh(2), '清除'),
          c('面积超过1㎡或成堆', wh(4), '清除并清洗地面'),
        ],
      },
      {
        code: '0103',
        name: '积存渣土',
        department: '城管局',
        severity: 'normal',
        conditions: [c('道路、空地积存渣土、建筑垃圾', wd(1), '清运'), c('积存量超过5m³', wd(3), '清运')],
      },
      {
        code: '0104',
        name: '道路不洁',
        department: '城管局',
        severity: 'low',
        conditions: [
          c('路面有明显垃圾、污渍、积土', wh(2), '清扫保洁'),
          c('路面油污、泥浆污染面积超过2㎡', wh(4), '清洗'),
        ],
      },
      {
        code: '0105',
        name: '水域不洁',
        department: '水利局',
        severity: 'normal',
        conditions: [
          c('水面漂浮垃圾、杂物', wh(8), '打捞'),
          c('岸坡垃圾堆积', wh(8), '清理'),
          c('水体黑臭或大面积藻类', nd(7), '治理'),
        ],
      },
      {
        code: '0106',
        name: '垃圾满溢',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('垃圾桶、果皮箱满溢', wh(2), '清运'),
          c('垃圾收集点、转运站垃圾外溢', wh(4), '清运并清洗'),
        ],
      },
      {
        code: '0107',
        name: '乱倒垃圾',
        department: '城管局',
        severity: 'normal',
        conditions: [c('乱倒生活垃圾', wh(4), '清除'), c('乱倒建筑垃圾、大件垃圾', wd(1), '清运')],
      },
      {
        code: '0108',
        name: '乱堆物料',
        department: '城管局',
        severity: 'low',
        conditions: [
          c('占用道路、人行道堆放物料，影响通行', wh(4), '清理'),
          c('其他公共场所堆放杂物', wd(1), '清理'),
        ],
      },
      {
        code: '0109',
        name: '沿街晾挂',
        department: '城管局',
        severity: 'low',
        conditions: [c('沿街、护栏、树木上晾晒衣物或吊挂物品', wh(4), '清除')],
      },
      {
        code: '0110',
        name: '绿地脏乱',
        department: '园林绿化局',
        severity: 'low',
        conditions: [
          c('绿地内有垃圾、杂物、枯枝落叶', wh(4), '清理'),
          c('绿地内堆放物料，或被践踏形成黄土裸露', wd(3), '清理、恢复'),
        ],
      },
      {
        code: '0111',
        name: '餐饮油烟',
        department: '生态环境局',
        severity: 'normal',
        conditions: [
          c('油烟直排、扰民', wd(3), '整改'),
          c('未安装油烟净化设施或设施未正常使用', wd(5), '安装并正常使用'),
          c('排烟口直对居民住宅或人行道', wd(10), '改造'),
        ],
      },
      {
        code: '0112',
        name: '露天焚烧',
        department: '生态环境局',
        severity: 'high',
        conditions: [c('露天焚烧垃圾、落叶、秸秆', uh(1), '熄灭并清理')],
      },
      {
        code: '0113',
        name: '噪声扰民',
        department: '生态环境局',
        severity: 'low',
        conditions: [
          c('商业经营使用高音喇叭招揽顾客', wh(2), '制止'),
          c('广场舞、娱乐活动噪声扰民', wh(4), '劝导整改'),
        ],
      },
      {
        code: '0114',
        name: '门前五包不落实',
        department: '城管局',
        severity: 'low',
        conditions: [c('沿街单位、商户门前卫生脏乱，未落实“门前五包”', wh(4), '整改')],
      },
      {
        code: '0115',
        name: '动物尸体',
        department: '城管局',
        severity: 'normal',
        conditions: [c('道路、水域、公共场所有动物尸体', wh(2), '清除并消毒')],
      },
    ],
  },
  {
    kind: 'event',
    code: '02',
    name: '宣传广告',
    minors: [
      {
        code: '0201',
        name: '乱贴乱画（非法小广告）',
        department: '城管局',
        severity: 'low',
        conditions: [
          c('张贴、喷涂、刻画小广告，面积0.5㎡以内', wh(8), '清除'),
          c('面积超过0.5㎡或成片', wd(1), '清除并恢复原貌'),
        ],
      },
      {
        code: '0202',
        name: '街头散发广告',
        department: '城管局',
        severity: 'low',
        conditions: [c('街头散发小广告、传单', wh(2), '制止并清理')],
      },
      {
        code: '0203',
        name: '违规户外广告',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('占用人行道、绿地设置落地广告、展板', wh(4), '清除'),
          c('未经审批设置户外广告', wd(5), '拆除'),
        ],
      },
      {
        code: '0204',
        name: '户外广告破损',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('广告设施破损，存在坠落危险的', uh(2), '排除隐患'),
          c('画面破损、污损、残缺', wd(3), '修复或更换'),
          c('灯光不全、“缺字少笔”', wd(5), '修复'),
        ],
      },
      {
        code: '0205',
        name: '门头牌匾破损',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('牌匾松动，存在坠落危险的', uh(2), '排除隐患'),
          c('字体缺失、破损、污损', wd(5), '修复'),
        ],
      },
      {
        code: '0206',
        name: '违规悬挂横幅',
        department: '城管局',
        severity: 'low',
        conditions: [c('未经批准悬挂横幅、条幅', wh(4), '拆除'), c('横幅破旧或过期', wd(1), '拆除')],
      },
      {
        code: '0207',
        name: '公益广告设置不足',
        department: '文明办',
        severity: 'low',
        conditions: [
          c('公益广告破损、褪色或内容过期', wd(5), '更新'),
          c('主次干道、公共场所公益广告缺失或数量不足', wd(10), '增设'),
        ],
      },
      {
        code: '0208',
        name: '违规流动广告',
        department: '城管局',
        severity: 'low',
        conditions: [c('流动广告车、充气拱门违规设置', wh(4), '清除')],
      },
    ],
  },
  {
    kind: 'event',
    code: '03',
    name: '施工管理',
    minors: [
      {
        code: '0301',
        name: '施工扰民',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('夜间（22:00—次日6:00）未经批准施工', uh(2), '停止施工'),
          c('施工强光、振动影响居民', wd(1), '整改'),
        ],
      },
      {
        code: '0302',
        name: '施工占道',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('占道施工未设置警示标志', uh(2), '设置警示'),
          c('超出批准范围占道施工', wh(4), '退回批准范围'),
          c('未经批准占用道路施工', wd(1), '停止占道'),
        ],
      },
      {
        code: '0303',
        name: '建筑工地扬尘',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('出入口未冲洗车辆，车辆带泥上路', wh(4), '冲洗车辆并清理路面'),
          c('土方、裸土未覆盖', wh(8), '覆盖'),
          c('未落实洒水、雾炮等抑尘措施', wd(1), '整改'),
        ],
      },
      {
        code: '0304',
        name: '施工废弃料',
        department: '住建局',
        severity: 'low',
        conditions: [c('废弃料堆放占用道路', wh(8), '清理'), c('施工后遗留废弃料、渣土', wd(2), '清运')],
      },
      {
        code: '0305',
        name: '建筑工地围挡',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('围挡倒塌、倾斜，存在安全隐患的', uh(2), '排除隐患'),
          c('围挡缺失、不连续或高度不达标', wd(3), '补齐'),
          c('围挡破损、脏污，公益广告缺失', wd(5), '修复、清洗'),
        ],
      },
      {
        code: '0306',
        name: '渣土撒漏',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('运输车辆撒漏渣土、泥浆', wh(2), '清理路面'),
          c('运输车辆未密闭运输', wd(1), '查处整改'),
        ],
      },
      {
        code: '0307',
        name: '道路挖掘',
        department: '住建局',
        severity: 'normal',
        conditions: [c('未经批准挖掘道路', wh(4), '停止施工'), c('挖掘后未及时恢复路面', wd(5), '恢复路面')],
      },
      {
        code: '0308',
        name: '工地生活区卫生',
        department: '住建局',
        severity: 'low',
        conditions: [
          c('工地食堂、宿舍、厕所卫生脏乱', wd(2), '整改'),
          c('工地生活区无防蝇防鼠设施', wd(5), '增设'),
        ],
      },
      {
        code: '0309',
        name: '拆除工地管理',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('拆除现场未湿法作业、未覆盖', wh(4), '整改'),
          c('拆除后建筑垃圾长期堆放', nd(15), '清运'),
        ],
      },
    ],
  },
  {
    kind: 'event',
    code: '04',
    name: '突发事件',
    minors: [
      {
        code: '0401',
        name: '地面塌陷',
        department: '住建局',
        severity: 'critical',
        conditions: [
          c('塌陷面积超过1㎡或深度超过30cm，影响通行安全的', uh(1), '设置警示并抢修'),
          c('小面积沉陷', wd(3), '修复'),
        ],
      },
      {
        code: '0402',
        name: '道路积水',
        department: '水务集团',
        severity: 'high',
        conditions: [
          c('积水深度超过15cm，影响车辆、行人通行', uh(2), '排除积水'),
          c('积水深度15cm以内', wh(4), '排除积水并疏通'),
        ],
      },
      {
        code: '0403',
        name: '供水管道破裂',
        department: '水务集团',
        severity: 'critical',
        conditions: [c('管道爆裂、大量冒水', uh(1), '关阀抢修'), c('管道渗漏', uh(8), '修复')],
      },
      {
        code: '0404',
        name: '树木倒伏',
        department: '园林绿化局',
        severity: 'high',
        conditions: [
          c('树木倒伏，阻断道路或压占车辆、线路', uh(2), '清理移除'),
          c('树木倾斜，存在倒伏危险的', uh(4), '扶正加固或移除'),
        ],
      },
      {
        code: '0405',
        name: '井盖缺失（权属不明）',
        department: '城管局',
        severity: 'critical',
        conditions: [c('井盖缺失、破损，权属单位不明', uh(1), '设置警示并补盖')],
      },
      {
        code: '0406',
        name: '燃气泄漏',
        department: '住建局',
        severity: 'critical',
        conditions: [c('燃气异味明显、管道泄漏', uh(1), '关阀处置，排除隐患')],
      },
      {
        code: '0407',
        name: '消防通道堵塞',
        department: '应急管理局',
        severity: 'high',
        conditions: [c('占用、堵塞消防通道', uh(2), '清除')],
      },
      {
        code: '0408',
        name: '路面遗撒',
        department: '城管局',
        severity: 'normal',
        conditions: [c('交通事故或车辆遗撒油污、货物', uh(2), '清理')],
      },
      {
        code: '0409',
        name: '电力线缆断落',
        department: '供电公司',
        severity: 'critical',
        conditions: [c('电线断落、漏电', uh(1), '断电处置')],
      },
      {
        code: '0410',
        name: '高空坠物隐患',
        department: '住建局',
        severity: 'high',
        conditions: [c('空调外机、花盆、外墙附着物松动，存在坠落危险的', uh(2), '排除隐患')],
      },
      {
        code: '0411',
        name: '污水冒溢',
        department: '水务集团',
        severity: 'high',
        conditions: [c('管道堵塞，污水冒溢', uh(4), '疏通并清洗路面')],
      },
    ],
  },
  {
    kind: 'event',
    code: '05',
    name: '街面秩序',
    minors: [
      {
        code: '0501',
        name: '无照经营游商',
        department: '城管局',
        severity: 'low',
        conditions: [c('流动摊贩无照经营', wh(2), '劝离或取缔'), c('固定摊点无照经营', wd(3), '依法取缔')],
      },
      {
        code: '0502',
        name: '占道经营',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('占用主次干道、人行道摆摊设点', wh(2), '清除'),
          c('占用背街小巷摆摊设点', wh(4), '清除'),
        ],
      },
      {
        code: '0503',
        name: '店外经营',
        department: '城管局',
        severity: 'low',
        conditions: [
          c('店外摆放商品、设置遮阳篷', wh(4), '规整入店'),
          c('出店加工、维修作业', wh(4), '规整入店'),
        ],
      },
      {
        code: '0504',
        name: '露天烧烤摊',
        department: '城管局',
        severity: 'normal',
        conditions: [c('露天烧烤、占道烧烤', uh(2), '制止并清除')],
      },
      {
        code: '0505',
        name: '乱停车',
        department: '交警大队',
        severity: 'normal',
        conditions: [c('车辆乱停放，影响通行', wh(2), '驶离或规整')],
        details: [
          {
            code: '050501',
            name: '机动车乱停放',
            department: '交警大队',
            severity: 'normal',
            conditions: [
              c('占用人行道、盲道、消防通道停放', wh(2), '驶离'),
              c('长期停放的“僵尸车”', nd(7), '拖离'),
            ],
          },
          {
            code: '050502',
            name: '非机动车乱停放',
            department: '城管局',
            severity: 'low',
            conditions: [c('非机动车无序停放', wh(2), '规整')],
          },
          {
            code: '050503',
            name: '共享单车乱停放',
            department: '交通运输局',
            severity: 'low',
            conditions: [c('共享单车堆积或超出停放区', wh(4), '调度清运')],
          },
        ],
      },
      {
        code: '0506',
        name: '黑车拉客',
        department: '交通运输局',
        severity: 'normal',
        conditions: [c('非法营运车辆揽客', wh(4), '查处')],
      },
      {
        code: '0507',
        name: '流浪乞讨',
        department: '民政局',
        severity: 'normal',
        conditions: [
          c('流浪人员露宿街头，遇极端天气', uh(4), '救助安置'),
          c('流浪乞讨人员滞留街面', wh(4), '救助引导'),
        ],
      },
      {
        code: '0508',
        name: '占道洗车修车',
        department: '城管局',
        severity: 'low',
        conditions: [c('占用道路洗车、修车', wh(4), '清除')],
      },
      {
        code: '0509',
        name: '马路市场',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('早市、夜市超出规定范围或时段经营', wh(4), '整治规范'),
          c('自发形成马路市场', wd(3), '取缔或疏导入市'),
        ],
      },
      {
        code: '0510',
        name: '废品收购站点违规',
        department: '商务局',
        severity: 'low',
        conditions: [c('占道经营、乱堆乱放', wh(8), '整改'), c('无证经营、场地脏乱', wd(5), '整改或取缔')],
      },
      {
        code: '0511',
        name: '学校周边秩序',
        department: '教育局',
        severity: 'normal',
        conditions: [
          c('上下学时段周边交通、摊点秩序混乱', wh(2), '疏导整治'),
          c('周边销售“三无”食品、违规经营', wd(2), '整改'),
        ],
      },
      {
        code: '0512',
        name: '不文明行为',
        department: '文明办',
        severity: 'low',
        conditions: [c('随地吐痰、乱扔杂物、乱穿马路等不文明行为集中发生', wh(8), '劝导')],
      },
      {
        code: '0513',
        name: '船只违规停放',
        department: '交通运输局',
        severity: 'low',
        conditions: [c('船只在城区河道违规停泊', wd(3), '驶离或上岸')],
      },
    ],
  },
  {
    kind: 'event',
    code: '06',
    name: '其他事件',
    minors: [
      {
        code: '0601',
        name: '毁绿占绿（毁绿种菜）',
        department: '园林绿化局',
        severity: 'normal',
        conditions: [c('毁坏绿地、树木', wh(4), '制止'), c('占用绿地种菜、堆物', wd(3), '清除并恢复')],
      },
      {
        code: '0602',
        name: '砂石堆场',
        department: '水利局',
        severity: 'normal',
        conditions: [c('砂石堆场未覆盖、扬尘', wd(1), '覆盖'), c('河道沿岸违规设置砂石堆场', nd(15), '清理')],
      },
      {
        code: '0603',
        name: '违法排污',
        department: '生态环境局',
        severity: 'high',
        conditions: [
          c('违规倾倒工业固废、危险废物', uh(2), '控制现场并清理'),
          c('污水直排河道、雨水管网', uh(4), '制止排放'),
        ],
      },
      {
        code: '0604',
        name: '私设地锁地桩',
        department: '城管局',
        severity: 'low',
        conditions: [c('公共区域私设地锁、地桩、隔离墩', wd(1), '拆除')],
      },
      {
        code: '0605',
        name: '居民小区环境卫生',
        department: '住建局',
        severity: 'normal',
        conditions: [
          c('楼道堆物、飞线充电', wh(8), '清除'),
          c('物业小区公共区域垃圾堆积、卫生脏乱', wd(1), '清理'),
        ],
      },
      {
        code: '0606',
        name: '背街小巷脏乱',
        department: '城管局',
        severity: 'normal',
        conditions: [c('路面脏污、垃圾堆积', wh(4), '清理'), c('路面破损、照明缺失', wd(7), '修复')],
      },
      {
        code: '0699',
        name: '其他问题',
        department: '城管局',
        severity: 'low',
        conditions: [c('其他影响市容环境和城市秩序的问题', wd(3), '处置完毕')],
      },
    ],
  },
  {
    kind: 'event',
    code: '07',
    name: '爱国卫生（创卫专项）',
    minors: [
      {
        code: '0701',
        name: '卫生死角',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('楼院、背街小巷、城乡结合部垃圾杂物堆积', wd(1), '清理'),
          c('长期积存、大量垃圾', wd(3), '清运并消杀'),
        ],
      },
      {
        code: '0702',
        name: '病媒生物孳生地',
        department: '爱卫办',
        severity: 'normal',
        conditions: [c('存在病媒生物孳生环境', wd(2), '清除孳生地')],
        details: [
          {
            code: '070201',
            name: '鼠迹',
            department: '爱卫办',
            severity: 'normal',
            conditions: [
              c('发现鼠洞、鼠粪、鼠咬痕等鼠迹', wd(2), '灭鼠并封堵'),
              c('重点行业防鼠设施（挡鼠板、防鼠网）缺失', wd(5), '安装'),
            ],
          },
          {
            code: '070202',
            name: '蚊蝇孳生',
            department: '爱卫办',
            severity: 'normal',
            conditions: [
              c('积水容器、坑洼积水中有蚊幼', wh(8), '清除积水'),
              c('垃圾、粪便堆积，有蝇类孳生', wh(8), '清理并消杀'),
              c('餐饮、食品单位防蝇设施缺失', wd(5), '增设'),
            ],
          },
          {
            code: '070203',
            name: '蟑螂（蟑迹）',
            department: '爱卫办',
            severity: 'normal',
            conditions: [c('发现活蟑螂、卵鞘或蟑迹', wd(3), '灭蟑处理')],
          },
        ],
      },
      {
        code: '0703',
        name: '公厕保洁',
        department: '城管局',
        severity: 'normal',
        conditions: [
          c('地面、便器有明显污物、积水', wh(1), '保洁'),
          c('异味明显、蝇蛆孳生', wh(2), '清洁消杀'),
          c('洗手液、手纸等耗材缺失', wh(4), '补齐'),
        ],
      },
      {
        code: '0704',
        name: '农贸市场环境卫生',
        department: '市场监管局',
        severity: 'normal',
        conditions: [
          c('市场内地面脏污、垃圾未及时清运', wh(2), '清理'),
          c('排水沟堵塞、污水横流', wh(4), '疏通'),
          c('摊位乱摆乱放，未划行归市', wd(1), '规范'),
        ],
        details: [
          {
            code: '070401',
            name: '活禽经营不规范',
            department: '市场监管局',
            severity: 'high',
            conditions: [c('活禽经营区未隔离，未落实休市消毒', wd(1), '整改')],
          },
          {
            code: '070402',
            name: '市场周边占道经营',
            department: '城管局',
            severity: 'normal',
            conditions: [c('市场周边摆摊、占道经营', wh(2), '清除')],
          },
        ],
      },
      {
        code: '0705',
        name: '“五小”行业卫生',
        department: '市场监管局',
        severity: 'normal',
        conditions: [c('店内外环境脏乱', wd(1), '整改'), c('证照不全、从业人员无健康证明', wd(5), '办理')],
        details: [
          {
            code: '070501',
            name: '小餐饮',
            department: '市场监管局',
            severity: 'normal',
            conditions: [
              c('餐饮具未消毒', wd(1), '整改'),
              c('无防蝇、防鼠、防尘“三防”设施，或生熟不分', wd(3), '整改'),
            ],
          },
          {
            code: '070502',
            name: '小食杂',
            department: '市场监管局',
            severity: 'normal',
            conditions: [c('销售过期、“三无”食品', wh(4), '下架销毁'), c('店内卫生脏乱', wd(1), '整改')],
          },
          {
            code: '070503',
            name: '小美容美发',
            department: '卫健委',
            severity: 'normal',
            conditions: [
              c('公共用品用具未消毒', wd(1), '整改'),
              c('卫生管理制度不健全，从业人员无健康证明', wd(5), '整改'),
            ],
          },
          {
            code: '070504',
            name: '小浴室',
            department: '卫健委',
            severity: 'normal',
            conditions: [c('公共用品未消毒', wd(1), '整改'), c('水质、环境卫生不达标', wd(3), '整改')],
          },
          {
            code: '070505',
            name: '小旅店',
            department: '卫健委',
            severity: 'normal',
            conditions: [c('床上用品未一客一换', wd(1), '整改'), c('无消毒间或消毒设施', wd(5), '增设')],
          },
        ],
      },
      {
        code: '0706',
        name: '家禽养殖（城区禁养）',
        department: '农业农村局',
        severity: 'normal',
        conditions: [
          c('城区禁养区内散养家禽家畜', nd(7), '清理'),
          c('规模养殖造成粪便污染', nd(15), '取缔并清理'),
        ],
      },
      {
        code: '0707',
        name: '犬类管理（违规养犬/流浪犬）',
        department: '公安局',
        severity: 'normal',
        conditions: [c('犬只伤人或疑似狂犬', uh(2), '控制犬只并通报卫健部门')],
        details: [
          {
            code: '070701',
            name: '违规养犬',
            department: '公安局',
            severity: 'normal',
            conditions: [
              c('遛犬未拴绳、未清理犬粪', wh(4), '劝导或处罚'),
              c('禁养区饲养烈性犬', wd(1), '收容'),
              c('未办证养犬', wd(5), '办证或收容'),
            ],
          },
          {
            code: '070702',
            name: '流浪犬',
            department: '公安局',
            severity: 'normal',
            conditions: [c('流浪犬聚集出没', wd(1), '收容')],
          },
        ],
      },
      {
        code: '0708',
        name: '城区旱厕',
        department: '城管局',
        severity: 'normal',
        conditions: [c('旱厕粪便外溢', wh(4), '清掏消杀'), c('城区旱厕未改造', nd(30), '改造或拆除')],
      },
      {
        code: '0709',
        name: '“三堆”乱放（柴堆、粪堆、草堆）',
        department: '农业农村局',
        severity: 'low',
        conditions: [c('房前屋后乱堆柴草、粪土、杂物', wd(3), '清理')],
      },
      {
        code: '0710',
        name: '公共场所控烟',
        department: '卫健委',
        severity: 'low',
        conditions: [
          c('禁烟场所有人吸烟或未设禁烟标识', wd(1), '整改'),
          c('室内公共场所摆放烟具', wd(1), '撤除'),
        ],
      },
      {
        code: '0711',
        name: '洗手设施缺失',
        department: '卫健委',
        severity: 'low',
        conditions: [
          c('洗手设施损坏、无洗手液', wd(1), '修复补齐'),
          c('公共场所、学校、农贸市场未设洗手设施', wd(10), '增设'),
        ],
      },
      {
        code: '0712',
        name: '医疗废物处置不规范',
        department: '卫健委',
        severity: 'high',
        conditions: [
          c('医疗废物混入生活垃圾', uh(4), '分拣并规范清运'),
          c('医疗废物暂存点不规范', wd(3), '整改'),
        ],
      },
      {
        code: '0713',
        name: '单位庭院卫生',
        department: '爱卫办',
        severity: 'low',
        conditions: [c('机关、企事业单位庭院环境脏乱', wd(2), '整改')],
      },
      {
        code: '0714',
        name: '健康教育阵地',
        department: '卫健委',
        severity: 'low',
        conditions: [c('健康教育宣传栏缺失或内容未定期更新', nd(30), '设置或更新')],
      },
      {
        code: '0715',
        name: '二次供水卫生',
        department: '卫健委',
        severity: 'high',
        conditions: [
          c('水质异常（浑浊、异味）', uh(4), '停止供水并处置'),
          c('水箱未加盖加锁、未定期清洗消毒', wd(3), '清洗消毒并加锁'),
        ],
      },
      {
        code: '0716',
        name: '校园环境卫生',
        department: '教育局',
        severity: 'normal',
        conditions: [
          c('校园内有卫生死角，厕所脏乱', wd(1), '整改'),
          c('学校食堂“三防”设施缺失', wd(5), '增设'),
        ],
      },
      {
        code: '0717',
        name: '生活垃圾分类',
        department: '城管局',
        severity: 'low',
        conditions: [c('投放点混投混运', wd(1), '整改'), c('分类设施缺失、破损', wd(5), '补齐')],
      },
    ],
  },
];

/** The default catalogue: 部件 大类 01–06, then 事件 大类 01–07. */
export const DEFAULT_CATALOG: readonly SeedMajor[] = [...COMPONENT_MAJORS, ...EVENT_MAJORS];
