import { describe, expect, it } from 'vitest';
import { NotALetterError } from '../../domain/errors.ts';
import { letterText, parseSeed, parseText } from '../helpers/parse.ts';

describe('header of the five seed letters', () => {
  it.each([
    [
      '000',
      '温科提复〔2024〕108号',
      '市政协',
      '十二届三次会议',
      157,
      '提案',
      '关于升级温州科创生态，助推高水平国家创新型城市建设的提案',
      [['致公党市委会', 'Organization', null]],
      [['郑淳之', '88962039']],
      ['市府办', '市政协提案委'],
      '2024-06-27',
      'signature',
    ],
    [
      '001',
      '温科提复〔2024〕109号',
      '市政协',
      '十二届三次会议',
      582,
      '提案',
      '关于加快温州科技服务业高质量发展的提案',
      [['叶剑淼', 'Person', '委员']],
      [['李贤', '88962022']],
      ['市府办', '市政协提案委'],
      '2024-06-27',
      'signature',
    ],
    [
      '002',
      '温科提复〔2024〕96号',
      '市人大',
      '十四届四次会议',
      690,
      '建议',
      '关于激发民营企业科技创新活力，助力打造高水平创新型城市的建议',
      [['应辉辉', 'Person', '代表']],
      [],
      ['市人大常委会代表工委', '市府办', '瑞安市人大常委会'],
      '2024-06-26',
      '印发',
    ],
    [
      '003',
      '温科提复〔2024〕103号',
      '市政协',
      '十二届三次会议',
      340,
      '提案',
      '关于突破在温高校科技成果转化瓶颈制约的提案',
      [['吴文灿', 'Person', '委员']],
      [['李贤', '88962022']],
      ['市府办', '市政协提案委'],
      '2024-06-26',
      'signature',
    ],
    [
      '004',
      '温科提复〔2024〕92号',
      '市人大',
      '十四届四次会议',
      229,
      '建议',
      '关于我市创新平台提质增效的建议',
      [['吴让大', 'Person', '代表']],
      [['胡志伟', '88962031']],
      ['市人大常委会代表工委', '市府办', '龙湾区人大常委会'],
      '2024-06-26',
      'signature',
    ],
  ])(
    '%s: %s',
    async (prefix, docNumber, body, session, number, kind, title, proposers, contacts, cc, date, dateSource) => {
      const letter = await parseSeed(prefix);
      expect(letter.docNumber?.text).toBe(docNumber);
      expect(letter.proposal).toMatchObject({ body, session, number, kind, title });
      expect(letter.proposers.map((p) => [p.name, p.kind, p.role])).toEqual(proposers);
      expect(letter.contacts.map((c) => [c.name, c.phone])).toEqual(contacts);
      expect(letter.cc.map((c) => c.text)).toEqual(cc);
      expect(letter.issuer?.name).toBe('温州市科学技术局');
      expect(letter.date).toMatchObject({ value: date, source: dateSource });
      // Every span points at its own words in the letter.
      for (const span of [
        letter.docNumber!,
        letter.proposal!.titleSpan!,
        ...letter.proposers.map((p) => p.span),
        ...letter.cc,
      ]) {
        expect(letter.text.slice(span.start, span.end)).toBe(span.text);
      }
    },
  );

  it('002 has no signature block: the date comes from the 印发 line and says so, the issuer from its office', async () => {
    const letter = await parseSeed('002');
    expect(letter.date).toMatchObject({ value: '2024-06-26', source: '印发' });
    expect(letter.issuer).toMatchObject({ name: '温州市科学技术局', source: '印发' });
    expect(letter.printed?.org.text).toBe('温州市科学技术局办公室');
    expect(letter.missing).toEqual([]);
  });
});

