import { InnographError } from '../../domain/errors.ts';
import type { EntityKind } from '../rules/name-suffixes.ts';
import aliasFile from './aliases.json' with { type: 'json' };

export interface AliasGroup {
  kind: EntityKind;
  names: string[];
}

/** The alias groups of ingest/lexicon/aliases.json, checked once at load. */
export const ALIAS_GROUPS: AliasGroup[] = aliasFile.groups.map((group, index) => {
  if (!Array.isArray(group.names) || group.names.length < 2) {
    throw new InnographError('LEXICON_INVALID', `ingest/lexicon/aliases.json: group ${index} needs at least two names`);
  }
  return { kind: group.kind as EntityKind, names: group.names };
});
