import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';
import { divisions } from '../place/divisions.ts';
import { placesOpening } from '../place/place-names.ts';
import { LAUNCHED_MIN_LENGTH } from '../rules/name-cues.ts';
import { SUFFIX_RULES, type SuffixRule } from '../rules/name-suffixes.ts';
import {
  isGenericName,
  opensWithGrade,
  PLACES_AS_CLASS_BEFORE,
  PLACES_AS_CLASS_OPENING,
  stripQualifiers,
} from './generic.ts';
import { leftEdge, numeralOfPlace } from './left-edge.ts';
import type { Mention } from './mention.ts';
import { type Token, tokenAt } from './tokens.ts';

export const INFRASTRUCTURE_WORKS =
  /(?:路|街|巷|桥|隧道|管网|管道|河道|大道|公路|站场|广场)[\u4e00-\u9fa5]{0,8}(?:工程|项目)$/;

/** Rejections per suffix: words that end like a name but are not one (格局 ends in 局, 全部 in 部). */
const NOT_A_NAME: Partial<Record<string, RegExp>> = {
  // 我局 · 本局 · 贵局: the letter's own or its addressee's bureau, named by pronoun (现就我局职责…).
  局: /(?:格|布|大|全|结|当|开|破|新|我|本|贵|该|你)局$/,
  厅: /[我本贵该你]厅$/,
  // 党委, 市委 (ambiguous), 管委, 村委 and 常委 are not the names of departments.
  委: /(?:党|市|省|县|区|管|村|居|常|编|贵|我|本|该|你)委$/,
  // 科技金融事业部: a bank's or a firm's business division, not a body of government.
  部: /(?:全|内|干|总|西|东|南|北|外|底|顶|中|本|各|局|头|事业)部$/,
  港: /^香港$/,
  谷: /(?:低|峡|山|深|硅)谷$/,
  学院: /^(?:职业|高等|二级|独立)学院$/,
  大学: /^(?:高等|职业|本科)?大学$/,
  // 带队 · 领队 · 组队 · 归队: a verb with 队, not a team's name.
  队: /(?:团|部|球|车|舰|梯|排|军|连|带|领|组|归|入|站|列)队$/,
  // 院 alone names a platform in a short name: 华中院 · 阿里巴巴达摩院. Not 医院, 法院, 学院, 科研院, 科学院 or long phrases.
  院: /^.{9,}$|(?:医|法|学|研|科|本|该|我|全|两|才|设计|剧|影|庭|工程|科学|大|国务)院$/,
  // 办 ends an office's name only after a level word and a party committee or government: 市委金融办 · 县政府外事办
  // (not 主办 · 承办 · 督办 · 举办, nor a place's whole office 市政府办, which has its own row).
  // A meeting is a named event only as a joint one or a congress: 教育科技创新大会暨人才工作会议 (not 人才工作会议).
  会议: /^(?!.*(?:暨|大会)).*$/,
  新区: /^(?:城市|产业|开发|滨海|高新)?新区$/,
  // 园 alone ends a park's name (文化创意园), not a school's, a home's or a garden's; 入园 · 进园 are "enter the park"
  // (知识产权质押融资入园惠企行动).
  园: /(?:校|家|乐|花|公|果|菜|茶|庄|田|植物|动物|幼儿|游乐|陵|入|进)园$/,
  // 县委县政府: the party committee and the government of one county, not a county named 县委.
  县政府: /(?:委|^[省市县区])县政府$/,
  区政府: /(?:委|^[省市县区])区政府$/,
  办: /^(?![\u4e00-\u9fa5]{0,6}?[省市县区](?:委|政府)?[\u4e00-\u9fa5]{2,4}办$)|(?:主|承|协|督|举|创|开|兴|合|代|会|首|试|怎么)办$/,
  // 处 names a division only after its department: 市司法局立法处 (not 好处, 之处, 办事处 alone).
  处: /^(?!.*(?:局|厅|委|部|院|办)[\u4e00-\u9fa5]{1,6}处$)/,
  // 小组 and 办公室 after a bare level word are the categories of every place: 领导小组, 县政府办公室 stays (it has 政府).
  小组: /^(?:领导|工作|协调|专项|考核|评审)小组$/,
  // 莲河西路南延工程 · 农村道路建设项目工程: building a road or a bridge is a works project, not a programme.
  工程: INFRASTRUCTURE_WORKS,
  // 国家知识产权保护示范区 is a designation a place earns; 苏南国家自主创新示范区 is a place.
  示范区: /^(?:国家|省级|省|市级|全国)/,
};
const MAX_NAME = 30;
const ZONE_BEFORE = /(?:示范区|开发区|高新区|产业园|集聚区|新区)$/;
// Kinds a field alone does not name (组建汽车产业创新联合体 · 光电信息产业集聚区): only a place opening them does
// (太原能源技术创新联合体 · 江东直播电商集聚区).
const NAMED_BY_PLACE = new Set(['创新联合体', '创新券', '集聚区', '学校']);
const DESIGNATED = /(?:获批|获评|被认定为|认定为|被评为|评为|入选|获得|成为)$/;
// 赣南 · 苏北 · 浙西 · 鲁西南: a part of a province, named by the province's one-character abbreviation (ingest/place's
// division list) and a compass word; the division list names no such region, yet it is a place.
const COMPASS = /^[东南西北中]{1,2}/;
function opensWithRegion(name: string): boolean {
  return (
    COMPASS.test(name.slice(1)) &&
    divisions()
      .abbreviated(name[0])
      .some((d) => d.level === 'province')
  );
}
/** 烟台 · 赣州市: a word that is a whole place name, full or short (ingest/place's division list). */
function isPlaceWord(text: string, word: Token): boolean {
  const place = placesOpening(text.slice(word.start, word.end + 4), true)[0];
  return place !== undefined && place.start === 0 && place.end === word.end - word.start;
}
/** 湖北省临床医学研究中心 → 临床医学研究中心: the name less the place it opens with (ingest/place's division list). */
function withoutPlace(name: string): string {
  const place = placesOpening(name, false).at(-1);
  return place ? name.slice(place.end) : name;
}
/** A determiner right before a candidate: 各 · 每个 · 该 · 这些 · 上述 · 一批 · 一些 · 若干 · 多个 · 各类 · 相关 · 部分. */
const DETERMINER_BEFORE =
  /(?:各|每个|每|该|此|这|这个|这些|上述|一批|一些|若干|多个|多家|各类|各级|相关|部分|一系列|一大批|众多|诸多)$/;
