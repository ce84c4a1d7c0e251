import type { EntityKind } from '../rules/name-suffixes.ts';

/** One thing found in a letter: what it is, as written, where, and which rule found it. */
export interface Mention {
  kind: EntityKind;
  name: string;
  start: number;
  end: number;
  rule: string;
  /** Extra fields: a person's role, a policy's document number, a contact's phone. */
  props?: Record<string, string | null>;
}
