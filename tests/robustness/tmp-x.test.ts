import { it } from 'vitest';
import { makeTextPdf } from '../helpers/documents.ts';
import { pdfToText } from '../../ingest/read/read-pdf.ts';
import { seedText } from '../helpers/seeds.ts';
it('x', async () => {
  const body = seedText('000').split('\n').slice(8, -6).join('\n');
  for (const n of [1, 5, 20, 60]) {
    const lines = `${body}\n`.repeat(n).split('\n');
    const text = await pdfToText(makeTextPdf(lines));
    console.log('N', n, lines.join('\n').length, text.length);
  }
});