/**
 * 碳达峰领域科创平台 · 生物医药方面研究院: a name never says "in the field of"; X领域 + a kind of thing is
 * the kind, narrowed to a field.
 */
const FIELD_WORD = /(?:领域|方面|行业类|门类)/;
/** 温岭职业学院一期工程 · 二期项目: a phase of building something; the thing built is named before it. */
const PHASE_BEFORE = /[一二三四五六七八九首]期$/;
// Bodies named by their task after their level word: 市高企认定工作小组 · 县人才住房销售管理工作协调小组.
const TASK_BODY = new Set(['小组', '办公室']);
const TASK_TAGS_BREAK = /^(?:p|c|r|m|q|u|uj|ul|y|t|f)$/;
const ACTOR_KIND = /^(?:企业|高校|院所|单位|机构|部门|园区|主体|团队|群众|人才|专家)$/;
const COUNTED =
  /^(?:达到?|超过?|突破)?\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千两]+)\s*(?:万|亿)?\s*(?:个|家|所|座|项|批|支|条|名|人|位)/;
const FOLLOWERS = /^(?:成员|单位|讨论|研究|会议|负责人)$/;
// 省政府十分重视园区 · 专门批示安排园区: words of manner and degree make a clause, not a name.
const CLAUSE_ADVERB =
  /^(?:十分|专门|非常|高度|积极|大力|不断|切实|认真|主动|全面|进一步|持续|一直|已经|正在|始终|特别|尤其)/;
