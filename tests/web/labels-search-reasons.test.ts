import { describe, expect, it } from 'vitest';
import { matchScore } from '../../store/search-score.ts';
import { labelBox, labelLevels, zoomSteps } from '../../web/src/map/label-levels.ts';
import { placeLabels } from '../../web/src/map/map-draw.ts';
import { reasonIn } from '../../web/src/panels/ledger-reason.ts';
import type { GraphNode } from '../../domain/model.ts';

describe('names on the map by zoom', () => {
  // 400 things on a jittered grid 30 units apart, names 40–120 px wide: far out they all collide.
  const anchors = Array.from({ length: 400 }, (_, i) => ({
    x: (i % 20) * 30 + ((i * 7) % 11),
    y: Math.floor(i / 20) * 30 + ((i * 13) % 9),
    r: 3 + (i % 5),
    w: 40 + ((i * 37) % 80),
    h: 15,
  }));
  const zooms = zoomSteps(0.05, 8);
  const levels = labelLevels(anchors, zooms);
  const hit = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) =>
    a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  it.each([0.05, 0.2, 0.37, 1, 2.5, 8])('at zoom %s no two names shown overlap', (k) => {
    const placed = placeLabels(anchors, levels, { k, tx: 0, ty: 0 }, 1e9, 1e9, () => true, []);
    const boxes = placed.map((p) => p.box);
    expect(boxes.filter((a, i) => boxes.slice(i + 1).some((b) => hit(a, b)))).toEqual([]);
  });

  it('the most linked (first) is named from the farthest zoom; more names show as one zooms in', () => {
    expect(levels[0]).toBe(zooms[0]);
    const shownAt = (k: number) => [...levels].filter((l) => l <= k).length;
    expect(shownAt(0.05)).toBeLessThan(shownAt(0.5));
    expect(shownAt(0.5)).toBeLessThan(shownAt(8));
    expect(shownAt(8)).toBe(400);
  });

  it('a name asked for (the selection) shows first, and the names it would cover give way', () => {
    const asked = 399;
    const placed = placeLabels(anchors, levels, { k: 0.2, tx: 0, ty: 0 }, 1e9, 1e9, () => true, [asked]);
    expect(placed[0]).toMatchObject({ at: asked, strong: true });
    const boxes = placed.map((p) => p.box);
    expect(boxes.filter((a, i) => boxes.slice(i + 1).some((b) => hit(a, b)))).toEqual([]);
  });
});

describe('search ranks a thing by its own name above clauses that contain it', () => {
  const node = (kind: GraphNode['kind'], name: string, letters: number): GraphNode => ({
    id: `${kind}:${name}`,
    kind,
    name,
    aliases: [],
    props: {},
    mentions: Array.from({ length: letters }, (_, i) => ({ letter: `Letter:${i}`, start: 0, end: 1 })),
  });
  it.each([
    // The clause starts with the query; the platform only contains it.
    ['实验室', node('Platform', '瓯江实验室', 3), node('Achievement', '实验室累计孵化企业120家', 1)],
    ['瓯江实验室', node('Platform', '瓯江实验室', 1), node('Achievement', '瓯江实验室累计孵化企业120家', 50)],
    ['科技副总', node('Programme', '科技副总', 2), node('Commitment', '科技副总选派人数达到200人', 9)],
  ])('%s: the thing first', (query, thing, clause) => {
    expect(matchScore(thing, query)).toBeGreaterThan(matchScore(clause, query));
  });
  it('a clause typed whole still comes first (must not misfire)', () => {
    const clause = node('Commitment', '新增高新技术企业500家', 1);
    expect(matchScore(clause, '新增高新技术企业500家')).toBeGreaterThan(
      matchScore(node('Programme', '新增高新技术企业500家行动', 40), '新增高新技术企业500家'),
    );
  });
});

describe('the ledger reason in Chinese', () => {
  it.each([
    ['2024: promised 600家 以上, reported 812家', '2024年：承诺 600家 以上，实际报告 812家'],
    ['a later letter sets 700家 for 2024 instead of 600家', '后续答复函将 2024 年的目标由 600家 改为 700家'],
    ['no letter dated after this promise reports on this indicator', '此后没有答复函报告该指标'],
    [
      'later letters report on this indicator, but none gives a figure for 2023',
      '后续答复函报告了该指标，但没有 2023 年的数字',
    ],
    [
      'later letters report on this indicator, but the promise names no year to compare them with',
      '后续答复函报告了该指标，但该承诺未写明年份，无从比较',
    ],
  ])('%s', (english, chinese) => {
    expect(reasonIn(english, 'zh')).toBe(chinese);
    expect(reasonIn(english, 'en')).toBe(english);
  });
  it('a reason of another shape is shown as given (must not misfire)', () => {
    expect(reasonIn('something new', 'zh')).toBe('something new');
  });
});
