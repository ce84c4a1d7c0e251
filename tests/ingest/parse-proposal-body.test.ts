import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { parseText } from '../helpers/parse.ts';

/**
 * The congress or CPPCC body a proposal went to, as the letter writes it (issue 20, family 6): with its
 * place when one is named, never with the words of the clause around it; and only where the letter names
 * the body — 市十四届人大六次会议 names a session. Letters written for this test (places real or invented).
 */
const letter = (title: string, opening = '您提出的《关于加快科技成果转化的建议》收悉。现答复如下：') =>
  parseText(`${title}\n周健代表：\n${opening}\n我局将积极支持科技成果转化。\n澄州市科学技术局\n2024年5月6日`);

describe('the body a proposal went to', () => {
  it.each([
    ['关于对温岭市政协十五届四次会议202502301号提案答复的函', '市政协', '温岭市政协'],
    ['关于覃伟中市长领衔督办市政协2023年度第20230153号重点提案办理意见的函', '市政协', null],
    ['关于石家庄市第十四届人民代表大会第六次会议第135号建议的答复', '市人大', '石家庄市第十四届人民代表大会'],
    ['关于澄州市第十五届人民代表大会第三次会议第88号建议的答复', '市人大', '澄州市第十五届人民代表大会'],
    ['关于区政协三届三次会议第12号提案的答复', '区政协', null],
  ])('%s → %s, written %s, a name of the letter', (title, body, written) => {
    const parsed = letter(title);
    expect(parsed.proposal?.body).toBe(body);
    expect(parsed.proposal?.bodyWritten?.text.replace(/\s/g, '') ?? null).toBe(written);
    const mention = extractLetter(parsed).mentions.find((m) => m.rule === 'header:proposal-body');
    expect(mention?.name).toBe(body);
  });

  it.each([['对市十四届人大六次会议第20210215号建议的答复'], ['关于市五届人大第五次会议第0197号建议办理情况的答复函']])(
    'must not name a body where the letter names a session: %s',
    (title) => {
      const parsed = letter(title);
      expect(parsed.proposal).toMatchObject({ body: '市人大', bodyNamed: false, kind: '建议' });
      expect(extractLetter(parsed).mentions.filter((m) => m.rule === 'header:proposal-body')).toEqual([]);
    },
  );

  it('must not take the words of the sentence for the place: 您在市十五届人大…', () => {
    const parsed = letter('', '您在市十五届人大三次会议上提出的《关于加快科技成果转化的建议》收悉。现答复如下：');
    expect(parsed.proposal?.bodyNamed).toBe(false);
  });

  it('a letter naming no body in its title or opening: the kind of proposal it speaks of, with its level, names it', () => {
    const parsed = parseText(
      '关于加快科技成果转化的建议的答复\n周健代表：\n您提出的《关于加快科技成果转化的建议》收悉。现答复如下：\n我局将积极支持科技成果转化。\n请填写《省人大代表建议办理情况反馈意见表》。\n澄州省科学技术厅\n2024年5月6日',
    );
    expect(parsed.proposal?.body).toBe('省人大');
    const names = extractLetter(parsed).mentions.map((m) => `${m.kind}:${m.name}`);
    // The form's title stays a policy beside the body it holds.
    expect(names).toEqual(expect.arrayContaining(['Organization:省人大', 'Policy:省人大代表建议办理情况反馈意见表']));
  });

  it('must not name a body from a committee that handles proposals (市政协提案委) or a breadcrumb without a level', () => {
    const parsed = parseText(
      '人大代表建议办理\n关于加快科技成果转化的建议的答复\n周健代表：\n您提出的《关于加快科技成果转化的建议》收悉。现答复如下：\n我局将积极支持科技成果转化。\n澄州市科学技术局\n2024年5月6日\n抄送：市政协提案委',
    );
    expect(parsed.proposal?.body ?? null).toBeNull();
  });
});
