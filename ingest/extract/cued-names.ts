import type { Sentence } from '../parse/parse-letter.ts';
import {
  BUILT_SUBJECT,
  CATEGORY_HEAD,
  LAUNCHED_MIN_LENGTH,
  DISTINCTION_VERB,
  ENTERPRISE_DISTINCTION,
  LISTED_SUBJECT,
  OBJECT_CUES,
  type ObjectCue,
} from '../rules/name-cues.ts';
import { SUFFIX_RULES } from '../rules/name-suffixes.ts';
import { LEFT_STOPS } from '../rules/left-stops.ts';
import { isGenericName, opensWithGrade, stripQualifiers } from './generic.ts';
import { INFRASTRUCTURE_WORKS } from './suffix-names.ts';
import { framedSchemes } from './framed-names.ts';
import { leftEdge } from './left-edge.ts';
import type { Mention } from './mention.ts';
import { type Token, tokenAt } from './tokens.ts';

/**
 * Bare names found by the verb that frames them (ingest/rules/name-cues.ts):
 * 创建省级科技工作先进县 · 列入我市新型智慧城市第二期建设项目 ·
 * 智慧小屋项目已列入… · 奔腾激光入选省首批创新联合体.
 */
export function cuedNames(
  text: string,
  sentence: Sentence,
  tokens: Token[],
  masked: (o: number) => boolean,
): Mention[] {
  return [
    ...OBJECT_CUES.flatMap((cue) => cuedObjects(text, sentence, tokens, cue)),
    ...listedSubjects(text, sentence, tokens),
    ...builtSubjects(text, sentence, tokens),
    ...framedSchemes(sentence, tokens),
    ...distinguishedFirms(text, sentence, tokens),
  ].filter((m) => !masked(m.start) && !masked(m.end - 1));
}

// Level words that only say whose the scheme is (我市新型智慧城市 → 新型智慧城市); 省级 and 国家 stay, they grade it.
const OWNER = /^(?:我市|全市|本市|我县|全县|本县|我区|全区|本区|我省|全省|本省)/;
// A name runs inside one clause: no punctuation, no quote or title marks.
const CLAUSE_BREAK = /[\p{P}\p{S}\s\d０-９]/u;
const MAX_NAME = 20;
// Word classes that cannot stand inside a bare name: pronouns, prepositions, conjunctions, particles, numbers, time words.
const NOT_IN_NAME = /^(?:r|p|c|u|uj|ul|uz|ug|ud|uv|y|m|q|t|f|e|o)$/;

function cuedObjects(text: string, sentence: Sentence, tokens: Token[], cue: ObjectCue): Mention[] {
  const mentions: Mention[] = [];
  const s = sentence.text;
  const { verbs, opening } = cuePatterns(cue);
  for (const verb of s.matchAll(verbs)) {
    let from = verb.index! + verb[0].length;
    const owner = OWNER.exec(s.slice(from));
    if (owner) from += owner[0].length;
    let limit = from;
    while (limit < s.length && limit - from < MAX_NAME && !CLAUSE_BREAK.test(s[limit])) limit++;
    const head = firstHead(s.slice(from, limit), cue.head);
    if (!head) continue;
    const start = sentence.start + from;
    const end = start + head;
    const name = text.slice(start, end);
    // 启动实施科技计划项目: a second verb of the cue opens the span; its own match reads what follows it.
    if (opening.test(name)) continue;
    // (A long launched scheme is named by its words though each is common: 深入实施中小企业数字化赋能专项行动.)
    if (INFRASTRUCTURE_WORKS.test(name)) continue;
    // 创建国家创新型城市示范区: the title runs on into a longer name, which other rules read.
    if (/^(?:示范区|试验区|先行区|示范|试点)/.test(text.slice(end, end + 3))) continue;
    if (
      name.length < cue.minLength ||
      // (…but never one opening with a grade of places: 实施州级重大科技专项 launches projects of a kind, generic.ts.)
      (isGenericName(name) &&
        !(cue.name === 'launched' && name.length >= LAUNCHED_MIN_LENGTH && !opensWithGrade(name))) ||
      !cleanWords(tokens, start, end)
    )
      continue;
    mentions.push({ kind: cue.kind, name, start, end, rule: `cue:${cue.name}` });
  }
  return mentions;
}

