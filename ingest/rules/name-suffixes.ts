import type { NodeKind } from '../../domain/model.ts';

export type EntityKind = Extract<
  NodeKind,
  'Person' | 'Organization' | 'Platform' | 'Enterprise' | 'Policy' | 'Programme'
>;

/**
 * Proper names end in a word that says what they are. One row a suffix,
 * longest first within a kind is not needed: the finder takes the longest
 * suffix that matches at a position. `minLength` is the shortest whole name
 * (suffix included) the rule accepts.
 *
 *   瓯江实验室 → Platform · 正泰集团 → Enterprise · 浙江大学 → Organization ·
 *   首台（套）提升工程 → Programme
 */
export interface SuffixRule {
  suffix: string;
  kind: EntityKind;
  minLength: number;
  /** Why the rule exists, with a real example. */
  example: string;
  /**
   * For suffixes that also end plain phrases (园区, 行动, 小组): a leading verb is not part of
   * the name (给予砚山承接产业加工园区 → 砚山承接产业加工园区), and a candidate holding two verbs
   * or a two-character adverb is a clause (省政府专门批示安排园区), not a name.
   */
  strict?: boolean;
}

export const SUFFIX_RULES: SuffixRule[] = [
  { suffix: '全国重点实验室', kind: 'Platform', minLength: 9, example: '大分子药物与规模化制备全国重点实验室' },
  { suffix: '国家重点实验室', kind: 'Platform', minLength: 9, example: '省部共建眼视光学和视觉科学国家重点实验室' },
  { suffix: '实验室', kind: 'Platform', minLength: 4, example: '瓯江实验室' },
  { suffix: '研究院', kind: 'Platform', minLength: 4, example: '香港理工大学温州研究院' },
  { suffix: '研究所', kind: 'Platform', minLength: 5, example: '温州研究所' },
  // A consortium named by its place and field (太原能源技术创新联合体); 省首批创新联合体 is a kind.
  { suffix: '创新联合体', kind: 'Platform', minLength: 8, example: '太原能源技术创新联合体', strict: true },
  { suffix: '联合院', kind: 'Platform', minLength: 5, example: '国家大院名校温州联合院' },
  { suffix: '创新中心', kind: 'Platform', minLength: 6, example: '激光智能装备技术创新中心' },
  { suffix: '中心', kind: 'Platform', minLength: 5, example: '国家知识产权保护中心' },
  { suffix: '平台', kind: 'Platform', minLength: 5, example: '中国基因药谷CDMO平台' },
  { suffix: '基地', kind: 'Platform', minLength: 5, example: '国家级科技企业孵化基地' },
  { suffix: '孵化器', kind: 'Platform', minLength: 5, example: '温州科技孵化器' },
  { suffix: '众创空间', kind: 'Platform', minLength: 6, example: '云谷众创空间' },
  // A studio named by its place or craft before the kind (技能大师工作室 alone, or counted, is a kind: generic-words).
  { suffix: '工作室', kind: 'Platform', minLength: 7, example: '昌南陶瓷技能大师工作室', strict: true },
  { suffix: '试验站', kind: 'Platform', minLength: 5, example: '岳西茶叶试验站', strict: true },
  { suffix: '实验站', kind: 'Platform', minLength: 5, example: '澜城湿地生态实验站', strict: true },
  { suffix: '创新综合体', kind: 'Platform', minLength: 7, example: '临安创新综合体 (a Zhejiang innovation complex)' },
  { suffix: '小镇', kind: 'Platform', minLength: 4, example: '云栖小镇 · 梦想小镇', strict: true },
  {
    suffix: '工作站',
    kind: 'Platform',
    minLength: 7,
    example: '天目药业院士工作站 (a bare 院士工作站 is a category)',
    strict: true,
  },
  { suffix: '分所', kind: 'Platform', minLength: 5, example: '中国科学院宁波材料所临安分所', strict: true },
  { suffix: '分院', kind: 'Platform', minLength: 5, example: '澜城大学智能制造分院', strict: true },
  { suffix: '加速器', kind: 'Platform', minLength: 5, example: '清江科技企业加速器' },
  { suffix: '产业园', kind: 'Platform', minLength: 5, example: '温州市知识产权综合服务产业园' },
  { suffix: '科技园', kind: 'Platform', minLength: 4, example: '温州大学国家大学科技园' },
  { suffix: '大市场', kind: 'Platform', minLength: 5, example: '温州科技大市场' },
  { suffix: '交易市场', kind: 'Platform', minLength: 6, example: '网上技术交易市场' },
  { suffix: '技术市场', kind: 'Platform', minLength: 6, example: '网上技术市场' },
  { suffix: '试验区', kind: 'Platform', minLength: 6, example: '浙江省数据知识产权生态试验区' },
  {
    suffix: '示范区',
    kind: 'Platform',
    minLength: 5,
    example: '国家自主创新示范区 · 苏南国家自主创新示范区',
    strict: true,
  },
  { suffix: '园区', kind: 'Platform', minLength: 5, example: '砚山承接产业加工园区', strict: true },
  { suffix: '开发区', kind: 'Platform', minLength: 5, example: '温州经济技术开发区', strict: true },
  { suffix: '经开区', kind: 'Platform', minLength: 4, example: '长沙经开区', strict: true },
  { suffix: '高新区', kind: 'Platform', minLength: 4, example: '温州高新区 · 东湖高新区', strict: true },
  { suffix: '科创带', kind: 'Platform', minLength: 5, example: '杭州湾科创带', strict: true },
  { suffix: '专板', kind: 'Platform', minLength: 4, example: '科创专板 (区域股权市场)', strict: true },
  { suffix: '信息库', kind: 'Platform', minLength: 5, example: '科技成果信息库', strict: true },
  { suffix: '孵化园', kind: 'Platform', minLength: 5, example: '桐溪科技孵化园', strict: true },
  { suffix: '科创园', kind: 'Platform', minLength: 4, example: '云泽科创园', strict: true },
  { suffix: '创新园', kind: 'Platform', minLength: 5, example: '澜城科技创新园', strict: true },
  {
    suffix: '飞地',
    kind: 'Platform',
    minLength: 4,
    example: '白沙科创飞地 (an outpost in another city)',
    strict: true,
  },
  { suffix: '科技馆', kind: 'Platform', minLength: 4, example: '澜城科技馆', strict: true },
  { suffix: '联合办公室', kind: 'Platform', minLength: 8, example: '温州市校（院）地科技成果转化联合办公室' },
  { suffix: '科学城', kind: 'Platform', minLength: 4, example: '光明科学城' },
  // A town of colleges and labs, or of start-ups, named by its place: 常州科教城 · 澄江科创城.
  { suffix: '科教城', kind: 'Platform', minLength: 4, example: '常州科教城', strict: true },
  { suffix: '科创城', kind: 'Platform', minLength: 4, example: '澄江科创城', strict: true },
  // Round 7: a town of vocational schools, a cluster zone, a bonded zone (written blind, h4–h6).
  { suffix: '职教城', kind: 'Platform', minLength: 4, example: '凉都职教城 (凉 is read as a verb: not strict)' },
  { suffix: '集聚区', kind: 'Platform', minLength: 6, example: '江东直播电商集聚区', strict: true },
  { suffix: '保税区', kind: 'Platform', minLength: 5, example: '红河综合保税区', strict: true },
  { suffix: '产业城', kind: 'Platform', minLength: 5, example: '赣州电子信息产业城', strict: true },
  // A new district a city builds: 长春新区 · 两江新区 (城市新区 is a kind; see NOT_A_NAME).
  { suffix: '新区', kind: 'Platform', minLength: 4, example: '长春新区 · 两江新区', strict: true },
  // A post, a workshop, a bank of resources, a zone of functions named by its own words (a place, a coined word) and
  // its trade: 八角湾人才驿站 · 澄海玩具设计工场 · 拉萨高原青稞种质资源库 · 大零号湾科技创新策源功能区 (县级人才驿站, a
  // level and the generic noun, is a kind: opensWithGrade).
  { suffix: '驿站', kind: 'Platform', minLength: 6, example: '八角湾人才驿站', strict: true },
  { suffix: '工场', kind: 'Platform', minLength: 6, example: '澄海玩具设计工场', strict: true },
  { suffix: '资源库', kind: 'Platform', minLength: 7, example: '拉萨高原青稞种质资源库', strict: true },
  { suffix: '功能区', kind: 'Platform', minLength: 7, example: '大零号湾科技创新策源功能区', strict: true },
  { suffix: '测试场', kind: 'Platform', minLength: 6, example: '龙城智能网联汽车测试场', strict: true },
  { suffix: '试验场', kind: 'Platform', minLength: 6, example: '澜城无人机试验场', strict: true },
  // A park named by its own words and its trade: 建盏文化创意园 · 澜城软件园 (园区 · 产业园 … have their rows).
  { suffix: '园', kind: 'Platform', minLength: 5, example: '建盏文化创意园', strict: true },
  { suffix: '科技城', kind: 'Platform', minLength: 4, example: '未来科技城' },
  { suffix: '走廊', kind: 'Platform', minLength: 5, example: '杭州城西科创大走廊' },
  { suffix: '谷', kind: 'Platform', minLength: 3, example: '中国眼谷 · 中国（温州）新光谷 · 国际云软件谷' },
  { suffix: '港', kind: 'Platform', minLength: 3, example: '数安港' },
  { suffix: '院', kind: 'Platform', minLength: 3, example: '华中院 (a short name: place + 院)' },
  { suffix: '集团', kind: 'Enterprise', minLength: 4, example: '正泰集团' },
  // A vocational-education group is a consortium of schools and firms, not a company.
  { suffix: '教育集团', kind: 'Organization', minLength: 6, example: '沂州市智能制造职业教育集团' },
  { suffix: '职教集团', kind: 'Organization', minLength: 6, example: '澜城电子信息职教集团' },
  { suffix: '有限公司', kind: 'Enterprise', minLength: 6, example: '浙江正泰电器股份有限公司' },
  { suffix: '公司', kind: 'Enterprise', minLength: 4, example: '市融担公司' },
  { suffix: '银行', kind: 'Enterprise', minLength: 4, example: '温州银行' },
  {
    suffix: '股份',
    kind: 'Enterprise',
    minLength: 4,
    example: '星河股份 (a listed company, short name)',
    strict: true,
  },
  { suffix: '药业', kind: 'Enterprise', minLength: 4, example: '康宁药业', strict: true },
  { suffix: '制药', kind: 'Enterprise', minLength: 4, example: '华东制药', strict: true },
  { suffix: '电气', kind: 'Enterprise', minLength: 4, example: '天衡电气', strict: true },
  { suffix: '电子', kind: 'Enterprise', minLength: 4, example: '华岳电子', strict: true },
  { suffix: '机电', kind: 'Enterprise', minLength: 4, example: '北渡机电', strict: true },
  { suffix: '泵业', kind: 'Enterprise', minLength: 4, example: '东岭泵业', strict: true },
  { suffix: '实业', kind: 'Enterprise', minLength: 4, example: '远航实业', strict: true },
  { suffix: '控股', kind: 'Enterprise', minLength: 4, example: '南河控股', strict: true },
  { suffix: '新材', kind: 'Enterprise', minLength: 4, example: '恒远新材', strict: true },
  {
    suffix: '机械',
    kind: 'Enterprise',
    minLength: 4,
    example: '龙丰机械 (农业机械, made of generic words, is an industry)',
    strict: true,
  },
  { suffix: '大学', kind: 'Organization', minLength: 4, example: '同济大学 · 浙江大学' },
  { suffix: '科学院', kind: 'Organization', minLength: 5, example: '中国科学院 · 浙江省农业科学院' },
  { suffix: '工程院', kind: 'Organization', minLength: 5, example: '中国工程院' },
  { suffix: '学院', kind: 'Organization', minLength: 4, example: '温州医科大学仁济学院' },
  // A school is named by its place (六盘水市第一中等职业学校); 职业学校 · 中小学校 alone are kinds (suffix-names.ts NAMED_BY_PLACE).
  { suffix: '学校', kind: 'Organization', minLength: 6, example: '六盘水市第一中等职业学校' },
  { suffix: '委员会', kind: 'Organization', minLength: 6, example: '温州职业教育教学指导委员会' },
  { suffix: '人大常委会', kind: 'Organization', minLength: 6, example: '瑞安市人大常委会' },
  { suffix: '科学技术局', kind: 'Organization', minLength: 7, example: '温州市科学技术局' },
  { suffix: '局', kind: 'Organization', minLength: 3, example: '市财政局 · 市科技局' },
  { suffix: '委', kind: 'Organization', minLength: 4, example: '市发展改革委 · 市经信委' },
  { suffix: '部', kind: 'Organization', minLength: 3, example: '科技部' },
  { suffix: '厅', kind: 'Organization', minLength: 3, example: '省科技厅' },
  { suffix: '协会', kind: 'Organization', minLength: 4, example: '温州市科技服务业协会' },
  { suffix: '商会', kind: 'Organization', minLength: 4, example: '温州市总商会' },
  {
    suffix: '联盟',
    kind: 'Organization',
    minLength: 6,
    example: '柳溪区科技创新服务联盟 · 澜城激光产业技术创新联盟',
    strict: true,
  },
  { suffix: '科协', kind: 'Organization', minLength: 3, example: '县科协 · 市科协', strict: true },
  { suffix: '人才办', kind: 'Organization', minLength: 4, example: '市委人才办', strict: true },
  {
    suffix: '小组',
    kind: 'Organization',
    minLength: 5,
    example: '市高企认定工作小组 · 县人才住房销售管理工作协调小组',
    strict: true,
  },
  {
    suffix: '办公室',
    kind: 'Organization',
    minLength: 6,
    example: '科技决策咨询委员管理办公室 · 县政府办公室',
    strict: true,
  },
  {
    suffix: '处',
    kind: 'Organization',
    minLength: 5,
    example: '市司法局立法处 (a division, named after its department)',
    strict: true,
  },
  // Governments below the city and above it, named in full (the bare 市政府 · 县委 are list-names.ts's).
  { suffix: '人民政府', kind: 'Organization', minLength: 5, example: '市人民政府 · 平水镇人民政府', strict: true },
  // Offices of a government or party committee, often in cc lists and the body alike.
  { suffix: '督查室', kind: 'Organization', minLength: 5, example: '市政府督查室', strict: true },
  // A task force named by its place and task: 五华区数字经济发展工作专班 (a bare 工作专班 is a category).
  { suffix: '专班', kind: 'Organization', minLength: 6, example: '五华区数字经济发展工作专班', strict: true },
  { suffix: '研究室', kind: 'Organization', minLength: 6, example: '市委政策研究室', strict: true },
  { suffix: '政研室', kind: 'Organization', minLength: 4, example: '市委政研室', strict: true },
  { suffix: '府办', kind: 'Organization', minLength: 3, example: '市府办', strict: true },
  { suffix: '政府办', kind: 'Organization', minLength: 4, example: '县政府办', strict: true },
  { suffix: '镇政府', kind: 'Organization', minLength: 4, example: '平水镇政府', strict: true },
  // A district's, county's or city's government named with its place (the bare 区政府 is list-names.ts's).
  { suffix: '区政府', kind: 'Organization', minLength: 4, example: '沙坪坝区政府 · 北碚区政府', strict: true },
  { suffix: '县政府', kind: 'Organization', minLength: 4, example: '砚山县政府', strict: true },
  // An office of a party committee or a government named by its task: 市委金融办 · 市政府外事办 · 市台办.
  { suffix: '办', kind: 'Organization', minLength: 4, example: '市委金融办 · 市委人才办', strict: true },
  { suffix: '乡政府', kind: 'Organization', minLength: 4, example: '王坛乡政府', strict: true },
  { suffix: '街道办事处', kind: 'Organization', minLength: 6, example: '柯岩街道办事处', strict: true },
  { suffix: '管委会', kind: 'Organization', minLength: 5, example: '澜城高新区管委会', strict: true },
  // A zone's management centre is its administering body (义乌综合保税区管理中心), as a 管委会 is; the supply and
  // marketing co-operative of a place is a body of its government (区供销合作社 · 县供销社).
  { suffix: '管理中心', kind: 'Organization', minLength: 7, example: '义乌综合保税区管理中心', strict: true },
  { suffix: '供销合作社', kind: 'Organization', minLength: 6, example: '区供销合作社' },
  { suffix: '供销社', kind: 'Organization', minLength: 4, example: '县供销社' },
  // A party's or a democratic party's committee written short: 致公党市委会 · 九三学社澜城市委会 (not 贵委会).
  { suffix: '委会', kind: 'Organization', minLength: 5, example: '致公党市委会', strict: true },
  { suffix: '团市委', kind: 'Organization', minLength: 3, example: '团市委 (the Youth League committee)' },
  { suffix: '团县委', kind: 'Organization', minLength: 3, example: '团县委' },
  { suffix: '团省委', kind: 'Organization', minLength: 3, example: '团省委' },
  { suffix: '总工会', kind: 'Organization', minLength: 4, example: '市总工会', strict: true },
  { suffix: '妇联', kind: 'Organization', minLength: 3, example: '市妇联', strict: true },
  { suffix: '工商联', kind: 'Organization', minLength: 4, example: '市工商联', strict: true },
  { suffix: '侨联', kind: 'Organization', minLength: 3, example: '市侨联', strict: true },
  { suffix: '残联', kind: 'Organization', minLength: 3, example: '县残联', strict: true },
  { suffix: '社科联', kind: 'Organization', minLength: 4, example: '市社科联', strict: true },
  { suffix: '人民法院', kind: 'Organization', minLength: 6, example: '市中级人民法院', strict: true },
  { suffix: '人民医院', kind: 'Organization', minLength: 6, example: '宜昌市中心人民医院 · 宜昌市第一人民医院' },
  { suffix: '医院', kind: 'Organization', minLength: 5, example: '澜城市中医医院', strict: true },
  { suffix: '检察院', kind: 'Organization', minLength: 4, example: '市检察院 · 市人民检察院', strict: true },
  { suffix: '海关', kind: 'Organization', minLength: 4, example: '澜城海关', strict: true },
  // A police or enforcement unit (区公安分局交警大队), not a scheme's team (科技轻骑队).
  { suffix: '大队', kind: 'Organization', minLength: 5, example: '区公安分局交警大队 · 市城管执法大队', strict: true },
  { suffix: '支队', kind: 'Organization', minLength: 5, example: '市公安局交警支队', strict: true },
  { suffix: '中队', kind: 'Organization', minLength: 5, example: '滨江城管执法中队', strict: true },
  // 中国人民银行…中心支行 is the central bank's office in a city; 分行 and 支行 are a bank's branches.
  { suffix: '中心支行', kind: 'Organization', minLength: 8, example: '中国人民银行澜城市中心支行' },
  { suffix: '分行', kind: 'Enterprise', minLength: 6, example: '中国银行澜城分行', strict: true },
  { suffix: '支行', kind: 'Enterprise', minLength: 6, example: '农商银行平水支行', strict: true },
  { suffix: '提升工程', kind: 'Programme', minLength: 6, example: '首台（套）提升工程' },
  { suffix: '培育工程', kind: 'Programme', minLength: 6, example: '高价值专利培育工程' },
  // 培育 and 提升 open names as verbs (LEFT_STOPS), but end a scheme's name before its head word.
  { suffix: '培育计划', kind: 'Programme', minLength: 6, example: '技术经纪人培育计划' },
  { suffix: '提升计划', kind: 'Programme', minLength: 6, example: '企业研发能力提升计划' },
  { suffix: '培育行动', kind: 'Programme', minLength: 6, example: '科技型企业梯次培育行动', strict: true },
  { suffix: '提升行动', kind: 'Programme', minLength: 6, example: '创新能力提升行动', strict: true },
  { suffix: '工程', kind: 'Programme', minLength: 5, example: '知识产权兴企工程' },
  { suffix: '计划', kind: 'Programme', minLength: 5, example: '高新技术企业培育新火炬计划 · 新火炬计划' },
  { suffix: '队', kind: 'Programme', minLength: 4, example: '科技轻骑队' },
  { suffix: '专项', kind: 'Programme', minLength: 8, example: '山区海岛地区科技赋能产业专项' },
  { suffix: '峰会', kind: 'Programme', minLength: 5, example: '激光智能装备产业峰会' },
  // Named events: 中国创新创业大赛 · 澜城科技金融论坛 (a bare 创新创业大赛 is made of generic words and stays a category).
  { suffix: '大赛', kind: 'Programme', minLength: 6, example: '中国创新创业大赛', strict: true },
  { suffix: '论坛', kind: 'Programme', minLength: 6, example: '澜城科技金融论坛', strict: true },
  { suffix: '博览会', kind: 'Programme', minLength: 6, example: '中国（澜城）科技成果博览会', strict: true },
  { suffix: '交易会', kind: 'Programme', minLength: 6, example: '澜城科技成果交易会', strict: true },
  { suffix: '院校行活动', kind: 'Programme', minLength: 8, example: '大孵化器集群院校行活动' },
  // A joint event: two meetings held as one (see NOT_A_NAME: only with 暨 or 大会).
  { suffix: '会议', kind: 'Programme', minLength: 8, example: '全市教育科技创新大会暨人才工作会议', strict: true },
  // A fund named by whose it is and what for: 中央引导地方科技发展资金 (a bare 专项引导资金 is made of generic words).
  { suffix: '资金', kind: 'Programme', minLength: 8, example: '中央引导地方科技发展资金', strict: true },
  { suffix: '集成改革', kind: 'Programme', minLength: 8, example: '知识产权全链条保护集成改革' },
  { suffix: '链长制', kind: 'Programme', minLength: 5, example: '产业链链长制' },
  { suffix: '投资基金', kind: 'Programme', minLength: 8, example: '温州市科技创新创业投资基金' },
  {
    suffix: '专项资金',
    kind: 'Programme',
    minLength: 6,
    example: '石家庄市科技成果转化风险补偿专项资金',
    strict: true,
  },
  {
    suffix: '行动',
    kind: 'Programme',
    minLength: 6,
    example: '科技企业“双倍增”行动 · 科技赋能乡村振兴行动',
    strict: true,
  },
  { suffix: '引导基金', kind: 'Programme', minLength: 8, example: '深圳市天使投资引导基金' },
  // A voucher scheme named with its place (兰州市科技创新券); 创新券 alone, or 科技创新券, is a kind (generic words).
  { suffix: '创新券', kind: 'Programme', minLength: 7, example: '兰州市科技创新券', strict: true },
  {
    suffix: '资金池',
    kind: 'Programme',
    minLength: 8,
    example: '泉州市科技型中小企业信贷风险补偿资金池',
    strict: true,
  },
  // Any fund named after its place or purpose is a programme (funds are Programmes in the gold): 鹏城市自然科学基金.
  {
    suffix: '基金',
    kind: 'Programme',
    minLength: 6,
    example: '鹏城市自然科学基金 (a bare 联合基金 or 产业基金 is a category)',
    strict: true,
  },
  { suffix: '特派员', kind: 'Programme', minLength: 5, example: '科技特派员', strict: true },
  { suffix: '特派团', kind: 'Programme', minLength: 5, example: '科技特派团', strict: true },
  // A corps of appointed advisers is a scheme, as 科技特派员 is: 聘用了科技决策咨询委员 · 选派企业科技指导员.
  { suffix: '咨询委员', kind: 'Programme', minLength: 6, example: '科技决策咨询委员', strict: true },
  { suffix: '指导员', kind: 'Programme', minLength: 5, example: '农村科技指导员', strict: true },
  { suffix: '联络员', kind: 'Programme', minLength: 5, example: '企业科技联络员', strict: true },
  { suffix: '专员', kind: 'Programme', minLength: 4, example: '科技专员 · 企业服务专员', strict: true },
];

