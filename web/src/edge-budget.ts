import type { ElementDefinition } from 'cytoscape';

/**
 * Which of the whole graph's links are on the canvas. At 5,000 things the
 * letters hold some 86,000 links: drawn all at once they are a grey fog that
 * costs two seconds a frame (measured, npm run bench), and adding them to
 * Cytoscape alone takes four. So the whole-graph mode keeps them aside and
 * draws those a person can tell apart: the links of the selected thing, and
 * every link touching what is in view once the view holds no more than
 * `budget` of them (zoom in and they appear). Pure: tested in Node.
 */
export interface HeldEdge {
  id: string;
  source: string;
  target: string;
  definition: ElementDefinition;
}
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The most links drawn for the view; measured: a full redraw of 4,000 links and 5,000 nodes stays near 150 ms here. */
export const EDGE_BUDGET = 4000;

export class HeldEdges {
  readonly all: HeldEdge[];
  private readonly byNode = new Map<string, HeldEdge[]>();

  constructor(definitions: ElementDefinition[]) {
    this.all = definitions.map((d) => ({
      id: String(d.data.id),
      source: String(d.data.source),
      target: String(d.data.target),
      definition: d,
    }));
    for (const edge of this.all) {
      for (const end of [edge.source, edge.target]) {
        const list = this.byNode.get(end);
        if (list) list.push(edge);
        else this.byNode.set(end, [edge]);
      }
    }
  }

  of(node: string): readonly HeldEdge[] {
    return this.byNode.get(node) ?? [];
  }

  get size(): number {
    return this.all.length;
  }
}

/**
 * The ids to draw: the selected node's links, plus every link with an end inside `extent` when there are at most
 * `budget` of those (else none: zoomed out that far they would only be fog).
 */
export function edgesToDraw(
  held: HeldEdges,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  extent: Extent,
  selected: string | null,
  budget = EDGE_BUDGET,
): Set<string> {
  const inside = (id: string) => {
    const p = positions.get(id);
    return p !== undefined && p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
  };
  const near: string[] = [];
  for (const edge of held.all) {
    if (inside(edge.source) || inside(edge.target)) {
      near.push(edge.id);
      if (near.length > budget) break;
    }
  }
  const wanted = new Set(near.length <= budget ? near : []);
  if (selected) for (const edge of held.of(selected)) wanted.add(edge.id);
  return wanted;
}