/** Where the first head ends (行动计划 is one head: a second one right after the first is taken too), or 0. */
function firstHead(span: string, head: RegExp): number {
  let pattern = headPatterns.get(head);
  if (!pattern) headPatterns.set(head, (pattern = new RegExp(`^.+?(?:${head.source})(?:${head.source})?`)));
  return pattern.exec(span)?.[0].length ?? 0;
}

/**
 * A cue's verbs anywhere in a sentence, and opening a span: made once per cue, not for every sentence and every
 * match (matchAll reads a copy of the pattern, so one global pattern serves every sentence).
 */
const cuePattern = new Map<ObjectCue, { verbs: RegExp; opening: RegExp }>();
const headPatterns = new Map<RegExp, RegExp>();

function cuePatterns(cue: ObjectCue): { verbs: RegExp; opening: RegExp } {
  let patterns = cuePattern.get(cue);
  if (!patterns) {
    const verbs = cue.before.source.replace(/\$$/, '');
    cuePattern.set(cue, (patterns = { verbs: new RegExp(verbs, 'g'), opening: new RegExp(`^(?:${verbs})`) }));
  }
  return patterns;
}

/** 智慧小屋项目已列入… — the subject put into a scheme is a programme of its own. */
// (matchAll reads a copy: one global pattern serves every sentence.)
const LISTED_HEADS = new RegExp(LISTED_SUBJECT.head.source.replace(/\$$/, ''), 'g');

function listedSubjects(text: string, sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  const s = sentence.text;
  const heads = LISTED_HEADS;
  for (const head of s.matchAll(heads)) {
    const endInSentence = head.index! + head[0].length;
    if (!LISTED_SUBJECT.after.test(s.slice(endInSentence))) continue;
    const end = sentence.start + endInSentence;
    let start = leftEdge(text, tokens, sentence.start + head.index!, sentence.start);
    if (start === undefined) continue;
    // 社区养老及银龄驿站项目已列入: the item next to the verb is the one named with the head.
    for (let i = Math.max(0, tokenAt(tokens, start)); i < tokens.length && tokens[i].end <= end; i++)
      if (tokens[i].tag === 'c') start = tokens[i].end;
    const name = text.slice(start, end);
    if (
      name.length < 4 ||
      name.length > MAX_NAME ||
      isGenericName(name) ||
      OWNER.test(name) ||
      INFRASTRUCTURE_WORKS.test(name) ||
      !cleanWords(tokens, start, end)
    )
      continue;
    // 该路段大中修工程已纳入…: a demonstrative points back at a described thing, it names none.
    if (/(?:各|每|该|此|这|这个|这些|上述)$/.test(text.slice(sentence.start, start))) continue;
    mentions.push({ kind: 'Programme', name, start, end, rule: 'cue:listed-subject' });
  }
  return mentions;
}

const OPENING_VERB = new RegExp(`^(?:${LEFT_STOPS.filter((w) => w.length >= 2).join('|')})`);
const BUILT_SUBJECT_VERB = new RegExp(`^(?:${LEFT_STOPS.filter((w) => w.length >= 2).join('|')})`);

/** 创新工厂已全面结顶: the subject of a clause about building it, opening the clause, is a platform. */
function builtSubjects(text: string, sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  for (const clause of sentence.text.matchAll(/[^，,。；;：:！？!?\n]+/g)) {
    const opener = /^(?:其中|目前|同时|此外|在[\u4e00-\u9fa5]{2,12}?(?=[，,]))?/.exec(clause[0])![0].length;
    const head = /^[\u4e00-\u9fa5]{2,16}?/.exec(clause[0].slice(opener));
    if (!head) continue;
    const rest = clause[0].slice(opener);
    for (let end = 2; end <= Math.min(rest.length, 16); end++) {
      const subject = rest.slice(0, end);
      if (!BUILT_SUBJECT.head.test(subject) || !BUILT_SUBJECT.after.test(rest.slice(end))) continue;
      // (建设创新服务中心已完工: what a verb builds is its object, not the clause's subject.)
      if (BUILT_SUBJECT_VERB.test(subject)) break;
      const { name, stripped } = stripQualifiers(subject);
      const start = sentence.start + clause.index! + opener + stripped;
      if (name.length >= 4 && cleanWords(tokens, start, start + name.length))
        mentions.push({ kind: 'Platform', name, start, end: start + name.length, rule: 'cue:built-subject' });
      break;
    }
  }
  return mentions;
}

