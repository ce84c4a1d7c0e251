import type { StageName } from '../stages.ts';
import { type Explanation, STAGE_NAMES, type StageView } from './explain.ts';

/**
 * The text form of `innograph explain`: per letter, each stage's one-line
 * summary and then what it kept, one line a thing, so a reader scans down to
 * the stage where the letter went wrong. `--json` gives the values whole.
 */
export function explanationText(explanation: Explanation, only: StageName | null = null): string {
  const out: string[] = [];
  if (explanation.rejected) return `${explanation.file}: not read (${explanation.rejected})`;
  for (const letter of explanation.letters) {
    out.push(`═══ ${letter.source}`);
    for (const name of STAGE_NAMES) {
      if (only && name !== only) continue;
      const view = letter.stages[name];
      if (!view) {
        if (letter.stopped?.stage === name) out.push(`── ${name}: stopped here: ${letter.stopped.reason}`);
        continue;
      }
      out.push(`── ${name}: ${view.summary}`);
      for (const line of DETAILS[name](view)) out.push(`   ${line}`);
    }
  }
  return out.join('\n');
}

type Rows = Record<string, unknown>[];
const span = (s: unknown): string => {
  if (s && typeof s === 'object' && 'text' in s && 'start' in s) {
    const x = s as { text: string; start: number; end: number };
    return `«${x.text}» @${x.start}–${x.end}`;
  }
  return short(JSON.stringify(s));
};
const short = (text: string, width = 150) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const at = (r: Record<string, unknown>) => `@${String(r.start)}–${String(r.end)}`;

const DETAILS: Record<StageName, (view: StageView) => string[]> = {
  read: () => [],
  page: (view) => {
    const v = view.value as { chrome: Array<{ line: number; text: string }>; metadata: Record<string, unknown> };
    return [
      ...v.chrome.map((c) => `chrome  line ${c.line}: ${short(c.text, 100)}`),
      ...Object.entries(v.metadata).map(([field, value]) => `metadata  ${field}: ${describe(value)}`),
    ];
  },
  header: (view) =>
    Object.entries(view.value as Record<string, unknown>).flatMap(([field, value]) =>
      Array.isArray(value)
        ? value.length === 0
          ? []
          : value.map((item) => `${field}: ${typeof item === 'string' ? item : describe(item)}`)
        : [`${field}: ${describe(value)}`],
    ),
  body: (view) =>
    (view.value as { sections: Rows }).sections.map(
      (s) => `${'  '.repeat(Number(s.level))}${String(s.marker)} [${String(s.part)}] ${short(span(s.heading), 110)}`,
    ),
  place: (view) => {
    const v = view.value as Record<string, unknown>;
    return v.known ? [`agreeing: ${JSON.stringify(v.agreeing)}`, `disagreeing: ${JSON.stringify(v.disagreeing)}`] : [];
  },
  mentions: (view) => mentionLines(view.value as Rows),
  figures: (view) =>
    (view.value as Rows).map(
      (f) =>
        `${String(f.kind).padEnd(11)} ${String(f.value)} ${String(f.unit)}${f.qualifier ? ` ${String(f.qualifier)}` : ''}${f.year ? ` (${String(f.year)})` : ''}  ${at(f)}  ${short(String(f.text), 80)}`,
    ),
  repeats: (view) => mentionLines(view.value as Rows),
  resolution: (view) => {
    const v = view.value as { mentions: Rows; joins: Rows };
    return [
      ...v.mentions
        .filter((m) => m.name !== m.written)
        .map((m) => `${String(m.kind).padEnd(12)} ${String(m.written)} → ${String(m.name)} (${String(m.node)})`),
      ...v.joins.map(
        (j) =>
          `join  ${String(j.kind)}: ${String(j.name)} = ${String(j.to)} by ${String(j.rule)}${j.scope ? ` in ${String(j.scope)}` : ''}`,
      ),
    ];
  },
  chains: (view) =>
    (view.value as Rows).map(
      (t) =>
        `${String(t.source)} → ${String(t.chain)} by ${String(t.basis)} («${String(t.keyword)}»)${t.reason ? ` ${describe(t.reason)}` : ''}: ${short(String(t.evidence), 70)}`,
    ),
  graph: (view) => {
    const v = view.value as { nodes: Rows };
    return v.nodes.map((n) => `${String(n.kind).padEnd(12)} ${String(n.id)}`);
  },
};

function mentionLines(rows: Rows): string[] {
  return rows.map(
    (m) =>
      `${String(m.kind).padEnd(12)} ${String(m.name)}${m.written !== m.name ? ` (written ${String(m.written)})` : ''}  ${at(m)}  ${String(m.rule)}`,
  );
}

/** A header part in one line: a span as «text» @start–end, a record by its fields. */
function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  if ('text' in value && 'start' in value && Object.keys(value).length <= 3) return span(value);
  return short(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}=${v !== null && typeof v === 'object' && 'text' in v ? span(v) : JSON.stringify(v)}`)
      .join(' '),
    200,
  );
}