const BODY_SUFFIXES = SUFFIX_RULES.filter((r) => r.kind === 'Organization' || r.kind === 'Enterprise').map(
  (r) => r.suffix,
);
const BY_SUFFIX = new Map(SUFFIX_RULES.map((rule) => [rule.suffix, rule]));
/** Every suffix of the table, longest first, in one pattern: one pass over a sentence finds every candidate end. */
const ANY_SUFFIX = new RegExp(
  [...BY_SUFFIX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[()（）]/g, '\\$&'))
    .join('|'),
  'g',
);

/**
 * Names found by their suffix (瓯江实验室, 正泰集团, 科技部), with the left
 * edge found by `leftEdge`. 《》 titles are skipped: a policy title is one
 * thing, not the labs it names.
 */
export function suffixNames(
  letter: ParsedLetter,
  sentence: Sentence,
  tokens: Token[],
  masked: (offset: number) => boolean,
): Mention[] {
  const text = letter.text;
  // Candidate ends, each with the longest suffix ending there; scanned right to left so a name found hides what it contains.
  const ends = new Map<number, SuffixRule>();
  for (let from = 0; from < sentence.text.length; from++) {
    ANY_SUFFIX.lastIndex = from;
    const match = ANY_SUFFIX.exec(sentence.text);
    if (!match) break;
    const end = sentence.start + match.index + match[0].length;
    const rule = BY_SUFFIX.get(match[0])!;
    const known = ends.get(end);
    if (!known || known.suffix.length < rule.suffix.length) ends.set(end, rule);
    from = match.index;
  }
  const mentions: Mention[] = [];
  let floor = Infinity;
  for (const end of [...ends.keys()].sort((a, b) => b - a)) {
    if (end > floor || masked(end - 1)) continue;
    const rule = ends.get(end)!;
    // A name ends at a word boundary: 研究院 in 研究院所 is not a name's end
    // (but jieba glues 小组讨论, 小组成员: a name followed by what it does or holds).
    const holding = tokenAt(tokens, end);
    const next = holding !== -1 && tokens[holding].start < end ? tokens[holding] : undefined;
    // (青山湖科技城和云栖小镇: a joiner glued after the suffix (城和云栖) still ends the name.)
    if (
      next &&
      !next.word.endsWith(rule.suffix) &&
      !FOLLOWERS.test(text.slice(end, next.end)) &&
      // (澄江科技城/内: a locative the segmenter glued after the name says where, the name ends before it.)
      !/^[内中里外间]$/.test(text.slice(end, next.end)) &&
      !/^[和与及]/.test(text.slice(end, end + 1))
    )
      continue;
    // 资金链 · 产业链: a chain of something is not a name that ends before 链.
    if (text[end] === '链') continue;
    const mention = withPlaceBracket(text, tokens, nameEndingAt(text, tokens, rule, end, sentence.start, masked));
    if (mention) {
      mentions.push(mention);
      floor = mention.start;
    }
  }
  return mentions;
}