/**
 * After a quoted name, a word that says the quote names a platform:
 * “浙江知识产权在线”平台 · “科企通”平台 · “大孵化集群e站通”孵化应用场景.
 */
export const PLATFORM_CONTEXT_AFTER =
  /^(?:平台|孵化应用场景|应用场景|小程序|系统|人才公寓|公寓|园区|产业园|基地|示范区|小镇)/;

/**
 * After a quoted name, a word that says the quote names a programme:
 * “揭榜挂帅”技术攻关 · “双倍增”行动 · “七个一”标准 · 采取“拨改投”方式 · “温州拍”“好成果”对接会 · “商丘学者”评选 ·
 * “专利权质押贷款”等相关政策.
 */
export const PROGRAMME_CONTEXT_AFTER =
  /^(?:评选|评审|遴选|申报|认定|等(?:相关)?政策)|^(?:专项)?(?:(?:创新创业|创业创新|科技|技能)?(?:大赛|竞赛|比赛|论坛|博览会|交易会|路演)|行动|工程|计划|机制|联动机制|工作机制|模式|方式|融资模式|创新模式|改革|活动|工作|制度|体系|品牌|对接会|技术攻关|核心技术攻关|等科技攻关|攻关|标准|布局|创新格局|格局|一体化|攻坚|系列|队伍|入企|唤醒计划|协同创新|创新联合体|产业|重点产业|三年行动|开展|已累计|企业数|企业(?!孵化|加速|研究院|技术中心|众创)|等投贷|十联动|四位一体|的技术服务|专项行动|服务模式|数据库|的数字化|专区|贷|等活动|等特色|试点)/;

