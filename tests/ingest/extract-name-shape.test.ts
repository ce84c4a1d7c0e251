import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * A name's edges and a name's shape, on sentences written for this test (places and firms invented):
 * where a name starts and ends in running text (issue 20, family 1), and what makes a kind of thing
 * rather than a name (family 2: a determiner or a level word, a field, a verb before generic words).
 */
const found = (sentence: string) => extractSentence(sentence).mentions.map((m) => `${m.kind}:${m.name}`);

describe('where a name starts and ends', () => {
  it.each([
    [
      'a single character the segmenter splits off a place opens the name (环…)',
      '以澄湖科创中心、环澄湖科创带为核心推进建设。',
      ['Platform:澄湖科创中心', 'Platform:环澄湖科创带'],
    ],
    [
      'a list item opens with its name, though its first word reads as a verb',
      '东岭泵业、飞越机电、远航股份等企业加快发展。',
      ['Enterprise:东岭泵业', 'Enterprise:飞越机电', 'Enterprise:远航股份'],
    ],
    [
      '正与: after an adverb 与 is "with"; a campus named by its place in brackets',
      '哈尔滨工业大学(深圳)正与鹏城实验室联合推进人才培育。',
      ['Organization:哈尔滨工业大学(深圳)', 'Platform:鹏城实验室'],
    ],
    [
      'a group named by its task opens with its place',
      '下一步，将充分发挥澄江市推进东部科学城建设工作领导小组作用。',
      ['Organization:澄江市推进东部科学城建设工作领导小组'],
    ],
    [
      'a phase of building (一期工程) is no programme: the college is the name',
      '澄江理工学院一期工程已进入全面建设阶段。',
      ['Organization:澄江理工学院'],
    ],
    [
      'district governments named with their place',
      '经与市科技局、沙坪坝区政府、北碚区政府等共同研究办理。',
      ['Organization:市科技局', 'Organization:沙坪坝区政府', 'Organization:北碚区政府'],
    ],
    ['an office of the party committee named by its task', '经与市委金融办共同研究。', ['Organization:市委金融办']],
    [
      'a firm opens with its place; 和 inside a bureau; an ordinal inside a hospital',
      '我局指导顺德区公共交通有限公司，会同区住房城乡建设和水利局、宜昌市第一人民医院研究。',
      ['Enterprise:顺德区公共交通有限公司', 'Organization:区住房城乡建设和水利局', 'Organization:宜昌市第一人民医院'],
    ],
    [
      'verbal nouns inside a firm’s name',
      '洛阳市城市建设投资集团有限公司承担了改造任务。',
      ['Enterprise:洛阳市城市建设投资集团有限公司'],
    ],
    ['商 glued to the body consulted', '经认真研究，并商市财政局，现答复如下。', ['Organization:市财政局']],
    [
      'a name opening with its place after 与 is a name of its own; the central bank’s branch is an agency',
      '推动企业与新疆大学合作，会同人民银行澄江市分行研究。',
      ['Organization:新疆大学', 'Organization:人民银行澄江市分行'],
    ],
    ['a town of colleges named by its place', '依托常州科教城集聚研发机构。', ['Platform:常州科教城']],
    [
      'a kind of actor and its verb open the clause, not the fair’s name',
      '组织企业参加中国（绵阳）科技城国际科技博览会。',
      ['Programme:中国（绵阳）科技城国际科技博览会'],
    ],
    [
      'a bank’s branch keeps its bank; a kind of actor before 与 is not a name’s first half',
      '联合徽商银行芜湖分行推出产品，鼓励企业与中国科学技术大学先进技术研究院合作。',
      ['Enterprise:徽商银行芜湖分行', 'Platform:中国科学技术大学先进技术研究院'],
    ],
    [
      'words before a place are not the name’s, however the segmenter tags them; a locative glued after it neither',
      '指导临安区科技局做好申报，帮助解决临安光电研究院的用地问题，在澄江科技城内布局中试基地。',
      ['Organization:临安区科技局', 'Platform:临安光电研究院', 'Platform:澄江科技城'],
    ],
    [
      'a city’s name the segmenter tags as a common noun (烟台/n) still opens the name before a word it tags as a place',
      '联合高校共建烟台海工装备实训基地，烟台黄渤海新区内的企业设立工作站。',
      ['Platform:烟台海工装备实训基地', 'Platform:烟台黄渤海新区'],
    ],
    [
      'a trade word inside a common word does not end a name before 与',
      '推动中国科学院长春光学精密机械与物理研究所开展攻关。',
      ['Platform:中国科学院长春光学精密机械与物理研究所'],
    ],
    [
      'clause verbs before a body, a university and a fund (征求 · 投向 · 安排)',
      '征求澄江市工业和信息化局意见，资金重点投向云岭科技大学，在预算中安排澄川区农业科技成果转化专项资金。',
      ['Organization:澄江市工业和信息化局', 'Organization:云岭科技大学', 'Programme:澄川区农业科技成果转化专项资金'],
    ],
    [
      'a firm named right after a body and the verb between them',
      '我局会同州工业和信息化局指导北渡新材牵头组建联合体。',
      ['Organization:州工业和信息化局', 'Enterprise:北渡新材'],
    ],
    [
      'a verb before a firm’s place the segmenter tags as a person’s name (嘉兴/nr) is not the firm’s',
      '基金设立后，委托嘉兴澄创投资管理有限公司运作，已投资玉林漓创光电科技有限公司。',
      ['Enterprise:嘉兴澄创投资管理有限公司', 'Enterprise:玉林漓创光电科技有限公司'],
    ],
    [
      'a word tagged as a person’s name that is no place is a word of the name (山梨/nr)',
      '建成柑橘山梨产业专家工作站。',
      ['Platform:柑橘山梨产业专家工作站'],
    ],
    [
      'a body, a verb and a second body are two names (协调)',
      '我局会同市科技局协调民航中南地区管理局研究。',
      ['Organization:市科技局', 'Organization:民航中南地区管理局'],
    ],
    [
      'a body’s own verbal nouns after its bureau’s name stay in the name (监督/vn)',
      '由省科技厅监督评估中心开展评估。',
      ['Platform:科技厅监督评估中心'],
    ],
    [
      'a place the segmenter tags as an adverb (大同/d) is no describing word before generic words',
      '依托大同高新技术产业园区集聚企业。',
      ['Platform:大同高新技术产业园区'],
    ],
    [
      'a word the suffix table knows whole is the name’s, not stop words glued on (经开区, not 经 + 开区)',
      '征求德阳经开区管委会意见。',
      ['Organization:德阳经开区管委会'],
    ],
    [
      'a school named by its place, an ordinal inside',
      '推动澄江市第一中等职业学校与建德市实验学校合作。',
      ['Organization:澄江市第一中等职业学校', 'Organization:建德市实验学校'],
    ],
    [
      '内 opens no name as a word of its own, but stays inside one',
      '会同内蒙古自治区科学技术厅研究。',
      ['Organization:内蒙古自治区科学技术厅'],
    ],
    [
      'the party committee and the government of one county, not one body',
      '县委县政府一直非常重视。',
      ['Organization:县委', 'Organization:县政府'],
    ],
  ])('%s', (_why, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    ['clause verbs before a kind of body', '组织专家对建设方案进行评议后再报送国家相关部委。'],
    ['a verb before a kind of fund', '扩大政府引导基金规模。'],
    ['offices that are verbs', '由市政协主办，市科协承办。'],
    ['schools no place names are a kind', '支持乡村寄宿制学校和民族团结进步学校开展教育。'],
    [
      'each place’s own body after places named as a class',
      '督促各县（市、区）科技局抓好落实，县（区）人民政府负总责。',
    ],
  ])('must not find a name: %s', (_why, sentence) => {
    expect(found(sentence).filter((n) => !/^Organization:市(?:政协|科协)$/.test(n))).toEqual([]);
  });
});

