import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Bare names found by the verb that frames them (ingest/rules/name-cues.ts),
 * in this project's own wording with invented names: each rule beside rows
 * where it must not fire.
 */
const names = (sentence: string) =>
  extractSentence(sentence, { part: 'done' }).mentions.map((m) => `${m.kind}:${m.name}`);
const cued = (sentence: string) =>
  extractSentence(sentence, { part: 'done' })
    .mentions.filter((m) => m.rule.startsWith('cue:'))
    .map((m) => `${m.kind}:${m.name}`);

describe('bare names framed by their verb', () => {
  it.each([
    [
      'a title a place earns, after 创建',
      '2019年，区委、区政府抓住创建省级科技进步先进区这一契机，加大科技投入。',
      ['Programme:省级科技进步先进区'],
    ],
    ['a title a place earns, after 争创', '我市正在争创国家创新型城市，已完成申报材料。', ['Programme:国家创新型城市']],
    [
      'the scheme a project is put into, less its owner',
      '该项目已列入我市数字乡村第三期建设项目，将分步实施。',
      ['Programme:数字乡村第三期建设项目'],
    ],
    ['the scheme, after 纳入', '相关课题已纳入澜城科技惠民行动，给予支持。', ['Programme:澜城科技惠民行动']],
    ['the project put into a scheme', '社区养老及银龄驿站项目已列入今年民生实事。', ['Programme:银龄驿站项目']],
    [
      'a firm named bare before a distinction',
      '全年新增科技领军企业5家，远澜光电入选省首批创新联合体。',
      ['Enterprise:远澜光电'],
    ],
    ['a firm named bare after 其中', '其中，青禾生物获评国家级专精特新“小巨人”企业。', ['Enterprise:青禾生物']],
    [
      'firms listed bare before a distinction',
      '瑞丰机械、华辰新材获批省级企业技术中心。',
      ['Enterprise:瑞丰机械', 'Enterprise:华辰新材'],
    ],
    ['a scheme whose name holds 培育', '实施技术经纪人培育计划，累计培训320名。', ['Programme:技术经纪人培育计划']],
    ['a corps after the verb that brings it in', '推行科技特派员制度。', ['Programme:科技特派员']],
    ['a firm before a factory it was named for', '南屏电缆入选国家级智能制造示范工厂。', ['Enterprise:南屏电缆']],
    [
      'a named event, and a quoted cup before its contest',
      '承办第十届中国创新创业大赛澜城赛区，举办“柳创杯”创新创业大赛。',
      ['Programme:中国创新创业大赛', 'Programme:柳创杯'],
    ],
    ['an alliance named after its place', '组建柳溪区科技创新服务联盟。', ['Organization:柳溪区科技创新服务联盟']],
    [
      'a long scheme the letter launched, in common words',
      '深入实施中小企业数字化赋能专项行动。',
      ['Programme:中小企业数字化赋能专项行动'],
    ],
    [
      'a launched scheme with its span of years',
      '会同市财政局实施创新走廊建设三年行动。',
      ['Programme:创新走廊建设三年行动'],
    ],
    [
      'a scheme the letter launched, whose name holds a verb',
      '实施孵化载体提质行动，出台管理办法。',
      ['Programme:孵化载体提质行动'],
    ],
    [
      'a maker space and an accelerator',
      '云谷众创空间被评为国家级科技企业孵化器，清江科技企业加速器投入运营。',
      ['Platform:云谷众创空间', 'Platform:清江科技企业加速器'],
    ],
    [
      'two names the segmenter glued at their joiner',
      '依托青山湖科技城和云栖小镇，集聚科技型企业。',
      ['Platform:青山湖科技城', 'Platform:云栖小镇'],
    ],
    [
      "an institute's branch after its short name",
      '引进中国科学院宁波材料所临安分所。',
      ['Platform:中国科学院宁波材料所临安分所'],
    ],
    [
      "a firm's academician workstation and an innovation complex",
      '天目药业院士工作站获评省级示范，共建临安创新综合体。',
      ['Platform:天目药业院士工作站', 'Platform:临安创新综合体'],
    ],
    [
      'a corps of appointed advisers',
      '县政府将调整充实科技决策咨询委员，重大事项先交由科技决策咨询委员讨论。',
      ['Programme:科技决策咨询委员'],
    ],
    ['a corps of instructors', '向各乡镇选派农村科技指导员。', ['Programme:农村科技指导员']],
    [
      'a joint lab: 联合 right before the suffix word is part of the name',
      '支持青禾生物建设合成生物联合实验室。',
      ['Platform:合成生物联合实验室'],
    ],
    [
      'a working group whose task holds a verb',
      '经县农机补贴认定工作小组成员单位研究，不再另行补助。',
      ['Organization:县农机补贴认定工作小组'],
    ],
  ])('%s', (_rule, sentence, expected) => {
    expect(names(sentence)).toEqual(expect.arrayContaining(expected));
  });

  it('a verb before the corps is not part of its name', () => {
    const found = names('县政府将迅速调整充实科技决策咨询委员，重大事项先交由科技决策咨询委员讨论。');
    expect(found.filter((n) => n.startsWith('Programme:'))).toEqual([
      'Programme:科技决策咨询委员',
      'Programme:科技决策咨询委员',
    ]);
  });

  it.each([
    ['categories a letter lists places under', '支持各区争创国家知识产权强县，创建第二批国家产教融合试点城市。'],
    ['a zone a place becomes is no programme here', '市本级创建国家知识产权保护示范区。'],
    ['a generic scheme after 纳入', '相关项目已纳入省重点研发计划。'],
    ['a year-numbered project', '该路段已列入2024年破损路改造项目。'],
    ['a plan named only by its span of years', '全面实施三年行动计划。'],
    ['a title that runs on into a longer name', '推动赣州国家高新区创建国家创新型城市示范区。'],
    ['a category before a distinction', '部分企业入选省级专精特新企业名单，3家企业获评瞪羚企业。'],
    ['a cluster is no firm', '永宁泵阀产业集群入选国家中小企业特色产业集群。'],
    ['a person before a distinction', '张华入选省科技领军企业家培养计划。'],
    ["an incubator's distinction is no firm's", '东湖创客汇被评为国家级科技企业孵化器。'],
    ["a person's distinction", '刘洋获评省优秀企业家，张华荣获市优秀企业家称号。'],
    ["a distinction that is not a firm's", '澜城获评全国科技工作先进集体。'],
    ['a working group without its level word stays a category', '经认定工作小组研究，不再另行补助。'],
  ])('must not misfire: %s', (_rule, sentence) => {
    expect(cued(sentence)).toEqual([]);
    expect(names(sentence).filter((n) => n.endsWith('工作小组'))).toEqual([]);
  });
});