describe('header variants', () => {
  it('reads another city, doc-number form and a 第-numbered proposal', () => {
    const letter = parseText(letterText());
    expect(letter.docNumber?.text).toBe('渝科局函〔2023〕281号');
    expect(letter.proposal).toMatchObject({
      body: '市人大',
      session: '六届二次会议',
      number: 123,
      kind: '建议',
      title: '关于加快建设西部科学城的建议',
    });
    expect(letter.contacts).toMatchObject([{ name: '王五', phone: '023-12345678' }]);
    expect(letter.issuer?.name).toBe('重庆市科学技术局');
    expect(letter.date?.value).toBe('2023-07-01');
    expect(letter.cc.map((c) => c.text)).toEqual(['市政府办公厅', '市人大常委会选工委']);
  });

  it.each([
    [
      'two people with one role',
      '张三、李四代表：',
      [
        ['张三', 'Person', '代表'],
        ['李四', 'Person', '代表'],
      ],
    ],
    ['an organisation', '民盟市委会：', [['民盟市委会', 'Organization', null]]],
    ['a person with 尊敬的', '尊敬的王小明委员：', [['王小明', 'Person', '委员']]],
    [
      'several with 等',
      '陈一、刘二等代表：',
      [
        ['陈一', 'Person', '代表'],
        ['刘二', 'Person', '代表'],
      ],
    ],
    [
      'a committee with 和 inside its name, and a member',
      '市政协农业和农村委员会、格桑曲珍委员：',
      [
        ['市政协农业和农村委员会', 'Organization', null],
        ['格桑曲珍', 'Person', '委员'],
      ],
    ],
    [
      'two people joined by 和',
      '张华和李明代表：',
      [
        ['张华', 'Person', '代表'],
        ['李明', 'Person', '代表'],
      ],
    ],
    [
      'two bodies joined by 和',
      '民盟市委会和农工党市委会：',
      [
        ['民盟市委会', 'Organization', null],
        ['农工党市委会', 'Organization', null],
      ],
    ],
  ])('salutation naming %s', (_name, salutation, proposers) => {
    expect(parseText(letterText({ salutation })).proposers.map((p) => [p.name, p.kind, p.role])).toEqual(proposers);
  });

  it('a letter with no contact line has no contacts, and nothing is guessed', () => {
    const letter = parseText(letterText({ contact: '' }));
    expect(letter.contacts).toEqual([]);
    expect(letter.missing).toEqual([]);
  });

  it('two contacts on one line, half-width punctuation', () => {
    const letter = parseText(letterText({ contact: '联系人:王五、赵六,联系电话:023-1111, 023-2222' }));
    expect(letter.contacts.map((c) => [c.name, c.phone])).toEqual([
      ['王五', '023-1111'],
      ['赵六', '023-2222'],
    ]);
  });

  it('a contact line with 及电话 and no phone label', () => {
    const letter = parseText(letterText({ contact: '联系人及电话：王五，023-12345678' }));
    expect(letter.contacts.map((c) => [c.name, c.phone])).toEqual([['王五', '023-12345678']]);
  });

  it('issuer and date on one line', () => {
    const letter = parseText(letterText({ signature: '重庆市科学技术局 2023年7月1日', printed: '' }));
    expect(letter.issuer).toMatchObject({ name: '重庆市科学技术局', source: 'signature' });
    expect(letter.date).toMatchObject({ value: '2023-07-01', source: 'signature' });
  });

  it('a signature date in Chinese numerals', () => {
    expect(parseText(letterText({ signature: '重庆市科学技术局\n二〇二三年七月一日' })).date?.value).toBe('2023-07-01');
  });

  it('关于对… in the title, 签发人 beside the doc number, an A类 mark above it', () => {
    const letter = parseText(
      letterText({
        docNumber: 'A类\n杭科复〔2024〕12号    签发人：王大明',
        title: '关于对市十五届人大三次会议第156号建议的答复',
      }),
    );
    expect(letter.docNumber?.text).toBe('杭科复〔2024〕12号');
    expect(letter.proposal).toMatchObject({ body: '市人大', session: '十五届三次会议', number: 156, kind: '建议' });
  });

  it('a CPPCC proposal of a district', () => {
    const letter = parseText(letterText({ title: '关于区政协九届三次会议第45号提案的答复函' }));
    expect(letter.proposal).toMatchObject({ body: '区政协', session: '九届三次会议', number: 45, kind: '提案' });
  });

  it('a CPPCC proposal of an autonomous prefecture (州政协), not of a city whose name ends in 州', () => {
    const prefecture = parseText(letterText({ title: '红河州科学技术局关于州政协十三届三次会议第125号提案的答复' }));
    expect(prefecture.proposal).toMatchObject({ body: '州政协', session: '十三届三次会议', number: 125 });
    const city = parseText(letterText({ title: '关于苏州政协十三届三次会议第125号提案的答复' }));
    expect(city.proposal?.body).not.toBe('州政协');
  });

  it('no document number, no signature: the parts that are there are kept, the rest reported missing', () => {
    const letter = parseText(letterText({ docNumber: '', signature: '', printed: '' }));
    expect(letter.docNumber).toBeNull();
    expect(letter.date).toBeNull();
    expect(letter.issuer).toBeNull();
    expect(letter.proposal?.number).toBe(123);
    expect(letter.missing).toEqual([
      'document number (…〔year〕N号)',
      'issuer (signature, title, page metadata or 联系单位)',
      'date',
    ]);
    // Messages name the genre's forms, not one city's document numbers.
    expect(letter.missing.join(' ')).not.toMatch(/温科/);
  });

  it.each([
    [
      'a news article',
      '新华社北京6月1日电\n今天，国务院召开常务会议，研究部署科技创新工作。会议指出，要加快建设科技强国。',
    ],
    ['a shopping list', '牛奶\n鸡蛋\n面包'],
  ])('%s is not a reply letter', (_name, text) => {
    expect(() => parseText(text)).toThrow(NotALetterError);
  });
});
