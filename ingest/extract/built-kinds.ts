import { placesOpening } from '../place/place-names.ts';
import type { Mention } from './mention.ts';
import { tokenize } from './tokens.ts';

/**
 * What a verb of building makes, when it is field words and a generic head, is a kind of site, not a site:
 * 推动研究院建设动力电池检测公共服务平台 · 在开发区布局永磁电机中试平台 · （二）布设质量服务驿站。 A name has a part that is
 * its own — a place (建设湖北省新型储能中试平台), a level (建设市…平台), a coined or proper word the segmenter does not
 * know as a common one (打造陶溪川文创街区 · 建设赣江数智谷), a quote — and keeps it. 建成 (built, done) is left out:
 * what a body has built is one thing it names (我局建成交通运行监测调度中心).
 */
// The verb right before the name: 建设 · 打造 · 搭建 · 布局 · 布设 · 筹建.
const BUILDING_VERB = /(?:建设|打造|搭建|布局|布设|筹建)$/;
// Heads a letter gives to kinds of site (平台 · 驿站 · 基地 · 园区 · 服务站); institutions (研究院, 中心) are named by field.
const SITE_HEAD = /(?:平台|驿站|基地|园区|服务站)$/;
// A level or a quote opens or stands in a name of its own: 市工业互联网平台 · “长江渝融通”线上服务平台.
const OWN_PART = /^[省市州县区盟旗]|[“”"‘’《》（）()]/;
// Tags of words that are a name's own: unknown to the dictionary (x), a person's or a place's name, a bound morpheme.
const PROPER_TAG = /^(?:x|nr|nrt|ns|zg)$/;

// A count right before it (建设3个良种繁育基地 · 新增两个…平台) says how many of a kind, as a verb of building does.
const COUNT_BEFORE = /[\d０-９一二两三四五六七八九十百几多]+[个座家处批]$/;
// A name right before 建设 · 打造 is the builder (推动澜江研究院建设…平台): the four-chain reading takes it as the one
// pushed only while a name follows it (ingest/chains/reading.ts), so the object stays a mention there.
const BUILDER_VERB = /^(?:建设|打造)$/;

export function isBuiltKind(text: string, mention: Mention, mentions: Mention[] = []): boolean {
  if (mention.kind !== 'Platform' || !SITE_HEAD.test(mention.name) || OWN_PART.test(mention.name)) return false;
  const verb = text.slice(Math.max(0, mention.start - 2), mention.start);
  if (!BUILDING_VERB.test(verb) && !COUNT_BEFORE.test(text.slice(Math.max(0, mention.start - 4), mention.start)))
    return false;
  if (BUILDER_VERB.test(verb) && mentions.some((m) => m.end === mention.start - 2)) return false;
  if (placesOpening(mention.name, true).some((p) => p.start === 0)) return false;
  return tokenize(mention.name).every((t) => t.word.length > 1 && !PROPER_TAG.test(t.tag));
}

export function withoutBuiltKinds(text: string, mentions: Mention[]): Mention[] {
  const kinds = new Set(mentions.filter((m) => isBuiltKind(text, m, mentions)).map((m) => m.name));
  // (The same words elsewhere in the letter — 在张店区建成质量服务驿站 after （二）布设质量服务驿站 — are the same kind.)
  return kinds.size === 0 ? mentions : mentions.filter((m) => m.kind !== 'Platform' || !kinds.has(m.name));
}
