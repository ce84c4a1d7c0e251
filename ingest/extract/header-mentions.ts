import type { ParsedLetter } from '../parse/parse-letter.ts';
import { LEFT_STOPS } from '../rules/left-stops.ts';
import type { Mention } from './mention.ts';
import { PLACES_AS_CLASS_BEFORE } from './generic.ts';

/**
 * The people and organisations the header and footer name: proposers,
 * co-signers (附议代表, named but not proposers), contacts, signers, the issuer
 * and the bodies signing beside it, the 印发 office, the 联系单位, a co-handling
 * reply's addressee, the cc list and the congress or CPPCC body the proposal
 * went to.
 */
export function headerMentions(letter: ParsedLetter): Mention[] {
  const mentions: Mention[] = [];
  for (const p of letter.proposers) {
    mentions.push({
      kind: p.kind,
      name: p.name,
      start: p.span.start,
      end: p.span.end,
      rule: 'header:proposer',
      props: { role: p.role },
    });
  }
  for (const c of letter.contacts) {
    mentions.push({
      kind: 'Person',
      name: c.name,
      start: c.span.start,
      end: c.span.end,
      rule: 'header:contact',
      props: { role: '联系人', phone: c.phone },
    });
  }
  for (const c of letter.cosigners)
    mentions.push({
      kind: 'Person',
      name: c.text,
      start: c.start,
      end: c.end,
      rule: 'header:cosigner',
      props: { role: '附议' },
    });
  for (const j of letter.jointSigners)
    mentions.push({ kind: 'Organization', name: j.text, start: j.start, end: j.end, rule: 'header:joint-signer' });
  for (const s of letter.signers)
    mentions.push({
      kind: 'Person',
      name: s.name,
      start: s.span.start,
      end: s.span.end,
      rule: 'header:signer',
      props: { role: s.role },
    });
  if (letter.issuer) {
    mentions.push({
      kind: 'Organization',
      name: letter.issuer.name,
      start: letter.issuer.span.start,
      end: letter.issuer.span.end,
      rule: 'header:issuer',
    });
  }
  if (letter.printed && letter.printed.org.text !== letter.issuer?.name) {
    mentions.push({
      kind: 'Organization',
      name: letter.printed.org.text,
      start: letter.printed.org.start,
      end: letter.printed.org.end,
      rule: 'header:printed',
    });
  }
  const unit = letter.contactUnit;
  if (unit && unit.text !== letter.issuer?.name)
    mentions.push({
      kind: 'Organization',
      name: unit.text,
      start: unit.start,
      end: unit.end,
      rule: 'header:contact-unit',
    });
  const addressed = letter.addresseeUnit;
  if (addressed)
    mentions.push({
      kind: 'Organization',
      name: addressed.text.replace(/^尊敬的/, ''),
      start: addressed.end - addressed.text.replace(/^尊敬的/, '').length,
      end: addressed.end,
      rule: 'header:addressee',
    });
  for (const cc of letter.cc)
    mentions.push({ kind: 'Organization', name: cc.text, start: cc.start, end: cc.end, rule: 'header:cc' });
  const proposal = letter.proposal;
  // 市五届人大第五次会议 names a session, not the congress: the body is a mention only where the letter names it.
  if (proposal?.body && proposal.bodyNamed !== false) {
    // 石家庄市第十四届人民代表大会 is written; the node is the body by level (市人大), with the written form as an alias.
    const written = proposal.bodyWritten;
    const at = proposal.span.text.indexOf(proposal.body);
    const span =
      written ??
      (at === -1
        ? proposal.span
        : { start: proposal.span.start + at, end: proposal.span.start + at + proposal.body.length });
    mentions.push({
      kind: 'Organization',
      name: proposal.body,
      start: span.start,
      end: span.end,
      rule: 'header:proposal-body',
      props: written ? { writtenAs: written.text.replace(/\s/g, '') } : undefined,
    });
  }
  return mentions;
}

/**
 * The issuer named short in its own letter: 温州市科学技术局 writes itself
 * 市科技局 or 温州市科技局; 天津市科委 writes 市科委. These become aliases of
 * the issuer's node — in this letter only, since 市科技局 of another city is another bureau.
 */
export function issuerShortForms(letter: ParsedLetter): Mention[] {
  // The bodies signing beside the issuer (鹭江市自然资源和规划局) write themselves short in the body too.
  const signers = [letter.issuer?.name, ...letter.jointSigners.map((j) => j.text)].filter((n): n is string => !!n);
  return signers.flatMap((name) => shortFormsOf(name, letter));
}

// 重庆高新技术产业开发区管理委员会 writes itself 重庆高新区: a zone's committee is named by its zone's short name.
const ZONE_COMMITTEE =
  /^(?<place>.+?)(?<zone>高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区)(?:管理委员会|管委会)$/;
const ZONE_SHORT: Record<string, string[]> = {
  高新技术产业开发区: ['高新区'],
  经济技术开发区: ['经开区', '开发区'],
  经济开发区: ['经开区', '开发区'],
  高新区: ['高新区'],
  经开区: ['经开区'],
};

function shortFormsOf(issuer: string, letter: ParsedLetter): Mention[] {
  const short = issuer.replace('科学技术', '科技');
  // 红河哈尼族彝族自治州科学技术局 → 州科技局: an autonomous prefecture's (or a league's) level word is 州 (盟).
  const level = /^(?:.+?)([省市县区])(.+)$/.exec(short) ?? /^(?:.+?自治)(州)(.+)$|^(?:.+?)(盟)(.+)$/.exec(short);
  const zone = ZONE_COMMITTEE.exec(issuer)?.groups;
  const zoneForms = zone ? ZONE_SHORT[zone.zone].flatMap((z) => [zone.place + z, `${zone.place + z}管委会`]) : [];
  // 四川省科学技术厅 → 四川省科技厅, 省科技厅 and, standing alone, 科技厅 (函送至科技厅).
  const [word, rest] = level ? level.slice(1).filter((g) => g !== undefined) : [];
  const forms = new Set([short, ...(word && rest && !zone ? [word + rest, rest] : []), ...zoneForms]);
  forms.delete(issuer);
  const mentions: Mention[] = [];
  for (const form of forms) {
    const bare = form !== short;
    let at = letter.text.indexOf(form, letter.body.start);
    while (at !== -1 && at < letter.body.end) {
      // 市科技局 inside 温州市科技局 is the longer form's business; inside 瑞安市科技局 it is another bureau's name.
      if (!bare || standsAlone(letter.text, at, letter.body.start)) {
        mentions.push({
          kind: 'Organization',
          name: form,
          start: at,
          end: at + form.length,
          rule: 'issuer-short',
          props: { aliasOf: issuer },
        });
      }
      at = letter.text.indexOf(form, at + form.length);
    }
  }
  return mentions;
}

const OPENERS = LEFT_STOPS.filter((w) => w.length > 1);

/** A short form opens its name: after punctuation, a function word or a verb that opens names (会同, 报请), not after a place's name. */
function standsAlone(text: string, at: number, from: number): boolean {
  if (at <= from) return true;
  const before = text.slice(Math.max(from, at - 6), at);
  // 督促各县（市、区）科技局: after the places a letter names as a class (县（市、区）), the bureau is each place's own.
  if (PLACES_AS_CLASS_BEFORE.test(before)) return false;
  return (
    !/[\u4e00-\u9fa5]$/.test(before) ||
    /[与和及同由向经在对至把将请报于为从让会并]$/.test(before) ||
    OPENERS.some((w) => before.endsWith(w))
  );
}
