/**
 * The grammar the chain stage reads a thing's role by: what stands just
 * before it, how its clause goes on, and which sentences frame rather than
 * act. Genre patterns of reply letters, each with a real example; no names
 * of things.
 */

/**
 * A verb right before a thing (or before the list it heads) that makes it the
 * frame, the one served, the basis or the partner of the work — never its agent:
 *   科技创新赋能“5+5+N”产业发展 · 围绕“5+5”产业布局… · 指导职业院校对准我市“5+5+N”产业 ·
 *   根据《温州市民营企业科技创新促进条例》，逐条谋划… · 会同市财政局、市人社局等部门研究 ·
 *   关于“改革创新平台人才引进和激励机制”建议 · 知识产权“国考”“省考”实现“双优秀” (an outcome) ·
 *   “三位一体”工作入选省创新深化试点 (what it was chosen for) · 市科技局为岳阳人才信息库提供了… (the one served) ·
 *   科创基金…已投资四川星瀚光电科技有限公司、…等项目23个 (the one invested in).
 * A few words of place or rank may stand between (对准我市…, 围绕重点…).
 */
export const CONTEXT_BEFORE =
  /(?:紧紧围绕|围绕|聚焦|面向|对准|对标|瞄准|针对|赋能|服务于|服务|支撑|助力|根据|按照|依据|依照|遵照|结合|参照|参考|借鉴|会同|协同|配合|邀请|关于|对接|贯彻|学习|实现|入选|列入|纳入|(?<!作)为|已投资|投资了|投向)(?:我市|全市|全省|本市|全国|省|市|县|重点|各类|相关)?$/;

/** Of those, the verbs that make the thing the frame of the work, a slogan or a guideline: 紧紧围绕“强城行动 科技先行”. */
export const FRAMING_BEFORE = /(?:围绕|聚焦|面向|对准|瞄准|按照|根据|依据|依照|遵照|结合|贯彻)[^，。；]{0,4}$/;

/**
 * A clause that goes on with the thing as its means: 以温州市校（院）地科技成果转化联合办公室为依托，重塑… ·
 * 依托大孵化集群院校行等活动招引… · 通过“科创指数”… · 充分发挥温州职业教育教学指导委员会作用，指导… ·
 * 用好省激光智能装备技术创新中心，集聚… · 推广科技副总、科技轻骑队，凝练产业共性需求.
 * A thing that is only the object of a clause (打造温州知识产权交易服务中心…，强化产教融合平台搭建) does not
 * carry the next clause: that is the next thing done, not its work.
 */
export const INSTRUMENT_BEFORE =
  /(?:以|依托|通过|借助|发挥|用好|利用|运用|充分发挥|充分利用|推广|推行|深入实施|实施|开展|落实)$/;

/**
 * A clause that has no subject of its own opens with a verb: it goes on with the
 * one before (推广科技副总、科技轻骑队，凝练产业共性需求和企业真实需求 · 用好…中心，集聚…龙头企业…，
 * 推动…助力产业发展 · 深入开展“双清零一提升”行动，2024年新增市级以上企业研发机构350家: a time may open it).
 * A measure of a document carried out (落实《行动方案》，对新认定的国家高新技术企业给予一次性奖励20万元 · 2023年兑现…扶持资金) goes on too.
 * A clause opening with a subject (我市… · 全市… · 市科技局…) does not.
 */
export const VERB_OPENING =
  /^(?:(?:20\d\d年(?:底|内|前)?|今年|全年|每年|年内)，?)?(?:进一步|持续|不断|加快|大力|积极|充分|全面|重点|着力|逐步|切实|深入|努力|共同|累计|已|已经|共|先后|并|力争)?(?:对(?=[^，。；]{0,30}给予)|兑现|兑付|发放|组织|选派|派驻|选聘|新增|推动|推进|促进|凝练|做好|做强|重塑|助力|支持|服务|带动|实现|引导|采取|开展|强化|提升|打造|形成|集聚|聚集|吸引|培育|构建|建立|完善|深化|拓宽|提供|赋能|支撑|面向|满足|解决|突破|攻克|为|用于|让|使|确保|搭建|设立|组建|投向|投资|落实|承接|链接|对接|孵化|招引|引进|引育|培养|输送|汇聚|撬动|带领|联合|牵头|参与|承担|厚植|加大|建成)/;

