import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers/parse.ts';

/**
 * Co-handling opinions (协办意见, 会办意见) go to the unit that leads the handling, and a 主办意见 is the
 * lead unit's own: their addressee is a unit handling the proposal, never the one who made it. The
 * proposers are the ones the body names. Letters written for this test; places and people invented.
 */
const SIGNATURE = '\n澄溪市科学技术局\n2024年5月6日';
const BODY = '\n我局将支持澄溪技术转移中心开展专业化服务，培育一批技术经理人。';

describe('the kind of letter and who it is addressed to', () => {
  it.each([
    {
      why: '会办意见 in the title; the proposers counted in the opening (张华等3名代表)',
      text: `关于市人大十六届二次会议第208号建议的会办意见\n市发展改革委：\n现就张华等3名代表提出的《关于加快科技成果转化的建议》，提出会办意见如下：${BODY}${SIGNATURE}`,
      kind: '会办意见',
      source: 'title',
      lead: '市发展改革委',
      proposers: ['张华'],
    },
    {
      why: '协办意见 in the opening; a member named before 关于',
      text: `市经济和信息化局：\n陶红委员关于支持中小企业数字化转型的提案已收悉，现提出协办意见如下：${BODY}${SIGNATURE}`,
      kind: '协办意见',
      source: 'opening',
      lead: '市经济和信息化局',
      proposers: ['陶红'],
    },
    {
      why: 'two members, where they proposed it set aside',
      text: `市教育局：\n李明、王芳委员在市政协十三届二次会议上提出的《关于建设产教融合实训基地的提案》收悉，现将协办意见函复如下：${BODY}${SIGNATURE}`,
      kind: '协办意见',
      source: 'opening',
      lead: '市教育局',
      proposers: ['李明', '王芳'],
    },
    {
      why: 'a party passed on by the CPPCC',
      text: `市财政局：\n市政协转来的民盟市委会所提《关于完善科技金融服务的提案》收悉，现提出会办意见如下：${BODY}${SIGNATURE}`,
      kind: '会办意见',
      source: 'opening',
      lead: '市财政局',
      proposers: ['民盟市委会'],
    },
    {
      why: 'an opinion whose opening names no proposer: none rather than the lead unit',
      text: `市农业农村局：\n现就市政协十三届二次会议第156号提案提出协办意见如下：${BODY}${SIGNATURE}`,
      kind: '协办意见',
      source: 'opening',
      lead: '市农业农村局',
      proposers: [],
    },
    {
      why: 'a 主办意见 sent to the member: the lead unit is the issuer, the addressee a proposer',
      text: `关于市政协十三届二次会议第77号提案的主办意见\n赵敏委员：\n您提出的《关于加强基础研究的提案》收悉，现答复如下：${BODY}${SIGNATURE}`,
      kind: '主办意见',
      source: 'title',
      lead: null,
      proposers: ['赵敏'],
    },
  ])('$why', ({ text, kind, source, lead, proposers }) => {
    const letter = parseText(text);
    expect(letter.kind.value).toBe(kind);
    expect(letter.kind.source).toBe(source);
    expect(letter.kind.span?.text).toBe(kind);
    expect(letter.leadUnit?.text ?? null).toBe(lead);
    expect(letter.proposers.map((p) => p.name)).toEqual(proposers);
    if (lead) expect(letter.proposers.map((p) => p.name)).not.toContain(lead);
  });

  it.each([
    {
      why: '会办单位 in the body and the cc list is no opinion of the letter',
      text: `张强代表：\n您提出的《关于加快建设科技园区的建议》收悉。经与会办单位共同研究，现答复如下：${BODY}${SIGNATURE}\n抄送：市政府办公室，（会办单位）`,
      proposers: ['张强'],
    },
    {
      why: 'a party that proposed is addressed as the proposer',
      text: `致公党市委会：\n你们提出的《关于推进科学城建设的建议》收悉，现答复如下：${BODY}${SIGNATURE}`,
      proposers: ['致公党市委会'],
    },
    {
      why: 'an opinion cited later in the body',
      text: `周健委员：\n您提出的《关于培育科技型企业的提案》收悉，现答复如下：\n我局根据各协办单位的协办意见，认真研究了提案。${BODY}${SIGNATURE}`,
      proposers: ['周健'],
    },
  ])('a reply stays a reply: $why', ({ text, proposers }) => {
    const letter = parseText(text);
    expect(letter.kind).toEqual({ value: 'reply', source: 'default', span: null });
    expect(letter.leadUnit).toBeNull();
    expect(letter.proposers.map((p) => p.name)).toEqual(proposers);
  });
});