describe('bodies named in full', () => {
  it.each([
    [
      'governments named in full',
      '市人民政府印发实施意见，平水镇人民政府、王坛乡政府积极配合。',
      ['Organization:市人民政府', 'Organization:平水镇人民政府', 'Organization:王坛乡政府'],
    ],
    [
      "a zone's administration and the people's organisations",
      '由澜城高新区管委会牵头，联合市总工会、团市委、市妇联、市工商联开展活动。',
      [
        'Organization:澜城高新区管委会',
        'Organization:市总工会',
        'Organization:团市委',
        'Organization:市妇联',
        'Organization:市工商联',
      ],
    ],
    [
      "a democratic party's committee written short",
      '九三学社澜城市委会提出的建议很有价值。',
      ['Organization:九三学社澜城市委会'],
    ],
    [
      "the central bank's office, a court and customs",
      '会同中国人民银行澜城市中心支行、市中级人民法院、澜城海关推进知识产权保护。',
      ['Organization:中国人民银行澜城市中心支行', 'Organization:市中级人民法院', 'Organization:澜城海关'],
    ],
    [
      'offices of a government and a party committee',
      '由市政府督查室牵头，市府办、县政府办、市委政研室和市政协提案委配合。',
      [
        'Organization:市政府督查室',
        'Organization:市府办',
        'Organization:县政府办',
        'Organization:市委政研室',
        'Organization:市政协提案委',
      ],
    ],
    [
      'a commission whose name joins two verbal nouns',
      '我局将会同市发展和改革委员会、市海洋发展局继续推进。',
      ['Organization:市发展和改革委员会', 'Organization:市海洋发展局'],
    ],
    [
      'a park after the verb of moving in',
      '对入驻厦屿海洋高新技术产业园的企业给予补贴。',
      ['Platform:厦屿海洋高新技术产业园'],
    ],
    [
      'a fund named after its place, before 与 and a university',
      '鹏城市自然科学基金与鹏城大学联合设立专项。',
      ['Programme:鹏城市自然科学基金', 'Organization:鹏城大学'],
    ],
    [
      'a police unit and the group a bureau brought in',
      '会同区公安分局交警大队实地踏勘，引入瓯海城建集团参与运营。',
      ['Organization:区公安分局交警大队', 'Enterprise:瓯海城建集团'],
    ],
    [
      "a verb the stop list lacks, before a place's name",
      '吸纳温州医科大学参与，引进宁溪生物医药产业园项目。',
      ['Organization:温州医科大学'],
    ],
    [
      "a county's bureau after 会同, which the segmenter read as a county",
      '我局将会同县农业农村局完善激励机制。',
      ['Organization:县农业农村局'],
    ],
    ['a station named after its place and crop', '与安徽农业大学合作建立岳西茶叶试验站。', ['Platform:岳西茶叶试验站']],
    [
      'a company keeps the level word of its own short name',
      '与市中小企业融资担保有限公司合作推出新产品。',
      ['Enterprise:市中小企业融资担保有限公司'],
    ],
    [
      'a vocational-education group is no company',
      '组建沂州市智能制造职业教育集团。',
      ['Organization:沂州市智能制造职业教育集团'],
    ],
    ["a bank's branch", '中国银行澜城分行推出科技贷产品。', ['Enterprise:中国银行澜城分行']],
  ])('%s', (_rule, sentence, expected) => {
    expect(names(sentence)).toEqual(expect.arrayContaining(expected));
  });

  it('a body the matter waits for starts after 待', () => {
    const found = names('该路段已列入交通厅动态管理系统，待省厅终审后实施。');
    expect(found.filter((n) => n.includes('待'))).toEqual([]);
    expect(found).toContain('Organization:交通厅');
  });

  it.each([
    ['a committee addressed as 贵委会', '贵委会的建议很有价值。'],
    ['branches of every bank', '鼓励各商业银行分行、支行加大信贷投放。'],
    ['governments of every level', '各级人民政府要加大投入。'],
    ['road and bridge works are no programmes', '加快澄河西路南延工程建设，青石桥改造项目已列入计划。'],
    ['kinds of funds', '鼓励设立科技成果转化基金、市场化母基金和私募股权二级市场基金。'],
    ['a service brigade in common words', '组建科技服务大队。'],
    [
      'an honour a person earns, and envoys counted by level',
      '选派省、市、县三级科技特派员215名，一人被评为全国优秀科技特派员。',
    ],
    ['a public service platform for a kind of product', '推动建设医药产品检验检测公共服务平台。'],
    ['a count sums up a list', '全县建成茶叶、刺梨两大产业基地。'],
    ['research rooms as a category', '建成重点研究室5个。'],
    ['what every zone has', '鼓励各开发区管委会、每个乡镇政府积极参与。'],
    ['events and alliances named only by common words', '举办创新创业大赛和科技论坛，组建产业技术创新联盟。'],
    // (Eight characters and more name a launched scheme, as gold 21 and 24 read 实施重点产业研发计划 · 实施科技金融赋能行动.)
    ['a short scheme in common words', '开展科技服务行动，实施专项行动。'],
    ['a scheme in common words after two launch verbs', '启动实施科技计划项目，推出科技保险计划。'],
    ['a bureau named by pronoun', '现就我局职责范围内的事项提出意见，本局、贵局与我委均已研究。'],
    ['workstations and towns as categories', '建成院士工作站9家，培育特色小镇3个。'],
    ['a leader taking a team somewhere', '分管领导带队赴上海调研，专家领队考察。'],
    ['some incubators, an agricultural park as a category', '部分孵化器运营能力不强，我局持续推进农业科技园区建设。'],
    ['a demonstrative points back at a described thing', '该路段大中修工程已纳入养护计划，此项工程年内完工。'],
  ])('must not misfire: %s', (_rule, sentence) => {
    expect(names(sentence)).toEqual([]);
  });
});

