import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Named things without a suffix the table knows (issue 20, family 3): schemes in quotes of every shape,
 * sites named while they are built, launched schemes in common words, joint events, funds applied for,
 * the items of a list closed by a count or by 等…产品. Sentences written for this test; names invented.
 */
const found = (sentence: string) => extractSentence(sentence).mentions.map((m) => `${m.kind}:${m.name}`);

describe('names without a known suffix', () => {
  it.each([
    [
      'a slogan in single quotes inside a quoted clause',
      '明确“对山区县，可通过‘以赛促创’加快建设”。',
      ['Programme:以赛促创'],
    ],
    ['a title a place earns, quoted', '争取澄州“国家创新型县”尽快获批。', ['Programme:国家创新型县']],
    [
      'quoted loans among policies',
      '相继推出“科技人才贷款”、“知识产权质押贷款”等相关政策。',
      ['Programme:科技人才贷款', 'Programme:知识产权质押贷款'],
    ],
    ['a quote before a named platform', '“科创飞地”澄江智谷已投入使用。', ['Programme:科创飞地', 'Platform:澄江智谷']],
    [
      'quoted talent titles, then 评选',
      '组织开展“澄江学者”和“澄江市青年科技创新领军人才”评选工作。',
      ['Programme:澄江学者', 'Programme:澄江市青年科技创新领军人才'],
    ],
    [
      'sites named while they are built',
      '在澄湖科创中心，市创新服务中心即将完工投用，创新工厂已全面结顶。',
      ['Platform:澄湖科创中心', 'Platform:创新服务中心', 'Platform:创新工厂'],
    ],
    ['a launched scheme of eight characters', '实施科技金融赋能行动。', ['Programme:科技金融赋能行动']],
    ['a sign inside a scheme', '加快推进数据要素×行动。', ['Programme:数据要素×行动']],
    ['a joint event', '在全市科技创新大会暨人才工作会议上通报表彰。', ['Programme:科技创新大会暨人才工作会议']],
    ['a fund applied for', '组织企业申报中央引导地方科技发展资金。', ['Programme:中央引导地方科技发展资金']],
    [
      'a list closed by a count alone',
      '已向东岭新材、龙丰机械、雪峰实业3家企业发放聘书。',
      ['Enterprise:东岭新材', 'Enterprise:龙丰机械', 'Enterprise:雪峰实业'],
    ],
    [
      'a list of loans closed by 等…产品',
      '形成知识价值信用贷款、技改专项贷等政策性产品体系。',
      ['Programme:知识价值信用贷款', 'Programme:技改专项贷'],
    ],
    [
      'a standing meeting',
      '建立金融支持科技型企业融资联席会议制度。',
      ['Programme:金融支持科技型企业融资联席会议制度'],
    ],
    [
      'a quality word and a place coin a scheme',
      '加快融入数字重庆建设，推进平安绵阳建设。',
      ['Programme:数字重庆', 'Programme:平安绵阳'],
    ],
    [
      'a quote before its scheme’s word names the scheme',
      '通过“科大硅谷”引导基金支持初创企业。',
      ['Programme:科大硅谷'],
    ],
    [
      'a motto before the kind of scheme it names',
      '推行“企业点题、专家答题”的赛马争先机制，今年新立项省飞鹰领航项目2项。',
      ['Programme:企业点题、专家答题', 'Programme:赛马争先', 'Programme:飞鹰领航'],
    ],
    [
      'the one named before 等 holds the projects counted',
      '澄江新立项云帆光电等省重点研发项目3项、星禾生物等市级项目5项。',
      ['Enterprise:云帆光电', 'Enterprise:星禾生物'],
    ],
    [
      'a voucher scheme and a consortium named with their place (one the division list knows)',
      '设立银川市科技创新券，组建银川能源技术创新联合体。',
      ['Programme:银川市科技创新券', 'Platform:银川能源技术创新联合体'],
    ],
    [
      'a consortium named by a part of a province (its abbreviation and a compass word), which the division list does not name',
      '联合高校组建苏北光伏装备创新联合体。',
      ['Platform:苏北光伏装备创新联合体'],
    ],
    [
      'a new district, a test site, a task force',
      '支持长春新区和龙城智能网联汽车测试场建设，成立五华区数字经济发展工作专班。',
      ['Platform:长春新区', 'Platform:龙城智能网联汽车测试场', 'Organization:五华区数字经济发展工作专班'],
    ],
  ])('%s', (_why, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    ['a quote that qualifies a kind of platform', '新增“硬科技”企业孵化器10家以上。'],
    ['a quality word before no place', '推进数字经济建设，加强创新能力建设。'],
    ['a new district of common words', '推进城市新区建设，组建工作专班。'],
    ['a chain is not a fund', '驱动产业链和资金链协同创新。'],
    ['databases counted after a list', '建立高价值专利企业库、数据知识产权企业库等三大企业库。'],
    ['a meeting of common words', '召开人才工作会议。'],
    ['a fund of common words', '争取省级专项资金支持。'],
    ['an industry, not a firm', '推广农业机械。'],
    ['what a verb builds is its object', '建设创新服务中心已完工。'],
    ['a short launched scheme in common words', '开展科技服务行动。'],
    ['a kind of mechanism in common words', '完善以企业为主体的协同创新机制和市重大科技项目。'],
    ['counted transfers, not their holders', '促成技术转让等合作项目20项。'],
    ['a category before 等', '支持高新技术企业等申报项目6项。'],
    ['vouchers and a consortium of a field', '发放科技创新券，推动龙头企业组建汽车产业创新联合体。'],
    [
      'a consortium of a field opening with compass words, not a province’s abbreviation (华北)',
      '推动龙头企业组建华北光伏装备创新联合体。',
    ],
    ['fields before 等', '支持数字经济等领域项目20项、人工智能等省级项目8项、新能源汽车等项目4项。'],
    ['a kind of mechanism after a bare 的', '完善的银企对接机制和风险补偿机制。'],
  ])('must not misfire: %s', (_why, sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});