describe('a bank’s business division is not a body', () => {
  it('科技金融事业部 is no organisation; 市委宣传部 is', () => {
    expect(found('设立科技金融事业部，会同市委宣传部开展宣传。')).toEqual(['Organization:市委宣传部']);
  });
});

describe('a kind of thing is not a name', () => {
  it.each([
    ['a field narrows a kind', '推动碳达峰领域科创平台建设。'],
    ['a determiner of quantity', '拟建设一批科技人才培养基地。'],
    ['generic words only', '建立以应用为主要内容的研究开发平台。'],
    ['a level word and generic words', '联合设立了省级未来技术学院。'],
    ['a qualifier of kinds', '做好战略性新兴产业引导基金整合，设立线上服务平台。'],
    ['a quoted goal that opens with a verb', '立足“加快建设先进制造业基地”总目标。'],
    ['a figure of speech that opens with 一', '市区“一盘棋”推动未来产业发展。'],
    ['big institutes and famous universities', '加大对绿色产业与大院名校合作的支持。'],
    ['the State Council is no platform', '按照党中央、国务院关于创新驱动发展的部署。'],
    ['a title a body earns: a place and common words', '宜昌市第一人民医院获批湖北省临床医学研究中心。'],
    ['kinds of the health field', '院士专家工作站等平台建设稳步推进。'],
    ['a grade of places opens a kind', '新建市级众创空间3家，依托县级融媒体中心开展宣传。'],
    ['a class of places opens a kind', '加快乡镇农业综合服务中心建设，推进乡镇卫生院标准化建设。'],
    ['the county’s own parks are a kind', '我县产业园区基础设施不断完善，全县工业园区亩均效益提高。'],
    ['a region-wide centre and a strategic alliance are kinds', '打造区域性科技创新中心，组建产业技术创新战略联盟。'],
    ['a point’s enumerator and a resultative verb open no name', '二是建强创新平台。'],
    [
      'kinds the lexicon lists whole, in a list closed by a kind',
      '支持企业建设企业研究院、博士后科研工作站等研发平台。',
    ],
    ['a tier of firms, quoted, is a kind of firm', '部分企业入选专精特新"小巨人"企业，3家企业获评“瞪羚”企业。'],
    [
      'a level or a determiner before a post, a workshop, a bank of resources, a zone of functions',
      '全市建成县级人才驿站12个，支持各类设计工场发展，建设省级种质资源库，布局若干功能区。',
    ],
    ['a describing word that is no place before generic words (最美/d)', '打造最美产业园区。'],
    ['a plan period before a scheme’s words', '落实“十四五”重点研发计划。'],
    [
      'a quoted list of parts is no platform, whatever its last part ends in',
      '形成“研发在城区、转化在园区、种植在基地”的良好局面。',
    ],
    ['a quote between a count of things and their kind', '其中多个“澄字号”平台填补了空白。'],
    ['a firm’s suffix word before a product’s noun', '联合研制的一次性电子内窥镜已取得注册证。'],
    ['a grade of an autonomous prefecture opens a kind', '每年实施州级重大科技专项10项，在州级科技计划中推行揭榜制。'],
    ['entering a park is a verb, not a park', '开展知识产权质押融资入园服务。'],
    ['banks within the jurisdiction are a kind', '引导辖内银行机构加大信贷投放。'],
    [
      'a field’s cluster zone, and a town of schools with no name of its own',
      '建设光电信息产业集聚区，推进职教城建设。',
    ],
    ['a heading restating what the proposal asks for names a kind', '二、关于设立钛产业科技专项资金的建议'],
    ['a heading of the next steps builds a kind', '（一）建设中试熟化平台。力争2025年完成中试项目40项。'],
    [
      'a type of teacher, a customs code and a series of varieties, quoted',
      '实施“双师型”教师培养，开展“1210”保税进口业务，“永优”系列水稻品种已推广。',
    ],
    ['a quoted principle that counts, but no places or parts', '践行“两山”理念，坚持“创新引领”思路。'],
  ])('must not find: %s', (_why, sentence) => {
    expect(found(sentence).filter((n) => !n.startsWith('Organization:'))).toEqual([]);
  });

  it.each([
    [
      'a list of slogans in one quote is one scheme in two halves',
      '探索“基金+基地、投资+孵化”等新型基金运作模式。',
      ['Programme:基金+基地、投资+孵化'],
    ],
    [
      'a quoted list spelling out the mechanism named after it, and the mechanism',
      '积极探索“企业出题、政府立题、协同破题”的揭榜挂帅机制。',
      ['Programme:企业出题、政府立题、协同破题', 'Programme:揭榜挂帅'],
    ],
    ['a four-character slogan opening with 一', '深化“一网通办”改革。', ['Programme:一网通办']],
    [
      'a service platform named by a quote, not a slogan’s platform',
      '搭建“澄科云”服务平台，打造“一港五谷”创新平台。',
      ['Platform:澄科云', 'Programme:一港五谷'],
    ],
    [
      'straight quotes are quotes; a way of doing things names a scheme',
      '通过"揭榜挂帅"方式解决难题，采取“拨改投”方式支持初创企业，推广"澄科贷"。',
      ['Programme:揭榜挂帅', 'Programme:拨改投', 'Programme:澄科贷'],
    ],
    [
      'a launched scheme vouches for the next item of its list',
      '聚焦未来产业实施重点产业研发计划、市科技重大专项。',
      ['Programme:重点产业研发计划', 'Programme:市科技重大专项'],
    ],
    [
      'a post, a workshop, a bank of resources and a zone of functions named by their own words',
      '澄江人才驿站接待大学生，在澄海玩具设计工场设立工作站，建设云岭高原青稞种质资源库，打造澄湖科技创新策源功能区。',
      [
        'Platform:澄江人才驿站',
        'Platform:澄海玩具设计工场',
        'Platform:云岭高原青稞种质资源库',
        'Platform:澄湖科技创新策源功能区',
      ],
    ],
    [
      'a supply co-operative and a zone’s management centre are bodies',
      '区供销合作社正在编制规划，我局会同澄江综合保税区管理中心推进建设。',
      ['Organization:区供销合作社', 'Organization:澄江综合保税区管理中心'],
    ],
    [
      'a town of vocational schools, a bonded zone, a cluster zone opened by its place',
      '依托凉都职教城、澄江综合保税区开展业务，澄江直播电商集聚区入驻主播团队1800个。',
      ['Platform:凉都职教城', 'Platform:澄江综合保税区', 'Platform:澄江直播电商集聚区'],
    ],
    [
      'agencies of a trade closing a list are firms; incubating agencies are platforms',
      '乐播星选、易拍优选等直播机构年销售额超过10亿元，澄科孵化、云岭创投等孵化机构服务企业300家。',
      ['Enterprise:乐播星选', 'Enterprise:易拍优选', 'Platform:澄科孵化', 'Platform:云岭创投'],
    ],
    [
      'a heading that builds a thing named by its place',
      '（二）建设澄江高原生物概念验证中心。力争完成项目30项。',
      ['Platform:澄江高原生物概念验证中心'],
    ],
    [
      'a quoted layout that counts its parts, before 思路; a quoted model a bureau 推行',
      '按照“一城两园多点”思路推进，全市推行“岗课赛证”综合育人。',
      ['Programme:一城两园多点', 'Programme:岗课赛证'],
    ],
    [
      'a quote’s scheme with a few words before its word: the words are the alias’s, not a second programme',
      '继续实施“澄江方药”传承创新工程。',
      ['Programme:澄江方药'],
    ],
    [
      'a quoted list of parts before 的布局 is a layout scheme, not a platform its last part ends like',
      '形成“研发在城区、转化在园区、种植在基地”的布局。',
      ['Programme:研发在城区、转化在园区、种植在基地'],
    ],
    [
      'a quote before a kind names one platform where no count stands before it; a firm’s short name before a verb',
      '打造“澄字号”平台，澄湖电子牵头研制内窥镜。',
      ['Platform:澄字号', 'Enterprise:澄湖电子'],
    ],
    [
      'a park opening with its place keeps its grade word inside',
      '支持北渡农业科技园区和澄江国家农业科技园区建设。',
      ['Platform:北渡农业科技园区', 'Platform:澄江国家农业科技园区'],
    ],
  ])('%s', (_why, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});
