/**
 * A letter's Place nodes and IN_PLACE edges for the graph: the letter IN_PLACE
 * its place (with the source, the words and how sure), and each place IN_PLACE
 * the one it belongs to, up to the province. Place nodes carry their GB/T 2260
 * code and no mentions (a letter does not "name" its city in the body): the
 * evidence is on the edges.
 */
import type { Evidence, Props } from '../../domain/model.ts';
import type { LetterPlace } from './find-place.ts';

interface GraphSink {
  node(id: string, kind: 'Place', name: string, props: Props): string;
  edge(type: 'IN_PLACE', source: string, target: string, evidence?: Evidence, props?: Props): void;
}

export const placeId = (code: string) => `Place:${code}`;

export function addLetterPlace(graph: GraphSink, letterNode: string, place: LetterPlace, evidence: Evidence): void {
  if (!place.known) return;
  const path = place.path;
  path.forEach((division, i) => {
    graph.node(placeId(division.code), 'Place', division.name, {
      code: division.code,
      level: division.level,
      parent: i > 0 ? path[i - 1].code : null,
      // 浙江省 › 台州市 › 温岭市: what a label shows where two places share a name (two 朝阳区).
      fullName: path
        .slice(0, i + 1)
        .map((d) => d.name)
        .join(''),
    });
    if (i > 0) graph.edge('IN_PLACE', placeId(division.code), placeId(path[i - 1].code), evidence);
  });
  graph.edge('IN_PLACE', letterNode, placeId(place.code), evidence, {
    source: place.source,
    confidence: place.confidence,
    words: place.words,
    agreeing: place.agreeing,
  });
}

/** The Letter node's place props: the place (code and name) and where it was read, or why it is unknown. */
export function letterPlaceProps(place: LetterPlace): Props {
  if (!place.known)
    return { place: null, placeName: null, placeSource: null, placeConfidence: null, placeUnknown: place.reason };
  return {
    place: place.code,
    placeName: place.path.map((d) => d.name).join(''),
    placeSource: place.source,
    placeConfidence: place.confidence,
    placeUnknown: null,
    // Every level the letter is in, so a filter on 浙江省 finds a letter of 温岭市 without walking the tree.
    placePath: place.path.map((d) => d.code),
  };
}
