import { describe, expect, it } from 'vitest';
import { tiesOf } from '../../domain/chain-ties.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';

/**
 * The four-chain rules on letters written for these tests (made-up places and
 * names): for each pattern a researcher judges by (shared/chain-gold/README.md),
 * a tie that must be made, with the rule that makes it, and a tie that must
 * not. Each row is a whole small letter: its sentences under a next-steps
 * heading (and the chain heading given, if any).
 */
const INTRO = '您在市七届人大三次会议期间所提的《关于加快澜城科技创新的建议》收悉。现答复如下：\n二、下一步工作计划';

function graphOf(lines: string[]): GraphDocument {
  const body = [INTRO, ...lines, '以上答复供参考。'].join('\n');
  return graphOfTexts({ 'a.txt': letterText({ body }) });
}

/** The chains a thing (by name, or a commitment by its words) is tied to, each with the rules of its ties. */
function chainsOf(graph: GraphDocument, thing: string): Map<string, string[]> {
  const node =
    graph.nodes.find((n) => n.name === thing) ??
    graph.nodes.find((n) => n.kind === 'Commitment' && n.name.includes(thing));
  if (!node) throw new Error(`no thing named ${thing} in ${graph.nodes.map((n) => n.name).join(', ')}`);
  const chains = new Map<string, string[]>();
  for (const edge of graph.edges)
    if (edge.type === 'ADVANCES' && edge.source === node.id)
      chains.set(
        edge.target.slice('Chain:'.length),
        tiesOf(edge.props).map((t) => t.rule),
      );
  return chains;
}

type Row = [pattern: string, lines: string[], thing: string, chain: string, rule: string | null];

