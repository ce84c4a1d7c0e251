import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';
import type { NameGroups } from './name-groups.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { scopeOfLetter } from './scope.ts';

/**
 * Names a letter uses for something it named in full elsewhere:
 * - 《条例》 after 《温州市民营企业科技创新促进条例》 (a short title that ends a full one);
 * - a title with its year range and the same title without it;
 * - the issuer's short forms (市科技局 for 温州市科学技术局);
 * - an abbreviation of a longer name of the same kind in the same letter,
 *   same first and last character, its characters in order (华中院 for 华中科技大学温州先进制造技术研究院).
 */
export function joinBackReferences(extraction: LetterExtraction, groups: NameGroups): void {
  const { mentions } = extraction;
  const scope = scopeOfLetter(extraction.letter);
  const policies = mentions.filter((m) => m.kind === 'Policy');
  for (const policy of policies) {
    const short = policy.props?.shortName;
    if (short) groups.join('Policy', policy.name, short, scope);
    const declared = policy.props?.declaredShortName;
    if (declared) groups.join('Policy', policy.name, declared, scope);
    const name = normaliseName(policy.name);
    if (name.length > 8) continue;
    const full = policies.find(
      (p) =>
        p !== policy &&
        normaliseName(p.name).length > name.length &&
        normaliseName(p.name)
          .replace(/[（(][^）)]*[）)]?$/, '')
          .endsWith(name),
    );
    if (full) groups.join('Policy', full.name, policy.name, scope);
  }
  for (const mention of mentions) {
    const aliasOf = mention.props?.aliasOf;
    if (aliasOf) groups.join(mention.kind, aliasOf, mention.name, scope);
    // The proposal's body: 市人大 is the node, 石家庄市第十四届人民代表大会 what the letter wrote.
    const writtenAs = mention.props?.writtenAs;
    if (writtenAs) {
      groups.join(mention.kind, mention.name, writtenAs, scope);
      groups.prefer(mention.kind, mention.name, scope);
    }
  }
  // Full names by kind and first and last character (what an abbreviation keeps), so each short name looks at a few.
  const byEnds = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.kind}|${m.name[0]}|${m.name[m.name.length - 1]}`;
    const list = byEnds.get(key);
    if (!list) byEnds.set(key, [m]);
    else if (!list.some((x) => x.name === m.name)) list.push(m);
  }
  for (const short of mentions) {
    if (short.kind === 'Policy' || short.kind === 'Person' || short.name.length > 5 || short.name.length < 3) continue;
    const candidates = byEnds.get(`${short.kind}|${short.name[0]}|${short.name[short.name.length - 1]}`) ?? [];
    const full = candidates.find((m) => m.name.length >= short.name.length + 2 && abbreviates(short.name, m.name));
    if (full) groups.join(short.kind, full.name, short.name, scope);
  }
}

function abbreviates(short: string, full: string): boolean {
  if (short[0] !== full[0] || short[short.length - 1] !== full[full.length - 1] || full.includes(short)) return false;
  let at = 0;
  for (const c of short) {
    at = full.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