/**
 * Before a quoted name, a verb that puts a programme to work:
 * 深化科技企业“双倍增” · 围绕“十个一”工作机制 · 推广“龙头企业+新型研发机构”.
 */
export const PROGRAMME_CONTEXT_BEFORE =
  /(?:实施|推行|深化|开展|推广|围绕|紧紧围绕|按照|用好|落实|贯彻落实|迭代|拓展升级|升级|派驻|兼任|选派|牵头组建|组建|探索|强化|完善|创新|建立|打造|鼓励探索|提质|推出|启动|深入实施|深入开展|继续完善|推动|形成|列入全省|列入|涌现出|持续推进|积极打造|不断优化|优化|任|首批|第二批|第三批)$/;

/**
 * A quote is slogan-shaped when it counts or adds things: “5+5+N” · “双十” ·
 * “十个一” · “两清零一提升” · “一区一廊一会一室一集群” · “四链”. A quote opening with 一 counts only when
 * it counts again or runs to four characters (“一核五区” · “一县一业” · “一网通办”): “一盘棋” is a figure of speech.
 * “以认促建” · “以赛促创” · “以奖代补”: one thing done to further another names a scheme.
 */
export const SLOGAN =
  /\+|＋|^[双两三四五六七八九十百千万][^、，]{0,14}$|^一(?=[^、，]*[一二三四五六七八九十两双百千万])[^、，]{1,14}$|^一[^、，]{3,14}$|[一二三四五六七八九十][个件大项张]|[0-9]|^先.{1,2}后.{1,2}$|^以.{1,2}[促带代引].{1,2}$/;

/**
 * After a quote, a word that says it states a goal or a principle, not a name:
 * 立足“加快建设先进制造业基地”总目标 · 坚持“创新引领”理念.
 */
export const GOAL_AFTER = /^(?:的)?(?:总目标|目标|定位|理念|要求|思路|原则|精神|方针|宗旨|口号|愿景)/;
