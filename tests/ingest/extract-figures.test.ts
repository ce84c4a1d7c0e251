import { describe, expect, it } from 'vitest';
import { parseAnyNumber } from '../../ingest/parse/cn-numbers.ts';
import { parseDate } from '../../ingest/parse/dates.ts';
import { extractSentence } from '../helpers/extract.ts';

const figures = (sentence: string, part: 'done' | 'next' = 'next') =>
  extractSentence(sentence, { part }).figures.map((f) => [f.kind, f.value, f.unit, f.qualifier, f.year]);

describe('numbers', () => {
  it.each([
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['两', 2],
    ['三万', 30000],
    ['二〇二四', 2024],
    ['１２', 12],
    ['3.5', 3.5],
    ['abc', undefined],
  ])('%s → %s', (text, value) => expect(parseAnyNumber(text)).toBe(value));

  it.each([
    ['2024年6月27日', '2024-06-27'],
    ['二〇二四年六月二十七日', '2024-06-27'],
    ['2024.6.7', '2024-06-07'],
    ['2024年2月30日', undefined],
  ])('date %s → %s', (text, value) => expect(parseDate(text)).toBe(value));
});

describe('what is not a target', () => {
  it.each([
    [
      'a programme counted (人才计划42人次) is no plan, in a sentence of last year’s work',
      '2023年全县新引进大学生1.86万人，入选省级以上人才计划42人次。',
      [
        ['Achievement', 18600, '人', null, null],
        ['Achievement', 42, '人次', null, null],
      ],
    ],
    [
      'a size class the sentence then states as its target is one target',
      '支持澜城打造千亿级新型储能产业集群，力争到2027年营业收入突破1000亿元。',
      [['Commitment', 1000, '亿元', '突破', 2027]],
    ],
  ])('%s', (_name, sentence, expected) => {
    expect(figures(sentence, 'done')).toEqual(expected);
  });

  it('must not misfire: a size class alone is a target', () => {
    expect(figures('支持澜城打造千亿级新型储能产业集群。', 'next')).toEqual([['Commitment', 1000, '亿', null, null]]);
  });

  it('must not misfire: 计划 before a verb is a plan', () => {
    expect(figures('计划新增高新技术企业30家。', 'done')).toEqual([['Commitment', 30, '家', '计划', null]]);
  });
});

