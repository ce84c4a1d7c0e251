import type { MapData, MapHub } from './map-model.ts';

/**
 * Hubs — the four chains, the bodies that sign letters, the offices on every
 * 抄送 line — touch nearly every letter: in a force layout they would pull
 * everything into one ball. They stay out of the layout and stand in a row
 * above the map, grouped by role (chains, issuers, copies), the most letters
 * first; the page draws their links only when one is selected.
 */
const ROLE_ORDER: MapHub['role'][] = ['chain', 'issuer', 'copy'];

export function placeHubs(hubs: MapHub[], x: number[], y: number[]): MapData['hubs'] {
  if (hubs.length === 0) return [];
  const [x1, x2] = [Math.min(0, ...x), Math.max(0, ...x)];
  const y1 = Math.min(0, ...y);
  const ordered = [...hubs].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || b.letters - a.letters || cmp(a.id, b.id),
  );
  const most = Math.max(1, ...hubs.map((h) => h.letters));
  // A gap between roles, so the three groups read as three.
  const slots = ordered.length + ROLE_ORDER.filter((role) => hubs.some((h) => h.role === role)).length - 1;
  // As wide as the map at most: the row must not make the whole picture smaller (names that do not fit wait for a zoom).
  const step = Math.max(24, (x2 - x1) / Math.max(1, slots - 1));
  const width = step * (slots - 1);
  let slot = 0;
  return ordered.map((hub, i) => {
    if (i > 0 && hub.role !== ordered[i - 1].role) slot++;
    const placed = {
      ...hub,
      x: Math.round((x1 + x2) / 2 - width / 2 + slot * step),
      y: Math.round(y1 - 160),
      r: Math.round(6 + 12 * Math.sqrt(hub.letters / most)),
    };
    slot++;
    return placed;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