const MUST_TIE: Row[] = [
  [
    'a fund by its name',
    ['设立澜城市天使投资引导基金，首期规模10亿元。'],
    '澜城市天使投资引导基金',
    '资金链',
    'name-word',
  ],
  ['a lab by its name', ['东川实验室牵头承担重大专项。'], '东川实验室', '创新链', 'name-word'],
  ['an industrial park by its name', ['推进澜城智能装备产业园扩容提质。'], '澜城智能装备产业园', '产业链', 'name-word'],
  ['a people scheme by its name', ['推广“科技副总”，选派专家教授到企业。'], '科技副总', '人才链', 'name-word'],
  [
    'an industry list by the head of its quoted name',
    ['围绕“3+2”产业布局一批中试基地。'],
    '3+2',
    '产业链',
    'quote-head',
  ],
  ['a firm acting as chain chief', ['东岭集团作为链主企业，带动上下游配套。'], '东岭集团', '产业链', 'clause-word'],
  [
    'a body of government with a chain action of its own',
    ['市财政局每年安排资金，支持企业开展研发。'],
    '市财政局',
    '资金链',
    'clause-word',
  ],
  [
    'the lever a chain heading names',
    ['（一）以澜城科创走廊战略为牵引，推动创新链和产业链精准对接。', '一是推进澜城科创走廊扩区。'],
    '澜城科创走廊',
    '产业链',
    'heading-lever',
  ],
  [
    'a thing whose own sentence does the chain heading’s work',
    [
      '（一）以科技金融为核心。加强金融赋能科技企业发展，驱动产业链和资金链协同创新。',
      '发挥东川创业投资基金作用，支持初创期科技企业发展。',
    ],
    '东川创业投资基金',
    '产业链',
    'heading-work',
  ],
  [
    'the reason in the next clause',
    ['鼓励探索“政银联动”机制，采取贷款贴息与风险补偿组合支持的方式。'],
    '政银联动',
    '资金链',
    'next-clause',
  ],
  [
    'a frame clause naming two chains',
    ['围绕创新链产业链布局，深入实施科技企业“双提升”行动。'],
    '双提升',
    '产业链',
    'frame-chain',
  ],
  ['incubation (孵化)', ['力争新增孵化面积30万方以上。'], '孵化面积30万方', '创新链', 'commitment-words'],
  ['entrepreneurship (创新创业) after a quoted name', ['举办“澜城杯”创新创业大赛。'], '澜城杯', '创新链', 'quote-head'],
  [
    'a technology market (技术市场)',
    ['建设澜城网上技术市场，促进成果交易。'],
    '澜城网上技术市场',
    '创新链',
    'name-word',
  ],
  ['a loan product (贷)', ['推出“人才贷”产品，扩大覆盖面。'], '人才贷', '资金链', 'name-word'],
  [
    'a voucher (券): fiscal money handed to firms',
    ['优化“算力券”申领兑付流程，重点支持中小企业开展大模型训练。'],
    '算力券',
    '资金链',
    'name-word',
  ],
  [
    'a loan under a heading joining money with innovation goes into innovation',
    ['（三）促进资金链与创新链融合。', '推动“澜科贷”扩面增量，每年为科技企业新增授信2亿元。'],
    '澜科贷',
    '创新链',
    'heading-work',
  ],
  [
    'a talent scheme under a heading joining talent with industry goes into industry',
    ['（三）深化人才链与产业链融合。', '继续实施“东川英才”计划，每年引进高层次人才团队5个以上。'],
    '东川英才',
    '产业链',
    'heading-work',
  ],
  [
    'a party to a technology partnership does research work with the others',
    ['促成企业与东川大学、澜城理工学院签订技术合作协议15项。'],
    '澜城理工学院',
    '创新链',
    'clause-word',
  ],
  [
    'a partner in a list of its own after those it works with',
    ['组织东川电缆、澜城光电等企业与东川大学、澜城理工学院开展技术对接，签订合作项目5项。'],
    '澜城理工学院',
    '创新链',
    'clause-word',
  ],
  [
    'a loan for technology (科技贷款)',
    ['2024年为科技企业新增科技贷款3亿元。'],
    '新增科技贷款3亿元',
    '创新链',
    'commitment-words',
  ],
  [
    'a commitment beside its voucher',
    ['优化“东川创新券”兑付流程，每年惠及中小企业不少于200家。'],
    '每年惠及中小企业不少于200家',
    '资金链',
    'subject-name',
  ],
  ['insurance money (险资)', ['协同推进“险资入澜”工作，引入长期资本。'], '险资入澜', '资金链', 'name-word'],
  ['what a thing builds', ['支持云谷港布局建设“数据实验室”。'], '云谷港', '创新链', 'object-head'],
  [
    'a school that co-builds a research institute (its builder works on what it is)',
    ['联合东川大学、澜城理工学院共建澜城智能装备研究院。'],
    '东川大学',
    '创新链',
    'object-head',
  ],
  [
    'a bank that launches a loan product with the writer',
    ['会同中国人民银行澜城市分行推广“澜科贷”，为科技型企业发放贷款1亿元。'],
    '中国人民银行澜城市分行',
    '资金链',
    'object-head',
  ],
  [
    'a bank by its name (an enterprise)',
    ['澜城农村商业银行科技支行挂牌运营。'],
    '澜城农村商业银行科技支行',
    '资金链',
    'name-word',
  ],
  [
    'the chains a closing clause says the work joins',
    ['实施“澜城工匠”培育计划，每年培训技能人才2000人次，推动人才链与产业链有效衔接。'],
    '澜城工匠',
    '产业链',
    'frame-chain',
  ],
  [
    'a title naming technology that a firm earns',
    ['澜城东岭农业开发有限公司入选市级科技型企业。'],
    '澜城东岭农业开发有限公司',
    '创新链',
    'clause-word',
  ],
  [
    'a measure of a document carried out (对…给予)',
    ['落实《澜城市支持智能装备产业发展若干措施》，对新认定的省级研发平台给予最高100万元奖励。'],
    '澜城市支持智能装备产业发展若干措施',
    '资金链',
    'next-clause',
  ],
  [
    'trade and e-commerce as a (service) industry',
    ['依托澜城综合保税区开展跨境电商保税进口业务。'],
    '澜城综合保税区',
    '产业链',
    'name-word',
  ],
  [
    'the next clause going on with a scheme carried out (选派…)',
    ['实施澜城科技入企行动，选派科技特派员300名。'],
    '澜城科技入企行动',
    '人才链',
    'next-clause',
  ],
  [
    'farm households a firm drives',
    ['澜城东岭果业有限公司、澜城西岭茶业有限公司等企业带动农户1.2万户。'],
    '澜城西岭茶业有限公司',
    '产业链',
    'clause-word',
  ],
];

