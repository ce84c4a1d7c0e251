import { describe, expect, it } from 'vitest';
import { readerFiles } from '../../ingest/reading-cache.ts';

describe('the version a kept reading is made by', () => {
  const files = readerFiles();
  it('covers the code and data a letter is read with: parsing, extraction, places, lexicons', () => {
    for (const file of [
      'ingest/read-one.ts',
      'ingest/stages.ts',
      'ingest/parse/parse-letter.ts',
      'ingest/extract/extract-letter.ts',
      'ingest/place/find-place.ts',
      'ingest/resolve/scope.ts',
      'ingest/lexicon/units.json',
      'ingest/extract-worker.mjs',
    ])
      expect(files).toContain(file);
  });

  it('leaves out the archive stages, so changing them keeps every reading a large store holds', () => {
    for (const file of [
      'ingest/graph/build-graph.ts',
      'ingest/graph/graph-builder.ts',
      'ingest/resolve/resolve-names.ts',
      'ingest/resolve/variants.ts',
      'ingest/extract/repeats.ts',
      'ingest/ingest-files.ts',
      'ingest/pipeline.ts',
    ])
      expect(files).not.toContain(file);
  });
});
