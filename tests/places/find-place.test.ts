import { describe, expect, it } from 'vitest';
import { divisions } from '../../ingest/place/divisions.ts';
import { findPlace } from '../../ingest/place/find-place.ts';
import { readDocPrefix } from '../../ingest/place/doc-prefix.ts';
import { letterKindOf } from '../../ingest/place/letter-kind.ts';
import { PLACE_LETTERS } from '../helpers/place-letters.ts';
import { parseText } from '../helpers/parse.ts';

const placeOf = (file: string) => parseText(PLACE_LETTERS[file], file).placeFound;
const pathOf = (file: string) => {
  const place = placeOf(file);
  return place.known ? place.path.map((d) => d.name).join('') : null;
};

describe('the place a letter speaks for', () => {
  it.each([
    ['hz-2023.txt', '浙江省杭州市', 'issuer', 'high'],
    ['nb-2024.txt', '浙江省宁波市', 'issuer', 'high'],
    ['hz-binjiang-2024.txt', '浙江省杭州市滨江区', 'issuer', 'high'],
    ['chunan-2024.txt', '浙江省杭州市淳安县', 'issuer', 'high'],
    ['zj-2024.txt', '浙江省', 'issuer', 'high'],
    ['cy-beijing-2023.txt', '北京市朝阳区', 'issuer', 'high'],
    ['cy-changchun-2023.txt', '吉林省长春市朝阳区', 'issuer', 'high'],
    ['doc-only-2022.txt', '重庆市', 'doc number', 'medium'],
    ['nb-xieban-2024.txt', '浙江省宁波市', 'issuer', 'high'],
  ])('%s is in %s, read from its %s (%s)', (file, path, source, confidence) => {
    const place = placeOf(file);
    expect(place.known && place.path.map((d) => d.name).join('')).toBe(path);
    expect(place.known && place.source).toBe(source);
    expect(place.known && place.confidence).toBe(confidence);
  });

  it('a province letter about a city (支持宁波…) stays the province’s', () => {
    expect(pathOf('zj-2024.txt')).toBe('浙江省');
  });

  it.each([
    ['cy-alone.txt', /朝阳区.*2 places/],
    ['no-place.txt', /no issuer, title, proposal body, contact unit or doc number names a place/],
  ])('%s has no place, and says why', (file, reason) => {
    const place = placeOf(file);
    expect(place.known).toBe(false);
    expect(!place.known && place.reason).toMatch(reason);
  });

  it('the user’s --place wins over every clue, and is said to be given', () => {
    const letter = parseText(PLACE_LETTERS['no-place.txt']);
    const given = divisions().named('温州市')[0];
    const place = findPlace(letter, given);
    expect(place.known && [place.name, place.source, place.confidence]).toEqual(['温州市', 'given', 'high']);
  });
});

describe('a doc number’s prefix', () => {
  it.each([
    ['渝科局函〔2022〕242号', '市', ['重庆市']],
    ['甬科函〔2024〕7号', '市', []],
    ['杭科函〔2023〕11号', '市', ['杭州市']],
    ['建议字:〔2023〕8号', '市', null],
  ] as const)('%s at %s level can be %j', (doc, level, names) => {
    const reading = readDocPrefix(doc, level);
    if (names === null) expect(reading).toBeNull();
    else expect(reading!.candidates.map((d) => d.name).sort()).toEqual([...names].sort());
  });

  it('石 at 市 level is still several cities: 石科建议字 alone names no place', () => {
    const names = readDocPrefix('石科建议字〔2021〕第6号', '市')!.candidates.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['石家庄市', '石嘴山市', '石狮市']));
  });

  it('one character at no known level is too ambiguous to name a place (石 → dozens)', () => {
    expect(readDocPrefix('石科建议字〔2021〕第6号', null)!.candidates.length).toBeGreaterThan(5);
  });
});

describe('the kind of letter', () => {
  it.each([
    ['hz-2023.txt', 'reply', null],
    ['nb-xieban-2024.txt', '协办意见', '市经信局'],
  ])('%s is a %s (lead unit %s)', (file, kind, lead) => {
    expect(letterKindOf(parseText(PLACE_LETTERS[file], file))).toEqual({ kind, leadUnit: lead });
  });
});

describe('divisions come from the package, with their codes and levels', () => {
  it.each([
    ['温州市', '330300', 'city', '浙江省温州市'],
    ['温岭市', '331081', 'county', '浙江省台州市温岭市'],
    ['渝中区', '500103', 'county', '重庆市渝中区'],
    ['济源市', '419001', 'county', '河南省济源市'],
    ['延边朝鲜族自治州', '222400', 'city', '吉林省延边朝鲜族自治州'],
  ])('%s is %s, a %s: %s', (name, code, level, path) => {
    const [division] = divisions().named(name);
    expect([division.code, division.level]).toEqual([code, level]);
    expect(
      divisions()
        .path(code)
        .map((d) => d.name)
        .join(''),
    ).toBe(path);
  });

  it.each([
    ['延边朝鲜族自治州', ['延边']],
    ['石家庄市', ['石家庄']],
    ['内蒙古自治区', ['内蒙古']],
    ['沙县区', ['沙县']],
    ['和县', []],
  ])('%s is written short as %j', (name, shorts) => {
    expect(divisions().named(name)[0].shortNames).toEqual(shorts);
  });
});
