import type cytoscape from 'cytoscape';

/**
 * How the graph looks: each kind a colour and a shape (also in the legend),
 * size by how many letters mention a node, labels that hide when zoomed out,
 * and the classes state derives at render time (selected, faded, path, hidden).
 */
export const KIND_STYLE: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Letter: { color: '#475467', shape: 'round-rectangle' },
  Proposal: { color: '#98a2b3', shape: 'round-tag' },
  Person: { color: '#e04f5f', shape: 'ellipse' },
  Organization: { color: '#7a5af8', shape: 'hexagon' },
  Platform: { color: '#0e9384', shape: 'diamond' },
  Enterprise: { color: '#f79009', shape: 'round-triangle' },
  Policy: { color: '#2e90fa', shape: 'rectangle' },
  Programme: { color: '#66c61c', shape: 'round-pentagon' },
  Commitment: { color: '#c2410c', shape: 'star' },
  Achievement: { color: '#d0a215', shape: 'vee' },
  Indicator: { color: '#0891b2', shape: 'barrel' },
  Chain: { color: '#101828', shape: 'octagon' },
  Place: { color: '#6d7f3f', shape: 'tag' },
};

export const CHAIN_COLORS: Record<string, string> = {
  创新链: '#dbeafe',
  产业链: '#dcfce7',
  资金链: '#fef3c7',
  人才链: '#fce7f3',
};

export function stylesheet(): cytoscape.StylesheetStyle[] {
  const byKind = Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.color, shape: s.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'min-zoomed-font-size': 8,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        color: '#1d2433',
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        // A backing under each label, so a link drawn across it does not strike the words through.
        'text-background-color': '#f7f8fa',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        width: 'mapData(weight, 0, 5, 16, 48)',
        height: 'mapData(weight, 0, 5, 16, 48)',
        'border-width': 0,
      },
    },
    // Sized relative to the most-mentioned thing in view (elements.ts), so a large archive does not saturate the scale.
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    ...byKind,
    {
      selector: 'node.group-title',
      style: {
        width: 1,
        height: 1,
        'background-opacity': 0,
        label: 'data(label)',
        'text-valign': 'center',
        'text-halign': 'right',
        'text-max-width': '400px',
        'font-size': 14,
        'font-weight': 'bold',
        color: '#475467',
        events: 'no',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#c8ccd4',
        'target-arrow-color': '#c8ccd4',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        'curve-style': 'haystack',
        opacity: 0.7,
      },
    },
    { selector: 'edge[type = "ADVANCES"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge[type = "SUPPORTS"], edge[type = "PART_OF"]',
      style: { 'line-color': '#0e9384', width: 2, 'curve-style': 'bezier' },
    },
    {
      selector: ':parent',
      style: {
        'background-opacity': 0.55,
        'border-width': 1,
        'border-color': '#98a2b3',
        label: 'data(label)',
        'text-valign': 'top',
        'font-size': 18,
        'font-weight': 'bold',
        shape: 'round-rectangle',
        padding: '24px',
      },
    },
    ...Object.entries(CHAIN_COLORS).map(([chain, color]) => ({
      selector: `node[chainArea = "${chain}"]`,
      style: { 'background-color': color },
    })),
    {
      selector: 'edge.chain-link',
      style: {
        width: 'mapData(weight, 1, 30, 2, 14)',
        'line-color': '#667085',
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
        label: 'data(label)',
        'font-size': 12,
        'text-background-color': '#fff',
        'text-background-opacity': 1,
        opacity: 0.8,
      },
    },
    { selector: 'node.anchor', style: { width: 1, height: 1, opacity: 0, label: '', events: 'no' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#2563eb' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    // Named only by undated letters, under a year filter (the place and year facet keeps them).
    {
      selector: 'node.undated',
      style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#475467', 'background-opacity': 0.45 },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#c2410c' } },
    {
      selector: 'edge.path',
      style: {
        width: 4,
        'line-color': '#c2410c',
        'target-arrow-color': '#c2410c',
        opacity: 1,
        'curve-style': 'bezier',
      },
    },
    { selector: '.filtered, .hidden', style: { display: 'none' } },
    { selector: 'node.pinned', style: { 'border-width': 2, 'border-color': '#101828', 'border-style': 'double' } },
  ];
}
