import neo4j from 'neo4j-driver';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InnographError } from '../../domain/errors.ts';

/**
 * The files Neo4j's batch importer reads (`neo4j-admin database import full`, run by the launcher:
 * neo4j-launcher/src/main/java/innograph/FirstLoadImport.java): CSV with a header line a file, one file
 * per shape of row (labels or type, and each property's name and type), so every row of a file has
 * the same columns. Each property keeps the type the Cypher path gives it: a neo4j Integer is a long, a
 * JavaScript number a double (as the driver sends them), strings, booleans and lists of one of these.
 * A missing (null) property is left out, as Cypher's SET n.p = null leaves none.
 *
 * What CSV cannot say, the load says afterwards in Cypher (bulk-import.ts): an empty list (the importer
 * reads an empty field as no property) is recorded in `emptyLists` and set by its node's key.
 */

/** Between the items of a list and between labels (the importer's --array-delimiter=U+001F). */
export const ITEM_SEPARATOR = '\u001f';
/** Bytes a file buffers before writing. */
const FLUSH_AT = 1 << 22;

/** Why rows cannot go through the importer (the Cypher path takes them). */
export class ImportUnfitError extends InnographError {
  constructor(message: string) {
    super('NEO4J_IMPORT_UNFIT', message);
  }
}

export type Properties = Record<string, unknown>;

/**
 * An empty list the import leaves out, set after it: on a node found by its label and key (an Entity's
 * id, a LetterParts' letter, an InnographMeta's id), or a relationship found by its type and ends.
 */
export interface EmptyList {
  label: 'Entity' | 'LetterParts' | 'InnographMeta' | 'relationship';
  key: string;
  ends?: { source: string; target: string; type: string };
  property: string;
}

interface OpenFile {
  fd: number;
  columns: string[];
  buffered: string[];
  size: number;
}

export class ImportFiles {
  private readonly files = new Map<string, OpenFile>();
  private count = 0;
  readonly emptyLists: EmptyList[] = [];
  nodes = 0;
  relationships = 0;
  /** The longest field written, in UTF-16 units: the importer's read buffer must hold it (FirstLoadImport.java). */
  longestField = 0;

  constructor(readonly folder: string) {}

  /** A node: its import key (unique among nodes), labels and properties; `keyed` names its key property for empty lists. */
  node(
    key: string,
    labels: string[],
    props: Properties,
    keyed?: { label: 'Entity' | 'LetterParts' | 'InnographMeta'; property: string },
  ): void {
    for (const label of labels) if (label.includes(ITEM_SEPARATOR)) throw unfit(`the label ${label}`);
    const [columns, values] = this.columns(props, (property) => {
      if (!keyed) throw unfit(`an empty list in ${property} of a node without a key`);
      this.emptyLists.push({ label: keyed.label, key: String(props[keyed.property]), property });
    });
    const file = this.file('nodes', [':ID', ':LABEL', ...columns], labels.join(ITEM_SEPARATOR));
    this.write(file, [quote(key), quote(labels.join(ITEM_SEPARATOR)), ...values]);
    this.nodes++;
  }

  /** A relationship between two nodes' import keys; `keyed`: the ids of its ends, by which an empty list is set. */
  relationship(
    start: string,
    end: string,
    type: string,
    props: Properties,
    keyed?: { source: string; target: string },
  ): void {
    const [columns, values] = this.columns(props, (property) => {
      if (!keyed) throw unfit(`an empty list in ${property} of a ${type} relationship without ends`);
      const ends = { ...keyed, type };
      this.emptyLists.push({ label: 'relationship', key: `${type}|${keyed.source}|${keyed.target}`, ends, property });
    });
    const file = this.file('relationships', [':START_ID', ':END_ID', ':TYPE', ...columns], type);
    this.write(file, [quote(start), quote(end), quote(type), ...values]);
    this.relationships++;
  }

  /** Writes what is buffered and closes every file. */
  close(): void {
    for (const file of this.files.values()) {
      this.flush(file);
      closeSync(file.fd);
    }
    this.files.clear();
  }

  private columns(props: Properties, onEmptyList: (property: string) => void): [string[], string[]] {
    const columns: string[] = [];
    const values: string[] = [];
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) {
        onEmptyList(name);
        continue;
      }
      const [type, text] = typed(name, value);
      columns.push(`${name}:${type}`);
      values.push(text);
    }
    return [columns, values];
  }

  private file(kind: 'nodes' | 'relationships', header: string[], labels: string): OpenFile {
    const shape = `${kind}|${labels}|${header.join(',')}`;
    let file = this.files.get(shape);
    if (!file) {
      const path = join(this.folder, `${kind}-${String(++this.count).padStart(4, '0')}.csv`);
      file = { fd: openSync(path, 'w'), columns: header, buffered: [], size: 0 };
      this.files.set(shape, file);
      this.write(file, header);
    }
    return file;
  }

  private write(file: OpenFile, fields: string[]): void {
    for (const field of fields) if (field.length > this.longestField) this.longestField = field.length;
    const line = `${fields.join(',')}\n`;
    file.buffered.push(line);
    file.size += line.length;
    if (file.size >= FLUSH_AT) this.flush(file);
  }

  private flush(file: OpenFile): void {
    if (file.buffered.length === 0) return;
    writeSync(file.fd, file.buffered.join(''));
    file.buffered = [];
    file.size = 0;
  }
}

const unfit = (what: string) =>
  new ImportUnfitError(`${what} cannot be written by Neo4j's importer; the load goes by Cypher instead`);

/** A string as a CSV field: always quoted, quotes doubled (newlines and commas stay inside the quotes). */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A property's importer type and its field. */
function typed(name: string, value: unknown): [string, string] {
  if (Array.isArray(value)) {
    const types = new Set(value.map((item) => scalar(name, item)[0]));
    if (types.size !== 1) throw unfit(`the list ${name} of mixed types`);
    const texts = value.map((item) => {
      const text = scalar(name, item)[1];
      if (text.includes(ITEM_SEPARATOR)) throw unfit(`a value of ${name} holding U+001F`);
      return text;
    });
    return [`${[...types][0]}[]`, quote(texts.join(ITEM_SEPARATOR))];
  }
  const [type, text] = scalar(name, value);
  return [type, type === 'string' ? quote(text) : text];
}

function scalar(name: string, value: unknown): [string, string] {
  if (typeof value === 'string') return ['string', value];
  if (typeof value === 'boolean') return ['boolean', String(value)];
  if (neo4j.isInt(value)) return ['long', value.toString()];
  if (typeof value === 'number' && Number.isFinite(value)) return ['double', String(value)];
  throw unfit(`the value of ${name} (${typeof value})`);
}