// A clause opens after punctuation, or after a word that introduces an example.
// (园内星联科技…获评: where the firms are, 园内 · 区内 · 市内, opens the clause too.)
const CLAUSE_OPENER = /^(?:其中|例如|比如|如|此外|同时|另外|[园区市省县镇境][内中])?/;
const OTHER_KIND_SUFFIXES = SUFFIX_RULES.filter((r) => r.kind !== 'Enterprise').map((r) => r.suffix);

/**
 * 奔腾激光入选省首批创新联合体 · 瑞丰机械、华辰新材获批省级企业技术中心: short bare
 * subjects (one, or a list joined by 、和及) of a distinction only a firm earns.
 */
function distinguishedFirms(text: string, sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  for (const clause of sentence.text.matchAll(/[^，,。；;：:！？!?\n]+/g)) {
    const opener = CLAUSE_OPENER.exec(clause[0])![0].length;
    const body = clause[0].slice(opener);
    const subject =
      /^[\u4e00-\u9fa5A-Za-z、和及与]{2,40}?(?=(?:成功)?(?:入选|获评|获批|荣获|获得|被评为|被认定为|被列为|认定为|获认定为|建成|牵头组建|牵头承担))/.exec(
        body,
      );
    if (!subject) continue;
    const rest = body.slice(subject[0].length);
    if (!DISTINCTION_VERB.test(rest) || !ENTERPRISE_DISTINCTION.test(rest)) continue;
    let at = sentence.start + clause.index! + opener;
    for (const [k, item] of subject[0].split(/[、和及与]/).entries()) {
      // 引导晶能光电、联创电子…牵头组建: the verb that opens the clause is not the first firm's.
      const verb = k === 0 ? (OPENING_VERB.exec(item)?.[0].length ?? 0) : 0;
      const name = item.slice(verb);
      const start = at + verb;
      at += item.length + 1;
      const firm = firmNamed(name, start, tokens);
      if (firm) mentions.push(firm);
    }
  }
  return mentions;
}

export function firmNamed(name: string, start: number, tokens: Token[]): Mention | undefined {
  const end = start + name.length;
  if (
    name.length < 2 ||
    name.length > 8 ||
    isGenericName(name) ||
    CATEGORY_HEAD.test(name) ||
    OWNER.test(name) ||
    OTHER_KIND_SUFFIXES.some((x) => name.endsWith(x))
  )
    return undefined;
  const words = wordsIn(tokens, start, end);
  if (
    !words ||
    words.some(
      (t) => NOT_IN_NAME.test(t.tag) || t.tag === 'd' || (t.tag.startsWith('v') && t === words[words.length - 1]),
    )
  )
    return undefined;
  // A person (张华入选…) or a place alone (澜城获评…) is not a firm.
  if (words.length === 1 && /^(?:nr|ns)/.test(words[0].tag)) return undefined;
  return { kind: 'Enterprise', name, start, end, rule: 'cue:distinction' };
}

/** The tokens exactly covering [start, end), or undefined when a token crosses either edge. */
function wordsIn(tokens: Token[], start: number, end: number): Token[] | undefined {
  const first = tokenAt(tokens, start);
  if (first === -1 || tokens[first].start !== start) return undefined;
  const words: Token[] = [];
  for (let i = first; i < tokens.length && tokens[i].start < end; i++) words.push(tokens[i]);
  return words.length > 0 && words[words.length - 1].end === end ? words : undefined;
}

/** No pronoun, preposition, particle, number or time word inside the name's own words (whatever the segmenter glued at its edges). */
export function cleanWords(tokens: Token[], start: number, end: number): boolean {
  for (let i = Math.max(0, tokenAt(tokens, start)); i < tokens.length && tokens[i].start < end; i++) {
    const t = tokens[i];
    // 第二期 · 第三批: an ordinal is part of a phase's name; 创新走廊建设三年行动: so is a span of years after the
    // scheme's subject (a name that opens with it, 三年行动计划, names nothing).
    const part = /^第/.test(t.word) || (/^[一二三四五两\d]+年$/.test(t.word) && t.start > start);
    if (t.start >= start && t.end <= end && NOT_IN_NAME.test(t.tag) && !part) return false;
  }
  return true;
}
