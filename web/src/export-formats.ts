/**
 * Text formats for exporting what is on screen: GraphML (for Gephi and
 * Cytoscape desktop), a GraphDocument-like JSON, and CSV for the commitments
 * table. Pure functions; the toolbar turns them into downloads.
 */
export interface ExportNode {
  id: string;
  kind: string;
  name: string;
  [key: string]: unknown;
}
export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function toGraphML(nodes: ExportNode[], edges: ExportEdge[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="innograph" edgedefault="directed">',
    ...nodes.map(
      (n) =>
        `    <node id="${xml(n.id)}"><data key="kind">${xml(n.kind)}</data><data key="name">${xml(n.name)}</data><data key="label">${xml(n.name)}</data></node>`,
    ),
    ...edges.map(
      (e) =>
        `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data></edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

export function toJson(nodes: ExportNode[], edges: ExportEdge[]): string {
  return `${JSON.stringify({ nodes, edges }, null, 1)}\n`;
}

// A text cell a spreadsheet would run as a formula: =SUM(…), +1, -1+1, @cmd, or a tab or CR before one.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV with a BOM, so Excel opens Chinese text as UTF-8. Text from
 * letters is untrusted: a text cell starting like a formula (OWASP's CSV
 * injection list: = + - @ tab CR) is kept as text by a leading apostrophe,
 * quoted, as OWASP advises (=HYPERLINK("http://…") would otherwise run when
 * a researcher opens the file). Numbers stay numbers: -5 is a value.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const s = FORMULA_START.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
