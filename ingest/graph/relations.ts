import type { EdgeType } from '../../domain/model.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';

/**
 * SUPPORTS and PART_OF edges where a sentence says so.
 * - SUPPORTS: a Policy, Programme, Platform or Organization and, after it in
 *   the same sentence, a Platform or Enterprise, with a verb of support between
 *   them: “科创指数”融资模式实现高新技术企业授信 · 依托瓯江实验室… · 用好省激光智能装备技术创新中心.
 * - PART_OF: a layout programme that counts valleys and ports (“一港五谷”)
 *   and a platform named …谷 or …港 in the same paragraph: 中国眼谷 PART_OF 一港五谷.
 */
export interface Relation {
  type: Extract<EdgeType, 'SUPPORTS' | 'PART_OF'>;
  source: string;
  target: string;
  start: number;
  end: number;
  rule: string;
}

const SUPPORT_VERB = /支持|赋能|扶持|助力|依托|服务|支撑|带动|保障|培育|孵化|资助|补助|奖励/;
const SUPPORTERS = new Set(['Policy', 'Programme', 'Platform', 'Organization']);
const SUPPORTED = new Set(['Platform', 'Enterprise']);
// 一港五谷 · 一区一廊一会一室一集群: a layout counts the kinds of place it is made of.
const LAYOUT = /[一二三四五六七八九十两双]([港谷区廊园城湾岛])/g;

export function letterRelations(extraction: LetterExtraction, nodeOf: Map<Mention, string>): Relation[] {
  const { letter, mentions } = extraction;
  const relations: Relation[] = [];
  const body = mentions.filter((m) => !m.rule.startsWith('header')).sort((x, y) => x.start - y.start);
  // Sentences and mentions are both in text order: one walk pairs them, and a supported thing is looked
  // for only within 30 characters after its supporter, so a letter of one endless sentence stays linear.
  let first = 0;
  for (const sentence of letter.sentences) {
    while (first < body.length && body[first].start < sentence.start) first++;
    let last = first;
    while (last < body.length && body[last].start < sentence.end) last++;
    const inside = body.slice(first, last).filter((m) => m.end <= sentence.end);
    inside.forEach((a, i) => {
      if (!SUPPORTERS.has(a.kind)) return;
      for (let k = i + 1; k < inside.length && inside[k].start - a.end <= 30; k++) {
        const b = inside[k];
        if (b.start <= a.end || !SUPPORTED.has(b.kind) || nodeOf.get(a) === nodeOf.get(b)) continue;
        if (SUPPORT_VERB.test(letter.text.slice(a.end, b.start))) {
          relations.push({
            type: 'SUPPORTS',
            source: nodeOf.get(a)!,
            target: nodeOf.get(b)!,
            start: sentence.start,
            end: sentence.end,
            rule: 'support-verb',
          });
        }
      }
    });
  }
  const layouts = body.filter((m) => m.kind === 'Programme' && [...m.name.matchAll(LAYOUT)].length > 0);
  for (const layout of layouts) {
    const places = new Set([...layout.name.matchAll(LAYOUT)].map((m) => m[1]));
    const line = lineAround(letter.text, layout.start);
    for (const platform of body) {
      if (platform.kind !== 'Platform' || platform.start < line.start || platform.end > line.end) continue;
      if (!places.has(platform.name[platform.name.length - 1])) continue;
      relations.push({
        type: 'PART_OF',
        source: nodeOf.get(platform)!,
        target: nodeOf.get(layout)!,
        start: Math.min(layout.start, platform.start),
        end: Math.max(layout.end, platform.end),
        rule: 'layout',
      });
    }
  }
  return relations;
}

function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end === -1 ? text.length : end };
}