describe('commitments and achievements', () => {
  it.each([
    ['samples counted in 份', '到2025年保存青稞种质资源达到1.2万份。', [['Commitment', 12000, '份', '达到', 2025]]],
    ['computing power in petaflops (P)', '推动智算扩容，新增智能算力2000P。', [['Commitment', 2000, 'P', null, null]]],
    [
      'physical measures: tonnes, vehicles, kilograms',
      '推动全旗制氢能力到2025年达到5万吨，推广氢燃料电池重卡1000辆以上，平均亩产达到300公斤。',
      [
        ['Commitment', 50000, '吨', '达到', 2025],
        ['Commitment', 1000, '辆', '以上', 2025],
        ['Commitment', 300, '公斤', '达到', 2025],
      ],
    ],
  ])('a unit of the work: %s', (_name, sentence, expected) => {
    expect(figures(sentence, 'next')).toEqual(expected);
  });

  it.each([
    [
      'one per number, year from 全年',
      '全年招引创新型项目3000个以上、青年创新创业人才2万人以上。',
      [
        ['Commitment', 3000, '个', '以上', 2023],
        ['Commitment', 20000, '人', '以上', 2023],
      ],
    ],
    ['Chinese numerals and 左右', '建设十五个左右市级一流学科。', [['Commitment', 15, '个', '左右', null]]],
    [
      'a baseline in brackets after a target is a past figure, and its year not the target’s',
      '力争到2026年全区高新技术企业突破300家（2022年为186家）。',
      [
        ['Commitment', 300, '家', '突破', 2026],
        ['Achievement', 186, '家', null, null],
      ],
    ],
    [
      'a change from a baseline year to a target',
      '到2026年，稀土产业产值由2022年的680亿元提升至1000亿元以上。',
      [['Commitment', 1000, '亿元', '以上', 2026]],
    ],
    [
      'a range keeps its bounds as qualifier',
      '引导龙头企业组建创新联合体1—2个。',
      [['Commitment', 2, '个', '1-2', null]],
    ],
    [
      '亿元 stays a unit, the verb is the qualifier',
      '将基金规模提升至100亿元。',
      [['Commitment', 100, '亿元', '提升至', null]],
    ],
    ['万 multiplies', '新增孵化面积200万方。', [['Commitment', 2000000, '方', null, null]]],
    ['a percentage', '推动全市孵化空间使用率达60%以上。', [['Commitment', 60, '%', '以上', null]]],
    ['不超过 with years', '成果转化期限原则上不超过1年。', [['Commitment', 1, '年', '不超过', null]]],
    ['an explicit year', '力争2024年新增高新技术企业600家以上。', [['Commitment', 600, '家', '以上', 2024]]],
    ['部 counts machines', '加装电梯300部。', [['Commitment', 300, '部', null, null]]],
    [
      'a year holds from its clause on',
      '引进专业运营机构10家以上，2024年招引项目30个，2025年招引项目40个。',
      [
        ['Commitment', 10, '家', '以上', null],
        ['Commitment', 30, '个', null, 2024],
        ['Commitment', 40, '个', null, 2025],
      ],
    ],
  ])('%s', (_name, sentence, expected) => {
    expect(figures(sentence)).toEqual(expected);
  });

  it.each([
    ['累计 in the done part', '高新技术企业累计4326家。', [['Achievement', 4326, '家', null, null]]],
    ['1.56万', '省科技型中小企业累计1.56万家。', [['Achievement', 15600, '家', null, null]]],
    ['万元 becomes 元', '交易金额达1856万元。', [['Achievement', 18560000, '元', '达', null]]],
    [
      'an earlier year is done, even among next steps',
      '2022年新增高新技术企业766家。',
      [['Achievement', 766, '家', null, null]],
    ],
  ])('achievement: %s', (_name, sentence, expected) => {
    expect(figures(sentence, sentence.startsWith('2022') ? 'next' : 'done')).toEqual(expected);
  });

  // Among the work done, what a cited plan sets and a standing yearly quota are targets; what the plan did is not.
  it.each([
    [
      'a cited plan sets it',
      '《行动方案》明确围绕研发、转化两方面，推进24项重点任务。',
      [['Commitment', 24, '项', null, null]],
    ],
    ['a standing yearly quota', '各县每年重点培育科技型企业5-8家。', [['Commitment', 8, '家', '5-8', null]]],
    [
      'a cited plan, then what was done',
      '《行动方案》明确的任务已累计完成18项。',
      [['Achievement', 18, '项', null, null]],
    ],
    [
      'a sentence’s 将 reaches a clause naming this year',
      '市交通局将推动“一网统管”改革，2023年完成智慧公交站台改造200座。',
      [['Commitment', 200, '座', null, 2023]],
    ],
    [
      'a plan of projects is a noun, not a plan to',
      '2022年，全市新立项省级科技计划项目35项。',
      [['Achievement', 35, '项', null, null]],
    ],
    ['a yearly count told roughly', '我局每年举办科技活动周活动30余场。', [['Achievement', 30, '场', '余', null]]],
    ['a year named, not every year', '全县2022年培育科技型企业12家。', [['Achievement', 12, '家', null, null]]],
    [
      'what a cited rule grants',
      '《管理办法》规定，对新认定的企业每家补助不超过50万元。',
      [['Achievement', 500000, '元', '不超过', null]],
    ],
  ])('done part: %s', (_name, sentence, expected) => {
    expect(figures(sentence, 'done')).toEqual(expected);
  });

  // A past figure is not a target, though it stands among the next steps (issue 20, family 8).
  it.each([
    [
      '近年来 opens the sentence',
      '近年来，我局支持企业承担省级科技项目20余项。',
      [['Achievement', 20, '项', '余', null]],
    ],
    ['an enumerator, then 过去', '一是过去三年，全市新增省级研发中心15家。', [['Achievement', 15, '家', null, null]]],
    ['a verb with 了', '我局共支持了科技型企业86家。', [['Achievement', 86, '家', null, null]]],
    ['since a year', '2021年以来，全市建成孵化载体12个。', [['Achievement', 12, '个', null, null]]],
    [
      'a later clause that is still the past (no turn to next steps)',
      '去年以来已新增孵化面积5万平方米，全市再新增众创空间3家。',
      [
        ['Achievement', 50000, '平方米', null, null],
        ['Achievement', 3, '家', null, null],
      ],
    ],
  ])('past among the next steps: %s', (_name, sentence, expected) => {
    expect(figures(sentence, 'next')).toEqual(expected);
  });

  it.each([
    [
      'a future word after the past opening',
      '近年来成效明显，下步力争新增研发中心10家。',
      [['Commitment', 10, '家', '力争', null]],
    ],
    [
      'a target year after 以来',
      '2021年以来成效明显，到2025年建成孵化载体20个。',
      [['Commitment', 20, '个', null, 2025]],
    ],
    [
      'a clause turning to the next steps after the past opening (下一步将…)',
      '去年以来已新增孵化面积5万平方米，下一步将继续布局孵化器，再新增孵化面积8万平方米。',
      [
        ['Achievement', 50000, '平方米', null, null],
        ['Commitment', 80000, '平方米', null, null],
      ],
    ],
  ])('must not misfire: %s', (_name, sentence, expected) => {
    expect(figures(sentence, 'next')).toEqual(expected);
  });

  it.each([
    ['years', '2023年以来成效明显。'],
    ['a layout slogan', '加快科技创新赋能“5+5+N”产业发展。'],
    ['a year range', '印发三年行动方案（2023-2025年）。'],
    ['months', '1-5月份推介科技成果。'],
    ['counted names', '建立场景、能力、机会三张清单。'],
    ['a version', '落实产业链链长制2.0版。'],
    ['a threshold on a noun', '实际到账总金额200万元以上的单个产学研项目给予支持。'],
    ['a time span', '计划通过5年时间推进建设。'],
    ['how many proposed', '王立新等5名代表提出的建议收悉。'],
    ['部 naming bodies', '会同三部委推进。'],
    ['P inside a Latin word (storage in petabytes, a chip’s name)', '扩容存储300PB，部署A100P芯片。'],
  ])('must not find a figure in %s', (_name, sentence) => {
    expect(figures(sentence)).toEqual([]);
  });
});