const FINANCE_HEADING = '（一）以科技金融为核心。加强金融赋能科技企业发展，驱动产业链和资金链协同创新。';
MUST_TIE.push(
  [
    'the work a chain heading names, done by the thing’s own nature (finance serving firms)',
    [FINANCE_HEADING, '探索“贷投联动”模式。'],
    '贷投联动',
    '产业链',
    'heading-work',
  ],
  [
    'the reason in the clause before',
    ['以东川成果转化中心为依托，重塑科技成果转移转化体系，开展“东川拍”对接会等活动。'],
    '东川拍',
    '创新链',
    'prev-clause',
  ],
);

MUST_TIE.push([
  'the head of the noun phrase a quote opens',
  ['构建与澜城“6+3”战略性新兴产业相适应的专业体系。'],
  '6+3',
  '产业链',
  'quote-head',
]);

// Rules written on the misses of the chain gold (issue 21), each on a letter of our own.
const JOINING_HEADING = '（一）以成果转化为牵引，推动创新链和产业链精准对接。';
const LAW_HEADING = '（一）以贯彻落实科技立法为核心，深化产业链和创新链有机联动。';
MUST_TIE.push(
  [
    'a name of one-letter parties: 产 for industry',
    ['构建“政产学研金服用”协同创新体系。'],
    '政产学研金服用',
    '产业链',
    'name-letters',
  ],
  [
    'a name of one-letter parties: 金 for finance',
    ['构建“政产学研金服用”协同创新体系。'],
    '政产学研金服用',
    '资金链',
    'name-letters',
  ],
  [
    'the list a quoted name sums up',
    ['深化教育、科技、人才“三融合”改革，扩大试点范围。'],
    '三融合',
    '创新链',
    'name-list',
  ],
  [
    'a layout things are entered into, by the names they share',
    ['东川实验室和澜城制造业创新中心列入全省“双百”布局。'],
    '双百',
    '创新链',
    'member-names',
  ],
  [
    'technology transfer under a heading that joins innovation and industry',
    [JOINING_HEADING, '新建技术转移中心5家。'],
    '新建技术转移中心5家',
    '产业链',
    'heading-work',
  ],
  [
    'one more of the kind the clause before names',
    ['涌现出“龙头企业+自主运营”等特色孵化模式，“澜城速办”一体化模式入选省级典型案例。'],
    '澜城速办',
    '创新链',
    'kind-before',
  ],
  [
    'a law the item’s title names short',
    [LAW_HEADING, '一是推进科技条例落地落实。根据《澜城市科技创新促进条例》，逐条谋划年度工作举措。'],
    '澜城市科技创新促进条例',
    '产业链',
    'heading-lever',
  ],
  [
    'the work going on over two clauses',
    ['鼓励探索“政银联动”机制，采取贷款贴息的方式，加大科技金融支持成果转化的力度。'],
    '政银联动',
    '创新链',
    'next-clause',
  ],
  [
    'the targets of the work',
    ['深入开展“双提升”行动，2025年新增企业研发机构100家，规上工业企业研发活动覆盖率力争达到60%。'],
    '双提升',
    '产业链',
    'next-clause',
  ],
  [
    'the aim the first clause ends on',
    ['推动在澜高校等创新主体围绕产业转型升级，实施以企业为主体的“揭榜挂帅”核心技术攻关。'],
    '揭榜挂帅',
    '产业链',
    'frame-word',
  ],
  [
    'a standard the work is carried out by',
    ['按照“五个一”标准深入实施，累计建成孵化面积50万方。'],
    '五个一',
    '创新链',
    'next-clause',
  ],
  [
    'the first act of an item does the work its title names',
    ['一是建立企业技术需求对接机制。开展“千企走访”行动，扩大覆盖面。'],
    '千企走访',
    '创新链',
    'heading-topic',
  ],
  [
    'research results (成果) in a scheme’s name',
    ['打造“澜城好成果”系列路演活动品牌。'],
    '澜城好成果',
    '创新链',
    'name-word',
  ],
  [
    'the next clause cultivating talent (厚植)',
    ['依托东川孵化器，厚植人才创新创业热土。'],
    '东川孵化器',
    '人才链',
    'next-clause',
  ],
  [
    'the issuer acting in its own clause, named 我局',
    ['我局支持东川学院牵头建设澜城储能材料研究院。'],
    '重庆市科学技术局',
    '创新链',
    'object-head',
  ],
  [
    'the issuer acting in its own clause, named 我局',
    ['我局每年组织技能人才培训1万人次以上。'],
    '重庆市科学技术局',
    '人才链',
    'clause-word',
  ],
);

