import type { ParsedLetter } from '../parse/parse-letter.ts';
import type { Mention } from './mention.ts';

/**
 * The people and organisations the header and footer name: proposers,
 * contacts, the issuer, the 印发 office, the cc list and the congress or
 * CPPCC body the proposal went to.
 */
export function headerMentions(letter: ParsedLetter): Mention[] {
  const mentions: Mention[] = [];
  for (const p of letter.proposers) {
    mentions.push({ kind: p.kind, name: p.name, start: p.span.start, end: p.span.end, rule: 'header:proposer', props: { role: p.role } });
  }
  for (const c of letter.contacts) {
    mentions.push({ kind: 'Person', name: c.name, start: c.span.start, end: c.span.end, rule: 'header:contact', props: { role: '联系人', phone: c.phone } });
  }
  if (letter.issuer) {
    mentions.push({ kind: 'Organization', name: letter.issuer.name, start: letter.issuer.span.start, end: letter.issuer.span.end, rule: 'header:issuer' });
  }
  if (letter.printed && letter.printed.org.text !== letter.issuer?.name) {
    mentions.push({ kind: 'Organization', name: letter.printed.org.text, start: letter.printed.org.start, end: letter.printed.org.end, rule: 'header:printed' });
  }
  for (const cc of letter.cc) mentions.push({ kind: 'Organization', name: cc.text, start: cc.start, end: cc.end, rule: 'header:cc' });
  if (letter.proposal?.body) {
    const at = letter.proposal.span.text.indexOf(letter.proposal.body);
    // 市人大 is not written as such in 市十四届人大四次会议: the evidence is the whole reference.
    const span = at === -1 ? letter.proposal.span : { start: letter.proposal.span.start + at, end: letter.proposal.span.start + at + letter.proposal.body.length };
    mentions.push({ kind: 'Organization', name: letter.proposal.body, start: span.start, end: span.end, rule: 'header:proposal-body' });
  }
  return mentions;
}

/**
 * The issuer named short in its own letter: 温州市科学技术局 writes itself
 * 市科技局 or 温州市科技局. These become aliases of the issuer's node.
 */
export function issuerShortForms(letter: ParsedLetter): Mention[] {
  const issuer = letter.issuer?.name;
  if (!issuer) return [];
  const short = issuer.replace('科学技术', '科技');
  const level = /^(?:.+?)([省市县区])(.+)$/.exec(short);
  const forms = new Set([short, ...(level ? [level[1] + level[2]] : [])]);
  forms.delete(issuer);
  const mentions: Mention[] = [];
  for (const form of forms) {
    let at = letter.text.indexOf(form, letter.body.start);
    while (at !== -1 && at < letter.body.end) {
      // 市科技局 inside 温州市科技局 is the longer form's business.
      mentions.push({ kind: 'Organization', name: form, start: at, end: at + form.length, rule: 'issuer-short', props: { aliasOf: issuer } });
      at = letter.text.indexOf(form, at + form.length);
    }
  }
  return mentions;
}
