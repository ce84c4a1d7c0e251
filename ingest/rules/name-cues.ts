import type { EntityKind } from './name-suffixes.ts';

/**
 * Names the genre writes bare — without quote marks and without a suffix the
 * suffix table knows — but in a frame that says what they are: the verb
 * before them (创建…先进县, 列入…项目) or the verb after them (奔腾激光入选…).
 * Each rule is a row: the cue, the shape the name must end in, the kind, and
 * a real-shaped example. The extractor is `ingest/extract/cued-names.ts`.
 */
export interface ObjectCue {
  name: string;
  kind: EntityKind;
  /** The verb that opens the name (the name starts right after it, less a level qualifier such as 我市). */
  before: RegExp;
  /** What the name ends in; the name ends with this match. */
  head: RegExp;
  /** The name's shortest length, head included. */
  minLength: number;
  example: string;
}

/**
 * Titles a place earns: 先进县, 示范市, 创新型城市, 文明城市 (the place itself is not the programme).
 * Not 示范区 (a Platform suffix when it names a place), nor the categories 试点城市 and 强县 a
 * letter lists places under (争创国家知识产权强县 · 创建第二批国家产教融合试点城市).
 */
export const DESIGNATION =
  /(?:(?:先进|百强)(?:县|市|区|省|镇|城市)|(?:示范|创新型)(?:县|市|省|镇|城市)|(?:文明|卫生|园林|森林|宜居|智慧)城市)/;

export const OBJECT_CUES: ObjectCue[] = [
  {
    name: 'designation',
    kind: 'Programme',
    // 紧紧抓住创建省级科技工作先进县这一契机 · 争创国家创新型城市 · 成功创建全国科技进步先进市
    before: /(?:创建|争创|创成|成功创建|申报创建|获评|被评为|评为|荣获|获批)$/,
    head: DESIGNATION,
    minLength: 5,
    example: '创建省级科技工作先进县 → 省级科技工作先进县',
  },
  {
    name: 'launched',
    kind: 'Programme',
    // 实施孵化载体提质行动 · 启动澜城科技人才引育工程: the scheme a letter says it launched, whose name may hold
    // the verbs that otherwise open a name (提质, 培育). Common words alone name one only when long (see below).
    before: /(?:实施|开展|启动|推出|组织实施|组织开展|深入实施|深入开展|全面实施)$/,
    head: /(?:行动|工程|计划|专项)/,
    minLength: 6,
    example: '实施孵化载体提质行动 → 孵化载体提质行动',
  },
  {
    name: 'standing-meeting',
    kind: 'Programme',
    // 建立金融支持科技型企业融资联席会议制度: a standing meeting of several bodies is a named mechanism, and its
    // name may hold the verbs (支持) that otherwise open one.
    before: /(?:建立|建立健全|健全|完善|成立|召开)$/,
    head: /(?:联席会议制度|联席会议机制|联席会议)/,
    minLength: 8,
    example: '建立金融支持科技型企业融资联席会议制度 → 金融支持科技型企业融资联席会议制度',
  },
  {
    name: 'applied-for',
    kind: 'Programme',
    // 申报中央引导地方科技发展资金: the fund a firm applies for, named by all its words (引导 inside it is no verb
    // opening it); funds are programmes in the gold. A fund of common words only (专项资金) stays a category.
    before: /(?:申报|申请|争取|获得|获批)$/,
    head: /(?:资金|基金)/,
    minLength: 8,
    example: '申报中央引导地方科技发展资金 → 中央引导地方科技发展资金',
  },
  {
    name: 'listed-into',
    kind: 'Programme',
    // 已列入我市新型智慧城市第二期建设项目 · 纳入省乡村振兴科技支撑行动 — the scheme a thing is put into.
    before: /(?:列入|纳入|编入|列为)$/,
    head: /(?:项目|计划|工程|专项|行动|试点)/,
    minLength: 6,
    example: '列入我市新型智慧城市第二期建设项目 → 新型智慧城市第二期建设项目',
  },
];

