import type { Clause } from './clauses.ts';
import type { ChainReading } from './reading.ts';

/**
 * The letter's own industries, as it names them before 产业 (加快氢能全产业链发展 · 州委、州政府将人参产业列为重点培育的
 * 特色产业 · 推动储能产业链上下游协同): a platform of the letter whose name holds one (乌兰木伦氢能港 · 龙井人参健康谷 ·
 * 荆楚储能谷) is a place of that industry — industry work though its name lacks the word 产业. Read per letter, so a
 * letter of a new place teaches its own industries.
 */

/** Two characters before 产业 (or 全产业), not 产业化 (industrialisation) nor a name's head (产业园, 产业基金 …). */
const INDUSTRY_BEFORE = /([\u4e00-\u9fa5]{2})全?产业(?!化|园|集群|基金|链长|学院|研究院|大学)/g;

/**
 * Two characters before 产业 that rank, place or qualify industries, or act on them, rather than name one:
 * 特色产业 · 战略性新兴产业 · 全市产业 · 推动产业 · 科技成果产业化 is kept out above.
 */
const NOT_AN_INDUSTRY = new Set(
  (
    '特色 主导 新兴 优势 重点 支柱 传统 现代 未来 相关 本地 当地 各类 高新 技术 科技 创新 数字 融合 配套 上下 下游 上游 ' +
    '链上 集群 发展 民营 经济 服务 实体 新型 先进 高端 关联 首位 地方 区域 县域 农业 工业 文化 一产 二产 三产 绿色 ' +
    '低碳 生态 健康 战略 新质 产业 深化 成果 数据 知识 全市 全县 全区 全省 全旗 全州 我市 我县 我区 我省 我旗 我州 ' +
    '推动 培育 壮大 做强 做大 打造 加快 支持 促进 引领 赋能 带动 提升'
  ).split(' '),
);

/** The letter's industries, and those each clause names outside every thing's name (read once per clause). */
export class LetterIndustries {
  readonly all: string[];
  private readonly clauses = new Map<number, string[]>();

  constructor(private readonly reading: ChainReading) {
    const found = new Set<string>();
    for (const match of reading.text.matchAll(INDUSTRY_BEFORE)) if (!NOT_AN_INDUSTRY.has(match[1])) found.add(match[1]);
    this.all = [...found];
  }

  inClause(clause: Clause): string[] {
    let named = this.clauses.get(clause.index);
    if (!named) {
      const { text, names } = this.reading;
      const words = text.slice(clause.start, clause.end);
      named = this.all.filter((industry) => {
        for (let at = words.indexOf(industry); at >= 0; at = words.indexOf(industry, at + 1))
          if (!names.holding(clause.start + at, clause.start + at + industry.length)) return true;
        return false;
      });
      this.clauses.set(clause.index, named);
    }
    return named;
  }
}