/**
 * Where a thing stands as the subject of its clause: at the clause's start, after at
 * most a word that hands it the work (由市科技局牵头… · 推动市融担公司持续构建科技担保生态体系 ·
 * 鼓励金融机构…) or a word of place (全市新型研发机构累计…).
 */
export const SUBJECT_LEAD =
  /^(?:由|请|推动|引导|鼓励|支持|指导|督促|要求|组织|依托|以|通过|我市|全市|本市|市|省|各地|各县（市、区）)?$/;

/**
 * Government bodies, the issuer included, tie to a chain only by a chain action of
 * their own (design.md): their names end in a unit of government or a party or
 * assembly body. 温州市科学技术局 · 市财政局 · 市发展改革委 · 市府办 · 市人民政府 · 科技部 ·
 * 市政协提案委 · 市人大常委会代表工委 · 义乌综合保税区管理中心 (a zone's administration). Not 温州职业教育教学指导委员会 (a committee of schools).
 */
export const GOVERNMENT_BODY =
  /(?:局|厅|部|委|府办|政府办|办公室|办公厅|人民政府|政府|人大|政协|常委会|管委会|管理中心|工委|党委|党组|市委|县委|区委|省委)$/;

/**
 * The party committee and the government of one place, opening a clause as its one subject: 市委、市政府将输变电装备列入… ·
 * 州委、州政府将人参产业列为重点培育的特色产业 · 县委、县政府坚持人才引领发展. (在市委、市政府的领导下 does not open it.)
 */
export const LEADERSHIP_PAIR = /^\s*([省市县区州旗盟])委[、和]\1(?:人民)?政府/;

/** The one who speaks or is followed, not one who acts: 深入贯彻落实习近平总书记关于科技创新的系列重要指示精神 · 省委、省政府十分重视园区建设发展工作. */
export const DIRECTIVE_CLAUSE = /贯彻|精神|指示|讲话|批示|部署要求|重视/;

/**
 * The goal itself, not a thing that works on it: “四链融合” · “四链” · 两链融合 · 产业链创新链融合.
 * (A thing named after a chain's matter, 产业链链长制, is not a goal.)
 */
export const CHAIN_GOAL =
  /^(?:[一二两三四]链(?:融合|协同|联动|贯通)?|(?:创新|产业|资金|人才)链(?:[和与、]?(?:创新|产业|资金|人才)链)+(?:融合|协同|联动|贯通)?)$/;

/**
 * Sentences that speak of the proposal or thank its proposer, not of work:
 * 贵市委会…所提的《…提案》收悉 · 您对我市“四链融合”情况的剖析和建议非常到位 · 最后，感谢致公党市委会对科技创新工作的支持.
 */
export const PROPOSAL_TALK =
  /收悉|答复如下|现答复|(?:您|贵[^，。]{0,4})(?:提出|所提|对我市|的建议|的提案)|建议(?:非常|很|十分)|(?:^|[，。])(?:最后，)?(?:衷心)?感谢|谢谢|欢迎您/;

/**
 * A heading's lever: the means it names for its chain work — （二）以大孵化集群战略为牵引，…推动创新链和产业链精准对接 ·
 * 依托…平台，… · 通过…，…
 */
export const HEADING_LEVER = [
  /以(?<lever>[^，。；]{2,40}?)为(?:牵引|核心|抓手|依托|引领|重点|突破口|载体|支撑|主线|龙头|引擎|纽带|平台|切入点)/g,
  /(?:依托|通过|借助|发挥)(?<lever>[^，。；]{2,30}?)(?=，|作用|的作用)/g,
];