function nameEndingAt(
  text: string,
  tokens: Token[],
  rule: SuffixRule,
  end: number,
  floor: number,
  masked: (o: number) => boolean,
): Mention | undefined {
  const suffixStart = end - rule.suffix.length;
  // 依托湘南湘西承接产业转移示范区平台: 平台 right after a zone's head word says what the zone serves as; the name is the
  // zone's, found by its own suffix.
  if (rule.suffix === '平台' && ZONE_BEFORE.test(text.slice(Math.max(floor, suffixStart - 3), suffixStart)))
    return undefined;
  const edge = leftEdge(
    text,
    tokens,
    suffixStart,
    floor,
    rule.kind === 'Enterprise' && !rule.strict,
    rule.kind === 'Enterprise',
  );
  if (edge === undefined) return undefined;
  const start = TASK_BODY.has(rule.suffix) ? taskBodyStart(text, tokens, edge, floor, end) : edge;
  if (end - start > MAX_NAME) return undefined;
  for (let k = start; k < end; k++) if (masked(k)) return undefined;
  // 68家高能级科创平台: a measure word after a number is not the start of a name.
  if (start > floor && /[\d０-９]/.test(text[start - 1])) return undefined;
  // 市公交集团计划在…新建: 计划 after a body's or a firm's name is the verb "plans", not a scheme's head.
  if (rule.suffix === '计划' && BODY_SUFFIXES.some((s) => text.slice(start, end - 2).endsWith(s))) return undefined;
  // 被评为全国优秀科技特派员: an honour a person earns is no programme.
  if (
    rule.kind === 'Programme' &&
    /(?:评为|获评|荣获|授予|评选为)$/.test(text.slice(Math.max(floor, start - 3), start))
  )
    return undefined;
  // 各开发区管委会 · 每个乡镇政府: what every place has is a category, not a name; 该路段大中修工程 points
  // back at what the letter described, it does not name it; 拟建设一批科技人才培养基地 · 支持相关研究平台:
  // a determiner of quantity says how many of a kind, so what follows is the kind.
  // (A determiner is at most three characters: only those before the name are read, not the sentence up to it.)
  if (
    DETERMINER_BEFORE.test(text.slice(Math.max(floor, start - 3), start)) ||
    PLACES_AS_CLASS_BEFORE.test(text.slice(floor, start))
  )
    return undefined;
  // 新增省级农业科技示范基地3个以上 · 新型研发机构50家: a kind of thing being counted is a category, not a name.
  // (A、B2家 counts the listed names: the last of a list keeps its name.)
  if (COUNTED.test(text.slice(end, end + 8)) && text[start - 1] !== '、') return undefined;
  // 贵委会, 管委会: 委 followed by 会 ends no name here (委员会 has its own row).
  if (rule.suffix === '委' && text[end] === '会') return undefined;
  // 专项政策, 计划任务: the suffix word modifies what follows, so it does not end a name here
  // (but 软科学研究计划项目 are the projects of a named 计划).
  const next2 = text.slice(end, end + 2);
  if (
    rule.kind === 'Programme' &&
    /^(?:政策|资金|经费|办法|规划|项目|任务|方案|管理|申报)/.test(next2) &&
    !(rule.suffix === '计划' && next2 === '项目')
  )
    return undefined;
  // 银龄驿站项目已列入民生实事: a platform's word before 项目 names the project of building one, not the platform.
  if (rule.kind === 'Platform' && next2 === '项目') return undefined;
  let from = start;
  // 引入瓯海城建集团 · 对接滨江科技园: a verb right before a place's name takes the name as its object,
  // whatever the suffix (a name opens with its place; the verb list in left-stops.ts cannot hold every verb).
  // (指导/n 顺德区公共交通有限公司 · 指导/n 临安区科技局: a name opens with its place, whatever the segmenter calls the
  // word before; 帮助/v 解决/v 临安光电研究院: so do two verbs in a row.)
  {
    // Up to two words before the place: 指导/n 临安区… · 帮助/v 解决/v 临安… (past the first, only verbs: 徽商/n 银行/n
    // 芜湖分行 is one bank's branch); before a firm's place, a first word whatever it is tagged.
    const VERBAL = /^(?:v|vd|d|ad)$/;
    const first = tokenAt(tokens, start);
    for (let i = first; i >= 0 && i < first + 2 && tokens[i].start >= start; i++) {
      const word = tokens[i];
      const place = tokens[i + 1];
      const opens =
        word.word.length === 2 &&
        (VERBAL.test(word.tag) ||
          (i === first && (word.tag === 'n' || (rule.kind === 'Enterprise' && !/^(?:ns|nr|nz|nt)/.test(word.tag)))));
      // (烟台/n 海洋/ns 装备…基地 · 烟台/n 黄渤海/ns 新区: a word that is itself a place (the division list's name or
      // short name) opens the name as the place before it does, it is not a verb taking it as an object.)
      if (!opens || !place || place.end > end - rule.suffix.length || isPlaceWord(text, word)) break;
      // (国际/n 云/ns 软件谷: a one-character 'place' is a word of the name.)
      // (委托/n 桂林/nr 漓江…有限公司: a place the segmenter tags as a person's name is a place all the same.)
      if ((place.tag === 'ns' && place.word.length >= 2) || isPlaceWord(text, place)) {
        from = place.start;
        break;
      }
      if (!VERBAL.test(word.tag) || !VERBAL.test(place.tag)) break;
    }
  }
  // 乐清电气产业集群: a short firm suffix before an industry word names the industry, not a firm.
  if (
    rule.strict &&
    rule.kind === 'Enterprise' &&
    /^(?:产业|行业|领域|集群|装备|企业|产品|设备|制造|板块|信息|元器件)/.test(text.slice(end, end + 3))
  )
    return undefined;
  // 一次性电子/n 内窥镜/n: a short firm suffix right before another noun qualifies that noun (a product), it ends no
  // firm's name (华岳电子牵头 · 华岳电子、… · 华岳电子等: a firm's short name stands before a verb or a list's mark).
  const following = tokens[tokenAt(tokens, end)];
  if (
    rule.strict &&
    rule.kind === 'Enterprise' &&
    following?.start === end &&
    following.word.length >= 2 &&
    /^(?:n|ng|nz)$/.test(following.tag)
  )
    return undefined;
  if (rule.strict) {
    // 给予砚山承接产业加工园区: the verb that takes the name as its object is not part of it.
    const inside: Token[] = [];
    for (let i = Math.max(0, tokenAt(tokens, start)); i < tokens.length && tokens[i].end <= suffixStart; i++)
      if (tokens[i].start >= start) inside.push(tokens[i]);
    // (But 环/v 龙门湖科创带: one character the segmenter split off a place's name is the name's own; and 、飞越/v
    // 机电: a list item opens with its name, there is no verb to take it as an object.)
    const itemStart = text[start - 1] === '、';
    // 推动保定/v 国家高新区: a place the segmenter reads as a verb opens the name (ingest/place's division list).
    const opensWithPlace = placesOpening(text.slice(start, suffixStart), true).length > 0;
    // 组织企业参加中国（绵阳）科技城…博览会: a kind of actor and its verb open the clause, not the name.
    if (!itemStart && inside.length > 2 && ACTOR_KIND.test(inside[0].word) && inside[1].tag === 'v') {
      inside.splice(0, 2);
      from = inside[0].start;
    }
    while (
      !itemStart &&
      !opensWithPlace &&
      inside.length > 0 &&
      inside[0].tag === 'v' &&
      !(inside[0].word.length === 1 && inside[1]?.tag === 'ns')
    )
      from = inside.shift()!.end;
    // 省政府专门批示安排园区: a body followed by what it did is a clause (东坡承接产业转移园区 is a name).
    const subject = inside.length > 0 && /(?:政府|局|委|厅|部|办)$/.test(inside[0].word);
    if (
      (subject && inside.slice(1).some((t) => t.tag === 'v')) ||
      inside.some((t, k) => CLAUSE_ADVERB.test(t.word) || (t.tag === 'm' && !numeralOfPlace(t, inside[k + 1])))
    )
      return undefined;
  }
  // …和特色优势专业三大行动 · 茶叶、刺梨两大产业基地: a count sums up a list, it does not name one thing.
  if (/[一二三四五六七八九十两\d][大项个类级]/.test(text.slice(from, suffixStart))) return undefined;
  if (FIELD_WORD.test(text.slice(from, suffixStart))) return undefined;
  if (rule.kind === 'Programme' && PHASE_BEFORE.test(text.slice(from, suffixStart))) return undefined;
  const raw = text.slice(from, end);
  // Organizations keep their level word (市司法局立法处); other names lose it where it only qualifies.
  // (A firm keeps it too: 市融担公司 · 市中小企业融资担保有限公司 are the companies' own short names.)
  const { name, stripped: cut } = stripQualifiers(raw, rule.kind === 'Organization' || rule.kind === 'Enterprise');
  const stripped = from - start + cut;
  if (
    name.length < rule.minLength ||
    NOT_A_NAME[rule.suffix]?.test(name) ||
    opensWithGrade(name) ||
    PLACES_AS_CLASS_OPENING.test(name)
  )
    return undefined;
  if (NAMED_BY_PLACE.has(rule.suffix) && placesOpening(name, true).length === 0 && !opensWithRegion(name))
    return undefined;
  if (isGenericName(name) && !launched(text, floor, start + stripped, rule, name)) return undefined;
  // 获批湖北省临床医学研究中心 · 被认定为省级企业技术中心: a title a body earns, made of a place and common words,
  // is a kind of platform (湖北省 + 临床医学研究中心), not a name.
  if (DESIGNATED.test(text.slice(floor, start + stripped)) && isGenericName(withoutPlace(name))) return undefined;
  if (/^[^\u4e00-\u9fa5A-Za-z]/.test(name) || /[“”"《》]/.test(name)) return undefined;
  // 巨系统工程 · 更优民生工程: a describing word before a category is still a category.
  const firstAt = tokenAt(tokens, start + stripped);
  const first = firstAt === -1 ? undefined : tokens[firstAt];
  // (A two-character place or firm name the segmenter tags nr — 康宁药业, 白沙经济开发区 — is not a describing word;
  // nor is a place the division list names, however it is tagged: 大连/d 高新技术产业园区.)
  const describing =
    first &&
    !isPlaceWord(text, first) &&
    (/^(?:a|ad|d|m)$/.test(first.tag)
      ? first.end - first.start <= 2
      : first.tag === 'nr' && first.end - first.start === 1);
  if (describing && isGenericName(text.slice(first!.end, end))) return undefined;
  // 生物制药 · 工程机械: a trade word inside one dictionary word names a field; a firm's short name puts a coined or a
  // proper word before it (星驰/nz 电子 · 华岳/x 电子 · 康宁/nr 药业 · 新界/n 泵业).
  if (rule.strict && rule.kind === 'Enterprise' && isOneCommonWord(tokens, start + stripped, end)) return undefined;
  // 人民银行常州市分行 · 中国人民银行澄江支行: the central bank's branches are a state agency, not a bank's business.
  const kind = rule.kind === 'Enterprise' && CENTRAL_BANK.test(name) ? 'Organization' : rule.kind;
  return { kind, name, start: start + stripped, end, rule: `suffix:${rule.suffix}` };
}

const CENTRAL_BANK = /^(?:中国)?人民银行/;

/** Whether the text from `start` to `end` is one word the dictionary tags a common noun (生物制药/n). */
export function isOneCommonWord(tokens: Token[], start: number, end: number): boolean {
  const word = tokens[tokenAt(tokens, start)];
  return word !== undefined && word.start === start && word.end === end && word.tag === 'n';
}

// 哈尔滨工业大学(深圳) · 中国科学院(温州)研究所: a place in brackets right after a body's name names its campus or branch.
const PLACE_BRACKET_AFTER = /^[（(]([\u4e00-\u9fa5]{2,4})[）)]/;

function withPlaceBracket(text: string, tokens: Token[], mention: Mention | undefined): Mention | undefined {
  if (!mention || mention.kind === 'Programme' || mention.kind === 'Policy') return mention;
  const bracket = PLACE_BRACKET_AFTER.exec(text.slice(mention.end, mention.end + 8));
  const place = bracket ? tokens[tokenAt(tokens, mention.end + 1)] : undefined;
  if (!bracket || !place || place.tag !== 'ns' || place.end !== mention.end + 1 + bracket[1].length) return mention;
  const end = mention.end + bracket[0].length;
  return { ...mention, name: mention.name + text.slice(mention.end, end), end };
}

/**
 * A working group's task may hold a verb the left edge stops at (经市高企认定工作小组 stops at 认定,
 * leaving the bare category 工作小组): when what is left is a category, the name reaches back to
 * the level word (市/县/省/区) that opens it, over words that can stand in a name.
 */
function taskBodyStart(text: string, tokens: Token[], edge: number, floor: number, end: number): number {
  const place = placeOpeningTask(text, tokens, edge, floor);
  if (place !== undefined) return place;
  if (!isGenericName(text.slice(edge, end))) return edge;
  for (let at = edge - 1; at >= Math.max(floor, edge - 10); at--) {
    if (/[\p{P}\p{S}\s\d]/u.test(text[at])) return edge;
    const index = tokenAt(tokens, at);
    if (index !== -1 && tokens[index].start >= at && TASK_TAGS_BREAK.test(tokens[index].tag)) return edge;
    if (/[市县省区]/.test(text[at]) && (at === floor || /[经由向与在和及对将把，,、]/.test(text[at - 1]))) return at;
  }
  return edge;
}

/**
 * 以重庆市推动西部(重庆)科学城建设工作领导小组办公室名义: a group named by its task opens with the place whose
 * group it is, then the task's verb (推动, 建设), which the left edge stops at. Where the words the edge stopped
 * at go back (within one clause, over a bracketed place) to a place that opens the clause, the name starts there.
 */
const TASK_CLAUSE_OPENER = /^(?:[p]|c|uj)$/;
function placeOpeningTask(text: string, tokens: Token[], edge: number, floor: number): number | undefined {
  const first = tokenAt(tokens, edge);
  if (first <= 0 || !/^(?:v|vn)$/.test(tokens[first - 1].tag)) return undefined;
  let depth = 0;
  for (let i = first - 1; i >= 0 && tokens[i].start >= floor && edge - tokens[i].start <= 24; i--) {
    const t = tokens[i];
    if (t.word === ')' || t.word === '）') depth++;
    else if (t.word === '(' || t.word === '（') depth--;
    else if (/^[\p{P}\p{S}\s]+$/u.test(t.word) || t.word === '的') return undefined;
    // 重庆市/ns · 澄江/ns 市/n: a place with its level word.
    const placed = /[省市县区]$/.test(t.word) || /^[省市县区]$/.test(tokens[i + 1]?.word ?? '');
    if (depth === 0 && t.tag === 'ns' && placed) {
      const before = tokens[i - 1];
      const opens =
        !before ||
        before.start < floor ||
        TASK_CLAUSE_OPENER.test(before.tag) ||
        /^[\p{P}\s]+$/u.test(before.word) ||
        /(?:发挥|充分发挥|经|由|以|按照|根据)$/.test(before.word);
      return opens ? t.start : undefined;
    }
  }
  return undefined;
}

// 深入实施中小企业数字化赋能专项行动: a long scheme the letter says it launched is named by its words,
// though each is a common one (a short 科技服务行动 stays a category; see LAUNCHED_MIN_LENGTH).
const LAUNCH = /(?:实施|开展|启动|组织开展|深入实施|深入开展|全面实施)$/;
function launched(text: string, floor: number, start: number, rule: SuffixRule, name: string): boolean {
  return (
    rule.kind === 'Programme' &&
    /(?:行动|工程|计划)$/.test(name) &&
    name.length >= LAUNCHED_MIN_LENGTH &&
    LAUNCH.test(text.slice(Math.max(floor, start - 6), start))
  );
}
