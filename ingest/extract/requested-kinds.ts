import { placesOpening } from '../place/place-names.ts';
import type { Mention } from './mention.ts';

/**
 * A heading that restates what the proposal asks for, or what the next steps will build, names a kind of thing
 * that does not yet exist, not a thing: 二、关于设立钛产业科技专项资金的建议 · （一）关于建设数字贸易创新平台 ·
 * （一）建设中试熟化平台。 The object of the heading's verb of creating, when it is the rest of the line, is dropped
 * as a name unless it opens with a place (一是建设西宁高原生物概念验证中心 names the centre the city builds).
 */
// （一）· 二、· 3. then an optional 关于…, a verb of creating, the object, and 的建议 / 问题 / 。 closing the line.
const REQUEST_HEADING =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])\s*(?:关于[^，。；,;]*?)?(?:设立|建设|搭建|组建|打造|成立|筹建)(?<object>[^，。；,;\s]{2,30}?)(?:的(?:建议|问题|提案)|问题)?[。.]?\s*$/;
// （五）关于中药材种植基地建设。: the heading's object named before 建设 (of the proposal's 关于…建设 form).
const REQUEST_HEADING_AFTER =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])\s*关于(?<object>[^，。；,;\s]{2,30}?)的?建设(?:的(?:建议|问题|提案)|问题)?[。.]?\s*$/;
const KINDS = new Set<Mention['kind']>(['Platform', 'Programme', 'Organization']);

export function withoutRequestedKinds(text: string, mentions: Mention[]): Mention[] {
  // The heading is its line up to the first full stop: （一）建设中试熟化平台。力争2025年… runs on after it.
  const requested = new Set(
    mentions
      .filter((m) => {
        if (!KINDS.has(m.kind)) return false;
        const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
        const stop = /[。\n]/.exec(text.slice(m.end));
        const heading = text.slice(lineStart, stop ? m.end + stop.index + (stop[0] === '。' ? 1 : 0) : text.length);
        return (
          (REQUEST_HEADING.exec(heading) ?? REQUEST_HEADING_AFTER.exec(heading))?.groups?.object === m.name &&
          !placesOpening(m.name, true).some((p) => p.start === 0)
        );
      })
      .map((m) => `${m.kind}|${m.name}`),
  );
  // (拟依托凉都职教城设立能源产业学院 in the body is the same requested kind as the heading's.)
  return requested.size === 0 ? mentions : mentions.filter((m) => !requested.has(`${m.kind}|${m.name}`));
}
