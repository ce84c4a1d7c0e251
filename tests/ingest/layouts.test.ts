import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../ingest/extract/entities.ts';
import type { ParsedLetter } from '../../ingest/parse/parse-letter.ts';
import { NotALetterError } from '../../domain/errors.ts';
import { parseText } from '../helpers/parse.ts';

/**
 * Reply letters as portals publish them, written for these tests
 * (tests/fixtures/layouts): each row is what a reader finds in the header.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/layouts/', import.meta.url));
const parseFixture = (file: string) => parseText(readFileSync(`${FIXTURES}${file}`, 'utf8'), file);

interface Expected {
  docNumber: string | null;
  issuer: [string, string] | null;
  date: [string, string] | null;
  proposal: { number: number | string | null; kind: string | null; title: string | null; body?: string | null };
  proposers: string[];
  contacts: Array<[string, string | null]>;
  cc: string[];
  grade?: string | null;
  signers?: string[];
}

const header = (letter: ParsedLetter) => ({
  docNumber: letter.docNumber?.text ?? null,
  issuer: letter.issuer ? [letter.issuer.name, letter.issuer.source] : null,
  date: letter.date ? [letter.date.value, letter.date.source] : null,
  proposal: {
    number: letter.proposal?.number ?? null,
    kind: letter.proposal?.kind ?? null,
    title: letter.proposal?.title ?? null,
  },
  proposers: letter.proposers.map((p) => p.name),
  contacts: letter.contacts.map((c) => [c.name, c.phone]),
  cc: letter.cc.map((c) => c.text),
});

describe('headers of letters as portals publish them', () => {
  it.each<[string, string, Expected]>([
    [
      'portal-bullets.txt',
      'breadcrumb, widgets, a bullet metadata block, two titles, 尊敬的…委员, an 8-digit number, a mangled date, a site footer',
      {
        docNumber: null,
        issuer: ['青岚市科学技术局', 'metadata'],
        date: ['2024-07-09', 'metadata'],
        proposal: {
          number: 20240217,
          kind: '提案',
          title: '关于加快建设青岚科技城，打造《青岚市创新驱动发展规划》先行区的提案',
        },
        proposers: ['周明远'],
        contacts: [],
        cc: [],
      },
    ],
    [
      'pipe-table.txt',
      'a pipe-table metadata block, A类/公开, an alphanumeric number with a space, X等5名代表, a contact in brackets with a spaced name and phone',
      {
        docNumber: null,
        issuer: ['白川省科学技术厅', 'signature'],
        date: ['2023-06-12', 'signature'],
        proposal: { number: 'JY200314070100', kind: '建议', title: '关于支持白川西部科创走廊建设的建议' },
        proposers: ['林晓燕'],
        contacts: [['陈立', '0851-66123456']],
        cc: [],
        grade: 'A',
      },
    ],
    [
      'status-repeated.txt',
      'a status block, 建议字〔〕第N号, a title over two lines, a quoted problem, 领导签发, a cc placeholder, the page repeated and cut',
      {
        docNumber: '澄州科建议字〔2022〕第12号',
        issuer: ['澄州市科学技术局', 'signature'],
        date: ['2022-07-20', 'signature'],
        proposal: { number: 88, kind: '建议', title: '小微企业研发投入不足、首贷难' },
        proposers: ['吴国栋'],
        contacts: [['郑雅', '65551234']],
        cc: ['市人大常委会代表工作委员会', '市政府办公室'],
        grade: 'B',
        signers: ['孙海平'],
      },
    ],
    [
      'co-handling.txt',
      'a 协办意见 addressed to the lead unit: the proposer is the one the opening sentence names',
      {
        docNumber: null,
        issuer: ['远山市科学技术局', 'signature'],
        date: ['2024-05-06', 'signature'],
        proposal: { number: null, kind: '建议', title: '关于完善科技成果转化收益分配机制的建议' },
        proposers: ['民盟市委会'],
        contacts: [],
        cc: [],
      },
    ],
    [
      'one-line.txt',
      'the whole letter on one line, the issuer also before 关于 in the title',
      {
        docNumber: null,
        issuer: ['西河县科学技术局', 'signature'],
        date: ['2023-06-30', 'signature'],
        proposal: { number: 23, kind: '提案', title: '关于加强农业科技推广的提案', body: '县政协' },
        proposers: ['马红霞'],
        contacts: [['李强', '0371-5550123']],
        cc: ['县政府办公室', '县政协提案委'],
      },
    ],
    [
      'no-header.txt',
      'no title and no salutation; a date in numerals with a Latin O; the issuer only as 联系单位; 联 系 人 and 抄 报 with spaces',
      {
        docNumber: null,
        issuer: ['南屏县科学技术局', '联系单位'],
        date: ['2009-09-20', 'signature'],
        proposal: { number: null, kind: '建议', title: '关于加快发展科技服务业的建议' },
        proposers: [],
        contacts: [['王芳', '6612345']],
        cc: ['县政府督查室', '县人大常委会人代工委'],
      },
    ],
  ])('%s: %s', (file, _layout, expected) => {
    const letter = parseFixture(file);
    const { grade, signers, proposal, ...rest } = expected;
    expect(header(letter)).toMatchObject({
      ...rest,
      proposal: { number: proposal.number, kind: proposal.kind, title: proposal.title },
    });
    if (proposal.body !== undefined) expect(letter.proposal?.body).toBe(proposal.body);
    if (grade !== undefined) expect(letter.grade).toBe(grade);
    if (signers) expect(letter.signers.map((s) => s.name)).toEqual(signers);
    // Every span the header keeps points at its own words.
    for (const span of [letter.docNumber, letter.proposal?.titleSpan, letter.issuer?.span, ...letter.cc].filter(
      (s) => s,
    )) {
      expect(letter.text.slice(span!.start, span!.end)).toBe(span!.text);
    }
  });

  it('a page that repeats its letter is read once: nothing of the second copy is in the body', () => {
    const letter = parseFixture('status-repeated.txt');
    const body = letter.text.slice(letter.body.start, letter.body.end);
    expect(body).toContain('澄州科技贷');
    expect(body).not.toMatch(/发布时间|是否同意公开|抄送/);
    expect(letter.text.slice(letter.body.end)).toContain('对澄州市十五届人民代表大会');
  });

  it('chrome and footers are not the letter: no addressee from a widget line, no body from the site footer', () => {
    const letter = parseFixture('portal-bullets.txt');
    expect(letter.addressee?.text).toBe('尊敬的周明远委员');
    expect(letter.text.slice(letter.body.start, letter.body.end)).not.toMatch(/主办单位|版权所有|字体|网站首页/);
  });

  it('a heading that uses a footer word (技术支持) does not end the letter; the site footer does', () => {
    const text = [
      '张三代表：',
      '您提出的《关于加强企业创新服务的建议》收悉。现答复如下：',
      '一、工作进展',
      '我局组织专家服务团深入企业开展服务。',
      '二、加强技术支持',
      '下一步，我局将组建技术服务队伍，全年服务企业100家以上。',
      '感谢您的支持。',
      '东川市科学技术局',
      '2023年6月1日',
      '主办单位:东川市人民政府办公室 地址:东川市人民路1号 邮编:000000',
      '技术支持:某某网络公司',
    ].join('\n');
    const letter = parseText(text);
    expect(letter.text.slice(letter.body.start, letter.body.end)).toContain('全年服务企业100家以上');
    expect(letter.date?.value).toBe('2023-06-01');
    expect(letter.text.slice(letter.body.start, letter.body.end)).not.toContain('主办单位');
  });

  it("a letter with no header at all is still read, and its missing parts are named in the genre's terms", () => {
    const letter = parseFixture('no-header.txt');
    expect(letter.missing).toEqual(
      expect.arrayContaining(['document number (…〔year〕N号)', 'proposal number', 'salutation naming the proposer']),
    );
    expect(letter.missing.join(' ')).not.toMatch(/温科|所提的/);
  });

  it.each([
    ['a page label ending in a colon', '分享到:\n今天天气晴朗，适合出行。'],
    ['a list of links', '首页 > 新闻中心\n相关链接:\n上一篇\n下一篇'],
  ])('not a reply letter: %s', (_name, text) => {
    expect(() => parseText(text)).toThrow(NotALetterError);
  });
});

describe('names of the genre across places', () => {
  const names = (file: string) => extractEntities(parseFixture(file)).map((m) => `${m.kind}:${m.name}`);

  it('finds bodies by level, divisions of departments and list items of a named kind', () => {
    const found = names('portal-bullets.txt');
    expect(found).toEqual(
      expect.arrayContaining([
        'Organization:市委',
        'Organization:市政府',
        'Organization:市司法局法规处',
        'Organization:市人大常委会',
        'Organization:市发展改革委',
        'Platform:青岚科技城',
        'Platform:青岚先进材料研究院',
        'Enterprise:北辰集团',
        'Enterprise:远航股份',
        'Enterprise:澄江电子',
        'Policy:青岚市创新驱动发展规划',
        'Organization:青岚市科学技术局',
      ]),
    );
    // The proposal's own title is not a policy; the page's chrome names nothing.
    expect(found.some((n) => n.includes('关于加快建设青岚科技城'))).toBe(false);
    expect(found.some((n) => /主办单位|人民政府办公室/.test(n))).toBe(false);
  });

  it('does not take a counted category for a name (示范基地3个以上)', () => {
    const found = names('one-line.txt');
    expect(found).toContain('Platform:西河农业科技园');
    expect(found.some((n) => n.includes('示范基地'))).toBe(false);
  });

  it("reads signers, the contact unit and a co-handling reply's addressee as who they are", () => {
    expect(names('status-repeated.txt')).toEqual(
      expect.arrayContaining(['Person:孙海平', 'Person:郑雅', 'Person:吴国栋', 'Organization:市人大']),
    );
    expect(names('co-handling.txt')).toEqual(
      expect.arrayContaining(['Organization:市发展改革委', 'Organization:民盟市委会', 'Platform:澄江技术转移中心']),
    );
  });
});
