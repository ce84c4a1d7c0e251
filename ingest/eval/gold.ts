import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InnographError } from '../../domain/errors.ts';

/** A hand annotation of one letter, as in shared/gold/*.json (annotation-guide.md). */
export interface GoldLetter {
  file: string;
  letter: {
    docNumber: string | null;
    issuer: string | null;
    date: string | null;
    proposal: {
      body: string | null;
      session: string | null;
      number: number | string | null;
      kind: string | null;
      title: string | null;
    } | null;
    proposers: Array<{ name: string; kind: string; role: string | null }>;
    contacts: Array<{ name: string; phone: string | null }>;
    cc: string[];
  };
  entities: Array<{ kind: string; name: string; aliases?: string[] }>;
  commitments: Array<{ text: string; value: number; unit: string; qualifier?: string | null; year?: number | null }>;
  achievements?: Array<{ text: string; value: number; unit: string }>;
}

export async function readGoldDir(dir: string): Promise<GoldLetter[]> {
  const files = (
    await readdir(dir).catch((error) => {
      throw new InnographError('GOLD_UNREADABLE', `cannot read the gold folder ${dir}: ${(error as Error).message}`);
    })
  )
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new InnographError('GOLD_UNREADABLE', `${dir} holds no .json gold files`);
  return Promise.all(
    files.map(async (f) => {
      let gold: GoldLetter;
      try {
        gold = JSON.parse(await readFile(join(dir, f), 'utf8')) as GoldLetter;
      } catch (error) {
        throw new InnographError('GOLD_UNREADABLE', `${join(dir, f)} is not valid JSON: ${(error as Error).message}`);
      }
      if (
        typeof gold.file !== 'string' ||
        !Array.isArray(gold.entities) ||
        !Array.isArray(gold.commitments) ||
        typeof gold.letter !== 'object'
      ) {
        throw new InnographError(
          'GOLD_UNREADABLE',
          `${join(dir, f)} lacks file, letter, entities or commitments (see annotation-guide.md)`,
        );
      }
      return gold;
    }),
  );
}
