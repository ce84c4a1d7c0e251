import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { startServer } from '../helpers/server.ts';

/**
 * GraphiQL shows each type, field, argument, input field and enum value with
 * its description: an analyst reads the schema there. This walks the schema
 * as the server introspects it and names everything left undescribed.
 */
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(new MemoryStore({ path: null }));
});
afterAll(() => server.close());

interface Described {
  name: string;
  description: string | null;
}
interface IntrospectedType extends Described {
  kind: string;
  fields: Array<Described & { args: Described[] }> | null;
  inputFields: Described[] | null;
  enumValues: Described[] | null;
}

const INTROSPECTION = `{ __schema { types { kind name description
  fields(includeDeprecated: true) { name description args { name description } }
  inputFields { name description }
  enumValues(includeDeprecated: true) { name description } } } }`;

// The built-in scalars are GraphQL's own, described by the specification.
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Every schema element without a description, as Type, Type.field, Type.field(arg), Input.field or Enum.VALUE. */
function undescribed(types: IntrospectedType[]): string[] {
  const missing: string[] = [];
  const blank = (d: Described) => !d.description || d.description.trim().length < 3;
  for (const type of types) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
    if (blank(type)) missing.push(type.name);
    for (const field of type.fields ?? []) {
      if (blank(field)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (blank(arg)) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
    for (const field of type.inputFields ?? []) if (blank(field)) missing.push(`${type.name}.${field.name}`);
    for (const value of type.enumValues ?? []) if (blank(value)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the schema explains itself', () => {
  it('every type, field, argument, input field and enum value has a description', async () => {
    const { body } = await server.gql(INTROSPECTION);
    expect(body.errors).toBeUndefined();
    const types = body.data!.__schema.types as IntrospectedType[];
    expect(types.length).toBeGreaterThan(20);
    expect(undescribed(types)).toEqual([]);
  });

  it('the walk finds what is missing (must not misfire)', () => {
    const type = (fields: IntrospectedType['fields']): IntrospectedType => ({
      kind: 'OBJECT',
      name: 'Query',
      description: 'All questions.',
      fields,
      inputFields: null,
      enumValues: null,
    });
    expect(
      undescribed([type([{ name: 'node', description: 'One thing.', args: [{ name: 'id', description: null }] }])]),
    ).toEqual(['Query.node(id)']);
    expect(
      undescribed([
        type([{ name: 'node', description: 'One thing.', args: [{ name: 'id', description: 'Its id.' }] }]),
      ]),
    ).toEqual([]);
  });
});