MUST_TIE.push(
  [
    'the party committee and the government of one place acting as one',
    ['市委、市政府将储能产业列为重点培育的特色产业。'],
    '市政府',
    '产业链',
    'clause-word',
  ],
  [
    'a firm’s tier title under a heading of innovation',
    ['（一）培育创新主体。', '东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
    '东川电缆有限公司',
    '创新链',
    'heading-topic',
  ],
  [
    'a firm’s tier title under a heading of quality firms',
    ['（一）培育优质企业。', '东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
    '东川电缆有限公司',
    '产业链',
    'clause-word',
  ],
);

MUST_TIE.push(
  [
    'quality testing serves industry',
    ['依托东川产品质量检验检测中心，为企业出具检测报告2万份。'],
    '东川产品质量检验检测中心',
    '产业链',
    'name-word',
  ],
  [
    'a partner school in a list that 等级 does not close',
    ['我局联合东川大学、澜城职业技术学院开展职业技能等级认定。'],
    '东川大学',
    '人才链',
    'clause-word',
  ],
);

MUST_TIE.push([
  'a place named for an industry the letter names before 产业',
  ['将氢能产业列为重点培育的特色产业。', '布局建设东川氢能港。'],
  '东川氢能港',
  '产业链',
  'name-word',
]);

MUST_TIE.push(
  [
    'a firm building a manufacturing line',
    ['东川重卡制造有限公司建成重卡总装线，年产能3000辆。'],
    '东川重卡制造有限公司',
    '产业链',
    'clause-word',
  ],
  ['a trial and demonstration base', ['建设东川旱碱麦试验示范基地。'], '东川旱碱麦试验示范基地', '创新链', 'name-word'],
);

MUST_TIE.push(
  [
    'a document whose measure, right after it, pays fiscal money',
    ['出台《东川新能源汽车产业发展扶持办法》（东高管〔2022〕12号），对企业研发投入给予最高500万元补助。'],
    '东川新能源汽车产业发展扶持办法',
    '资金链',
    'next-clause',
  ],
  [
    'a document whose measure pays for research',
    ['出台《东川新能源汽车产业发展扶持办法》（东高管〔2022〕12号），对企业研发投入给予最高500万元补助。'],
    '东川新能源汽车产业发展扶持办法',
    '创新链',
    'next-clause',
  ],
);

MUST_TIE.push([
  'a loan product under a heading of finance for technology',
  ['（一）深化科技金融。', '会同东川银行澜城分行推出“东科贷”，累计放款5亿元。'],
  '东科贷',
  '创新链',
  'heading-topic',
]);

MUST_TIE.push([
  'a firm’s tier title beside a count of innovative firms, under a heading of neither',
  ['（一）企业主体不断壮大。', '2023年全市高新技术企业达到758家，东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
  '东川电缆有限公司',
  '创新链',
  'clause-word',
]);

MUST_TIE.push([
  'a thing acting on the letter’s own industry, named in its clause',
  ['推动氢能产业发展。', '东川新材料有限公司开通氢能运输专线3条。'],
  '东川新材料有限公司',
  '产业链',
  'clause-word',
]);

MUST_TIE.push([
  'a talent scheme named for gathering talent (聚才)',
  ['深入实施“东川聚才”计划。'],
  '东川聚才',
  '人才链',
  'name-word',
]);

const MUST_NOT_TIE: Row[] = [
  [
    'a body of government naming the industry',
    ['推动氢能产业发展。', '市财政局召开氢能座谈会。'],
    '市财政局',
    '产业链',
    null,
  ],
  [
    'a firm’s tier title beside a count of innovative firms, under a heading of quality firms',
    ['（一）培育优质企业。', '东川电缆有限公司入选国家级专精特新“小巨人”企业，全市高新技术企业达到63家。'],
    '东川电缆有限公司',
    '创新链',
    null,
  ],
  [
    'a firm that receives the money',
    ['东川生物有限公司完成验证后获得天使投资3000万元。'],
    '东川生物有限公司',
    '资金链',
    null,
  ],
  [
    'a lender under a heading of finance for technology is judged by its own clause',
    ['（一）深化科技金融。', '会同东川银行澜城分行推出“东科贷”，累计放款5亿元。'],
    '东川银行澜城分行',
    '创新链',
    null,
  ],
  [
    'money a programme pays after the document is the programme’s',
    [
      '落实《东川市人才认定和服务管理办法》（东办字〔2021〕15号），实施“东川工匠”培育工程，对获评人员给予一次性奖励2万元。',
    ],
    '东川市人才认定和服务管理办法',
    '资金链',
    null,
  ],
  ['policies that go with others (配套政策) are no suppliers', ['东川大学出台配套政策。'], '东川大学', '产业链', null],
  ['产业化 names no industry', ['推动科技成果产业化。', '布局建设东川成果港。'], '东川成果港', '产业链', null],
  [
    'a pilot base of the letter’s industry is innovation work, not industry work',
    ['推动钛合金产业发展。', '建设东川钛合金中试基地。'],
    '东川钛合金中试基地',
    '产业链',
    null,
  ],
  ['a test that is no quality infrastructure', ['东川医院开展核酸检测20万人次。'], '东川医院', '产业链', null],
  ['bodies only leading', ['在市委、市政府的领导下，东川产业园集聚企业300家。'], '市委', '产业链', null],
  [
    'a firm’s tier title under a heading of innovation is not industry work',
    ['（一）培育创新主体。', '东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
    '东川电缆有限公司',
    '产业链',
    null,
  ],
  [
    'a firm’s tier title under a heading of quality firms is no innovation title',
    ['（一）培育优质企业。', '东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
    '东川电缆有限公司',
    '创新链',
    null,
  ],
  [
    '我区 in a bureau’s letter is the district, not the issuer',
    ['我区新建人才公寓500套。'],
    '重庆市科学技术局',
    '人才链',
    null,
  ],
  [
    'the issuer co-handling the reply with others',
    ['我局会同市财政局、市人社局进行了认真研究，并赴企业调研。'],
    '重庆市科学技术局',
    '资金链',
    null,
  ],
  [
    'a body pushed to build is not what the issuer builds',
    ['我局将推动东川储能研究院建设电池检测公共服务平台。'],
    '重庆市科学技术局',
    '创新链',
    null,
  ],
  [
    'needs of talent folded into a plan are not talent work',
    ['我局将配合将重点企业人才需求纳入项目谋划。'],
    '重庆市科学技术局',
    '人才链',
    null,
  ],
  ['a school’s name (工业大学)', ['澜城工业大学牵头编写校史。'], '澜城工业大学', '产业链', null],
  ['bodies in a list attaching importance', ['省委、省政府十分重视园区建设发展工作。'], '省政府', '产业链', null],
  ['the one served (为…提供)', ['市科技局为东川人才信息库提供了技术创新人才500名。'], '东川人才信息库', '创新链', null],
  [
    'a list neighbour is not what a thing builds',
    ['“工业上楼”东川智谷、数字经济产业园等项目正在施工。'],
    '东川智谷',
    '产业链',
    null,
  ],
  ['a partner is not what a thing builds', ['东川大学正与澜城实验室联合开展课程建设。'], '东川大学', '创新链', null],
  ['the measure a thing is held to', ['构建与澜城“6+3”战略性新兴产业相适应的学科专业体系。'], '6+3', '人才链', null],
  ['a partner of the work', [FINANCE_HEADING, '鼓励金融机构加强和“东川基金港”等合作。'], '东川基金港', '产业链', null],
  ['a slogan’s hint of a chain', ['紧紧围绕“科技兴城”，推动重点工作落地。'], '科技兴城', '创新链', null],
  [
    'the issuer in a framing sentence',
    ['市科技局将紧紧围绕“科技强市”，推动创新链产业链资金链人才链“四链融合”，重点抓好以下工作。'],
    '重庆市科学技术局',
    '创新链',
    null,
  ],
  [
    'a slogan in a framing sentence',
    ['澜城市科学技术局将紧紧围绕“科技强市”，推动创新链产业链资金链人才链“四链融合”，重点抓好以下工作。'],
    '科技强市',
    '产业链',
    null,
  ],
  ['the four-chain goal itself', ['推动创新链产业链资金链人才链“四链融合”。'], '四链融合', '人才链', null],
  ['a co-handler', ['会同市财政局、市人社局等部门研究人才引进和资金扶持政策。'], '市人社局', '人才链', null],
  ['a co-handler', ['会同市财政局、市人社局等部门研究人才引进和资金扶持政策。'], '市财政局', '资金链', null],
  [
    'the issuer of a cited document',
    ['根据市科技局与市财政局联合印发的《澜城市科技专项资金管理办法》，加大支持力度。'],
    '市财政局',
    '资金链',
    null,
  ],
  [
    'a list neighbour’s keyword',
    ['涌现出“龙头企业牵头+自主运营”“科研平台+孵化运营”等特色模式。'],
    '龙头企业牵头+自主运营',
    '创新链',
    null,
  ],
  [
    '高校 as a research partner',
    ['引导龙头企业联合高校院所等组建创新联合体2个。'],
    '组建创新联合体2个',
    '人才链',
    null,
  ],
  ['工业 in 工业遗产', ['实施“澜城记忆”工程保护工业遗产建筑。'], '澜城记忆', '产业链', null],
  ['资金 as a building’s budget', ['落实东川科技馆建设资金2亿元。'], '东川科技馆', '资金链', null],
  ['an industry list another chain serves', ['加快科技创新赋能“4+3”产业发展。'], '4+3', '创新链', null],
  [
    'a thing that only sits under a chain heading',
    [
      '（一）以澜城科创走廊战略为牵引，推动创新链和产业链精准对接。',
      '一是推进走廊扩区。迭代“五个一”标准，完善评价办法。',
    ],
    '五个一',
    '产业链',
    null,
  ],
  ['a person giving instructions', ['按照李明市长关于科创平台的指示要求，引进研究院3家。'], '李明', '创新链', null],
  ['the proposer thanked', ['最后，感谢致公党澜城市委会对科技创新工作的支持。'], '致公党澜城市委会', '创新链', null],
  [
    'a frame of four chains is a slogan',
    ['围绕创新链产业链资金链人才链深度融合，深入实施科技企业“双提升”行动。'],
    '双提升',
    '资金链',
    null,
  ],
  [
    'the place a thing is built in is not its builder',
    ['在澜城高新区布局东川中试基地。'],
    '澜城高新区',
    '创新链',
    null,
  ],
  [
    'a model run with others is the writer’s work, not theirs',
    ['联合东川海关、市市场监管局推行“市场采购+跨境电商”融合监管模式。'],
    '东川海关',
    '产业链',
    null,
  ],
  [
    'four chains named in a closing clause join nothing',
    ['实施“澜城英才”计划，推动创新链产业链资金链人才链深度融合。'],
    '澜城英才',
    '资金链',
    null,
  ],
  [
    'the central bank’s branch, a co-handler',
    ['会同中国人民银行澜城市分行研究金融支持政策。'],
    '中国人民银行澜城市分行',
    '资金链',
    null,
  ],
  [
    'a size tier is not an innovation title',
    ['东川电缆有限公司入选国家级专精特新“小巨人”企业。'],
    '东川电缆有限公司',
    '创新链',
    null,
  ],
  [
    'the one a fund invests in',
    ['设立澜城科创投资基金，已投资东川光电科技有限公司等项目12个。'],
    '东川光电科技有限公司',
    '资金链',
    null,
  ],
  ['高新技术 is not 新技术', ['澜城高新技术产业开发区扩区。'], '澜城高新技术产业开发区', '创新链', null],
  [
    'a thing not of the means’ chain by its name takes nothing from a heading joining money with innovation',
    ['（三）促进资金链与创新链融合。', '东川大学召开校友大会。'],
    '东川大学',
    '创新链',
    null,
  ],
  ['a partner in a partnership of no technology', ['与东川大学签订战略合作协议。'], '东川大学', '创新链', null],
  [
    'four chains listed in a closing clause join nothing',
    ['实施“东川英才”计划，推动创新链、产业链、资金链、人才链深度融合。'],
    '东川英才',
    '资金链',
    null,
  ],
  [
    'a firm listed before 与 is no partner',
    ['组织东川电缆、澜城光电等企业与本地院校开展技术对接。'],
    '澜城光电',
    '创新链',
    null,
  ],
  ['a loan with no technology in it', ['2024年为农户新增贷款3亿元。'], '新增贷款3亿元', '创新链', null],
  ['a ticket (入场券) is no voucher', ['“澜城杯”创新创业大赛获得全国总决赛入场券。'], '澜城杯', '资金链', null],
];

MUST_NOT_TIE.push(
  ['产学研 in a longer name is no list of parties', ['建设澜城产学研合作基地。'], '澜城产学研合作基地', '产业链', null],
  [
    'a layout takes only what every thing entered into it carries',
    ['东川实验室和澜城制造业创新中心列入全省“双百”布局。'],
    '双百',
    '产业链',
    null,
  ],
  [
    'an aim that names a thing is the one served, not an aim of words',
    ['推动在澜高校等创新主体围绕“4+3”产业，实施以企业为主体的“揭榜挂帅”核心技术攻关。'],
    '揭榜挂帅',
    '产业链',
    null,
  ],
  [
    'a lab under a heading joining two chains does not join them',
    [JOINING_HEADING, '东川实验室开展前沿研究。'],
    '东川实验室',
    '产业链',
    null,
  ],
  [
    'a list of names before a quoted name is not what it sums up',
    ['澜城实验室、东川研究院“双一流”建设加快推进。'],
    '双一流',
    '创新链',
    null,
  ],
  [
    'an item’s title serving firms (a weak word) gives its first act nothing',
    ['一是服务民营企业。开展“千企走访”行动，扩大覆盖面。'],
    '千企走访',
    '产业链',
    null,
  ],
  [
    'a standard only named, not carried out, is a frame',
    ['按照“五个一”标准，累计建成孵化面积50万方。'],
    '五个一',
    '创新链',
    null,
  ],
);

describe('four-chain ties: what must tie, and by which rule', () => {
  it.each(MUST_TIE)('%s', (_pattern, lines, thing, chain, rule) => {
    const chains = chainsOf(graphOf(lines), thing);
    expect([...chains.keys()], `${thing} → ${chain}`).toContain(chain);
    expect(chains.get(chain)).toContain(rule);
  });
});

describe('four-chain ties: what must not tie', () => {
  it.each(MUST_NOT_TIE)('%s', (_pattern, lines, thing, chain) => {
    expect([...chainsOf(graphOf(lines), thing).keys()], `${thing} ↛ ${chain}`).not.toContain(chain);
  });
});