describe("officials named with a deputy's title", () => {
  const people = (sentence: string) =>
    extractSentence(sentence, { part: 'done' })
      .mentions.filter((m) => m.kind === 'Person')
      .map((m) => `${m.name}/${m.props?.role}`);
  it.each([
    ['a name before 副市长', '在王建军副市长的带领下赴杭州考察。', ['王建军/副市长']],
    ['常务副市长 before a name', '常务副市长陈刚主持会议。', ['陈刚/常务副市长']],
    ['副主席 before a name', '市政协副主席周立群带队赴上海调研。', ['周立群/副主席']],
    [
      'a one-character surname and a given name the segmenter took for a word',
      '组建由吴海波教授领衔的科技服务团。',
      ['吴海波/教授'],
    ],
    ['a professional title before a name', '县农技中心高级农艺师汪永红被评为先进个人。', ['汪永红/高级农艺师']],
  ])('%s', (_rule, sentence, expected) => {
    expect(people(sentence)).toEqual(expected);
  });

  it("must not misfire: a deputy's title without a name", () => {
    expect(people('在分管副市长的带领下赴杭州考察。')).toEqual([]);
  });
});

describe('计划 as a verb', () => {
  it("after a firm's name it plans, it heads no scheme", () => {
    expect(names('市公交集团计划在西岭新城新建公交首末站1座。')).toEqual(['Enterprise:市公交集团']);
  });
});