/**
 * A scheme the letter says it launched (实施科技金融赋能行动 · 实施重点产业研发计划) is named by its words though
 * each is a common one, from this length on (a short 科技服务行动 stays a category).
 */
export const LAUNCHED_MIN_LENGTH = 8;

/**
 * A building or site under construction named as the clause's subject: 市科技创新服务中心即将完工投用 ·
 * 创新工厂已全面结顶 · 产业孵化园区一期项目预计6月结顶. What is being built is one thing, though its words are common.
 */
export const BUILT_SUBJECT = {
  head: /(?:中心|工厂|园区|产业园|孵化园|大楼|大厦|综合体|基地|科技馆|实验室)$/,
  after:
    /^(?:[一二三四五六首]期(?:项目|工程)?)?(?:已|即将|预计|正在|计划|将|于|已于)?\s*(?:\d{1,2}月|年底|年内)?(?:全面|基本|顺利)?(?:完工|竣工|结顶|封顶|动工|开工|投用|投入使用|建成)/,
};

/**
 * After a bare name, a verb that says it was put into a scheme:
 * 智慧小屋项目已列入… → the name ends in 项目 (or 工程 …) and stands as the subject.
 */
export const LISTED_SUBJECT = {
  head: /(?:项目|工程|专项)$/,
  after: /^(?:已经?|均已|先后|被|正式|已被)?(?:列入|纳入|编入)/,
};

/**
 * A firm named bare as a clause's subject, before a verb of distinction:
 * 奔腾激光入选省首批创新联合体 · 华岳电子获评国家级专精特新“小巨人”企业.
 * The clause's rest must name an enterprise's distinction, so a place or a
 * person before 入选 is not taken for a firm.
 */
export const DISTINCTION_VERB =
  /^(?:成功)?(?:入选|获评|获批|荣获|获得|被评为|被认定为|被列为|认定为|获认定为|建成|牵头组建|牵头承担)/;
// The distinction closes the clause: 入选国家中小企业特色产业集群 names a cluster's, not a firm's.
// (企业 with up to four characters after it: 省级企业技术中心 · 企业研究院 are a firm's own distinctions.)
// (Not 科技企业孵化器 · 企业加速器: those are a platform's.)
export const ENTERPRISE_DISTINCTION =
  /(?:企业(?!家|孵化|加速)[\u4e00-\u9fa5]{0,4}|联合体|单项冠军|小巨人|瞪羚|独角兽|专精特新|百强|500强|工厂|车间)[”"]?(?:企业)?(?:名单|称号|榜单)?$/;
/**
 * Tiers of firms a letter counts or a firm earns (专精特新“小巨人”企业 · “瞪羚”企业): a kind of firm, not a scheme, though
 * it is quoted before 企业 as a scheme's name is (“科技副总”企业).
 */
export const FIRM_TIER = /^(?:单项冠军|隐形冠军|小巨人|瞪羚|独角兽|雏鹰|专精特新|链主)$/;
/** Heads that make a subject a category, not a firm: 部分企业 · 相关单位 · 科研团队. */
export const CATEGORY_HEAD =
  /(?:企业|公司|单位|高校|院所|机构|团队|项目|平台|人才|专家|部门|主体|群体|产品|成果|技术|代表|委员|集群|产业|行业|我们|我局|我市|全市|全县)$/;

/**
 * Verbs that build or host a site, before its name (ingest/extract/sited-names.ts): 规划建设大连数据要素先导区 ·
 * 建设弥勒甸溪数字岛 · 在漳州台商投资区布局 · 入驻…数智坊.
 */
export const SITE_CUE = /(?:规划建设|建设|打造|建成|布局|设立|依托|入驻|落户|进驻|在)/g;
/** The kind of ground a site is, ending its name: 先导区 · 产业带 · 数字岛 · 科创湾 · 创新港 · 走廊 · 数智坊 · 储能谷 · 科技城 · 青创社区. */
export const SITE_HEAD = /(?:社区|[区带岛湾港廊坊谷城])$/;