/** Quotes and book-title marks that close a thing's name: “5+5+N”产业 reads its head after the quote. */
export const CLOSING_MARK = /^[”"」』》〉]+/;
/** A run of further quoted names sharing one head: “温州拍”“好成果”对接会 · “一区一廊一会一室一集群”和“一港五谷”创新格局. */
export const QUOTED_RUN = /^(?:(?:、|和|与|及|以及)?[“"「『][^”"」』]{1,30}[”"」』])+/;

/**
 * Where the last item of a 、 list ends when no 等 closes it: at the first verb after it —
 * 推动在温高校、职业学校|围绕“5+5+N”产业需求建立… · 支持高校、职业学校、产业园区、行业企业等|深化….
 */
export const VERB_AFTER_LIST =
  /紧紧围绕|围绕|聚焦|面向|对准|瞄准|赋能|服务|支撑|助力|推动|推进|促进|开展|建立|深化|加强|实施|参与|承担|建设|打造|组建|举办|联合|牵头|合作|提供|落实|构建|完善|培育|引进|入选|获得|通过|成为|发挥|作为|协同/;

/**
 * A clause that frames the clauses after it in its sentence by a chain: 围绕创新链产业链布局，深入实施科技企业“双倍增”“双迈进”行动，
 * 制定高新技术企业培育新火炬计划 (both programmes are deployed around the two chains). Three or more chains
 * are a slogan and frame nothing.
 */
export const FRAME_OPENING = /^(?:紧紧围绕|围绕|聚焦|面向|瞄准|紧扣|立足|按照|为了|为)/;

/**
 * A next clause that says how, or to what end, the thing before it works — it carries the thing's work on even
 * when the thing is the object of its own clause: 鼓励探索“投拨结合”联动机制，采取创业投资与科技专项组合支持的方式 ·
 * 深化“空间+运营+基金”模式，推动科创基金联合大孵化器构建… · 已选派“科技副总”企业数超360家，累计开展技术攻关171项 ·
 * 制定《…工程实施方案》，提出要加快推进重大科技创新平台建设 (what the document says).
 * A new action on something else (打造…中心，强化产教融合平台搭建) is not among them.
 */
export const CONTINUING_OPENING =
  /^(?:进一步|持续|不断|加快|大力|积极|充分|累计|已|共)?(?:采取|通过|借助|实现|推动|促进|助力|带动|支撑|赋能|服务|为|凝练|集聚|形成|让|使|开展|提供|用于|提出|明确|加大|厚植)/;

/** A heading's words for one chain's matter doing work for another's: 加强金融赋能科技企业发展. */
export const SERVING_VERB = /赋能|服务于|服务|支持|助力|支撑/;
/** Between two chains a heading names, one doing work for the other: 推动资金链服务创新链 · 畅通资金链，服务创新链 · 以创新链带动产业链. */
export const CHAIN_SERVING = /^[，,]?(?:服务于|服务|赋能|支撑|助力|带动|支持)$/;

/**
 * A title a thing earns, by which it is counted among innovative firms: 田园优品、竹韵生态等企业入选市级科技型企业 ·
 * …等企业被认定为高新技术企业. Only titles that name technology (科技型企业, 高新技术企业), not a size tier (小巨人).
 */
export const TITLE_EARNED = /^[^，。；]{0,8}?(?:入选|被认定为|认定为|获评|被评为|评为)/;
export const TECHNOLOGY_TITLE = /科技|高新|创新/;

/** The head of a document's name, by which an item's title names it short: 《温州市民营企业科技创新促进条例》 → 条例. */
export const DOCUMENT_HEAD = /(?:条例|办法|规定|细则|意见|方案|规划|纲要|决定)$/;

/**
 * The kind a quoted name is one of, right after it in its clause: “建引育”一体化模式 → 模式 · “温州拍”对接会 → 对接会.
 * When the clause before names that kind by a chain word (…等特色孵化模式), the thing is one more of that kind.
 */
export const KIND_AFTER_QUOTE =
  /^[”"」』》]+[\u4e00-\u9fa5]{0,4}?(模式|机制|平台|品牌|体系|行动|工程|计划|载体|基地|中心|服务)/;

/** A name that goes on to build another: 推动西江新能源汽车零部件研究院建设动力电池检测公共服务平台 (with a name after it). */
export const BUILDS_NEXT = /^[”"」』》]*(?:牵头|联合|负责)?(?:建设|共建|组建|建成|打造)/;

/** A name followed by its building: 支持国际云软件谷核心区内大孵化集群建设 · 推进澜城科创走廊建设. */
export const BUILT_AFTER = /^[”"」』》]*(?:建设|的建设|扩容|提质|扩区)/;

/**
 * The aim a first clause ends on, after those who act: …等创新主体围绕产业转型升级和技术进步 · 面向产业需求. It ends
 * the clause (the rest of the clause is the aim) and stands after its actors, not at the clause's start.
 */
export const FRAME_AIM = /(?<=[\u4e00-\u9fa5])(?:紧紧围绕|围绕|聚焦|面向|瞄准|紧扣)(?=[^，。；]*$)/;

/** Following a standard: 按照“七个一”标准… · 依照…要求… */
export const FOLLOWED_BEFORE = /(?:按照|依照|参照|对照)$/;
/** The standard then carried out, the rest of the clause: “七个一”标准深入实施 · “五统一”要求全面推进. */
export const STANDARD_APPLIED =
  /^[”"」』》]*(?:标准|模式|要求|规范)(?:深入|全面|持续|扎实|加快|有序)?(?:实施|推进|建设|开展|落实|推广)$/;

/** Two chains named as one pair: 创新链和产业链 · 产业链、人才链 · 产业链与资金链 · 创新链产业链. */
export const CHAINS_SIDE_BY_SIDE = /^(?:和|与|、|及|同)?$/;
/** What a heading does with a pair of chains when it joins them: 精准对接 · 有机联动 · 融合发展 · 协同创新 · 深度融合. */
export const JOINING_AFTER = /^[\u4e00-\u9fa5]{0,2}(?:对接|融合|联动|贯通|协同|衔接)/;

/**
 * A thing others are entered into (瓯江实验室和激光智能装备技术创新中心列入全省“双十”布局): a layout, a list, a
 * programme whose nature is that of its members, as their own names say.
 */
export const ENTERED_INTO = /(?:列入|纳入|入选)(?:我市|全市|全省|本市|全国|省|市|国家)?$/;

/**
 * A list right before a quoted name that the name sums up: 教育、科技、人才“三位一体”工作 — the items, one word
 * each, are what the thing joins. (A list of names, or of longer phrases, is something else.)
 */
export const SUMMED_LIST = /(?:^|[^\u4e00-\u9fa5])((?:[\u4e00-\u9fa5]{1,4}、)+[\u4e00-\u9fa5]{1,4})[“"「『]$/;

/**
 * A thing named as the partner of the work (鼓励金融机构加强和大罗山“基金村”、政府产业基金等合作), or the measure it is held
 * to (构建与深圳“20+8”战略性新兴产业…相适应的学科专业体系): the agent's chain work is not its own.
 */
export const PARTNER_BEFORE = /(?:和|与|同)[\u4e00-\u9fa5]{0,4}$/;
export const PARTNERSHIP = /合作|联动|协作|对接|适应|匹配|衔接/;
/**
 * A partnership whose matter is research or technology: 企业与河南大学、北京中医药大学签订技术合作协议 · 与南京航空航天大学…开展技术对接 ·
 * 与云南大学、红河学院共建产学研合作基地. Its partners do that work with the others (not 战略合作, 人才培养合作).
 */
/**
 * Before a partner named in a list of its own, after the list of those it works with (组织翼展航空、云翔无人机等企业|与|南京航空航天大学、|
 * 中国科学技术大学开展技术对接): 与, then the partners before it in its list.
 */
export const PARTNER_IN_LIST = /(?:和|与|同)(?:[^，。；、和与同]{2,30}、){0,5}$/;
export const TECHNOLOGY_PARTNERSHIP = /(?:技术|科技|产学研|研发|科研)(?:合作|对接|协作)/;

/**
 * What stands between a thing and what it builds with others or launches with them, the names in it written N:
 * 联合西南大学、重庆文理学院|共建|永川数字农业研究院 · 与义乌工商职业技术学院|共建| · 会同中国人民银行宝鸡市分行|推广|“秦创贷” ·
 * 、湖南银行衡阳分行|推广| · 、中国工商银行桂林分行|合作推出| · 联合厦门大学|在N布局| · 、昆明理工大学|及上下游企业组建|.
 * Not 推行 or 推进 (联合义乌海关、市市场监管局推行…监管模式 · 会同…管理中心推进义乌国际陆港建设: the writer's work, with others).
 */
export const BUILD_GAP =
  /^(?:[、和与及同]N|以及N|联合N|与企业|与高校|及上下游企业|等企业|等)*(?:在N)?(?:已|将|正在|已经)?(?:共同|联合|合作|一起|牵头|出资)?(?:规划)?(?:共建|建设|组建|设立|建成|打造|推出|推广|成立|开发|创建|布局)的?$/;

/** Before a thing, what makes it the place or the one served, not a builder: 在宝鸡高新区布局… · 为入驻团队提供…. */
export const NOT_BUILDER_LEAD = /(?:在|于|向|为|对|给|帮助|到)$/;

/** The co-handling word a builder may stand after: 会同中国人民银行宝鸡市分行推广“秦创贷”. */
export const CO_HANDLING = /(?:会同|协同)$/;

/**
 * A clause of a thing's sentence that says which chains its work joins, naming one to three of them (four are the
 * 四链融合 slogan): …实施跨境电商万人培训计划，…，推动人才链与产业链有效衔接 · …，以人才链支撑产业链 ·
 * 推动资金链与创新链、产业链精准对接，到2025年风险补偿资金规模达到1亿元.
 */
export const PURPOSE_OPENING = /^(?:进一步|有效|加快|着力)?(?:推动|促进|实现|助力|以)/;

/**
 * The issuer naming itself in the body: 我局牵头编制… · 我委已联合肇庆市创新投资有限公司设立… · 我厅牵头编制… ·
 * 2024年我区联合中国药科大学组建… (a zone's 管委会). Not 我市 or 我省 (the place), not 我局将配合 alone (read as any clause).
 */
export const SELF_REFERENCE = /我(局|委|厅|办|区)/g;
/** The issuer's names each self-word fits: 我委 a 委员会 or a 委, 我区 only a zone's administrative committee. */
export const SELF_UNITS: Record<string, RegExp> = {
  局: /局$/,
  委: /委员会$|委$/,
  厅: /厅$/,
  办: /办$|办公室$/,
  区: /(?:开发区|高新区|园区|新区|试验区|示范区)(?:管理委员会|管委会)$/,
};

/** A heading that cultivates firms as a tier of industry: （三）培育优质企业 (the judges: 培育优质企业 → 产业链). */
export const INDUSTRY_TIER_HEADING = /优质企业/;

/** A firm's tier title: 入选国家级专精特新“小巨人”企业 · 省级“专精特新”中小企业. */
export const TIER_TITLE = /^(?:专精特新|小巨人|单项冠军)$/;

/** A measure that pays fiscal money: 对企业研发投入给予最高500万元补助 · 对新建冬枣设施大棚每亩补助3000元. */
export const PAYS = /[，,]\s*对[^，。；]{0,30}?(?:给予)?[^，。；]{0,16}?(补助|奖励|补贴|资助|奖补|贴息)/;

/** A heading of finance for technology: （三）科技金融逐步深化 · （四）深化科技金融 · 加强科技金融服务 · 科创金融. */
export const TECH_FINANCE = /科技金融|科创金融/;
