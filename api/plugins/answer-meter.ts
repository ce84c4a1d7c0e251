import {
  defaultFieldResolver,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { codedError } from './coded-error.ts';

/**
 * The answer's size while it is built. A query's cost is an estimate made
 * before it runs (list-cost.ts): it cannot know how many links a node has or
 * how many letters name a chain. So every list the resolvers return is
 * counted as it comes, items times the values asked for each, and the
 * request is stopped (ANSWER_TOO_LARGE) the moment the answer passes its
 * budget, before it is serialised: a request's memory is bounded by what it
 * is allowed to answer, not by what the graph holds.
 */
export const ANSWER_METER = Symbol('innograph answer meter');

export class AnswerMeter {
  private used = 0;
  private readonly perItem = new WeakMap<FieldNode, number>();
  constructor(
    private readonly budget: number,
    private readonly stop: (error: Error) => void,
  ) {}

  /** Counts a list a resolver returned; over budget, stops the request and throws. */
  count<T>(value: T, info: GraphQLResolveInfo): T {
    if (!Array.isArray(value)) return value;
    const node = info.fieldNodes[0];
    let each = this.perItem.get(node);
    if (each === undefined) this.perItem.set(node, (each = valuesPerItem(node.selectionSet, info.fragments, 0)));
    this.used += value.length * each;
    if (this.used > this.budget) {
      const error = codedError(
        'ANSWER_TOO_LARGE',
        `the answer would hold more than ${this.budget.toLocaleString('en')} values; ask for fewer things (a smaller first or limit, fewer fields or aliases) or page through them`,
        400,
      );
      this.stop(error);
      throw error;
    }
    return value;
  }
}

/** How many values one item of a list brings: its leaf fields, and those of the objects under it. */
function valuesPerItem(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
): number {
  if (!selectionSet) return 1;
  // Validation refuses deeper queries (and fragment cycles); the bound keeps a bad document from looping.
  if (depth > 32) return 1;
  let values = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) values += valuesPerItem(selection.selectionSet, fragments, depth + 1);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      values += valuesPerItem(selection.selectionSet, fragments, depth + 1);
    else values += valuesPerItem(fragments[selection.name.value]?.selectionSet, fragments, depth + 1);
  }
  return Math.max(1, values);
}

/**
 * Puts the meter on every field of the schema that answers a list. The
 * schema is the server's own (createServer builds it), so its resolvers are
 * wrapped in place; a request without a meter (a test calling the schema
 * directly) is answered as before.
 */
export function meterLists(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    // Object types by shape (list-cost.ts says why): fields and isTypeOf, unlike interfaces (resolveType).
    if (type.name.startsWith('__') || !('getFields' in type) || 'resolveType' in type) continue;
    const fields = (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
    for (const field of Object.values(fields)) {
      // [Entity!]! or [Entity]: a list, whether or not it may be null.
      if (!String(field.type).replace(/!$/, '').startsWith('[')) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const meter = (context as { [ANSWER_METER]?: AnswerMeter } | undefined)?.[ANSWER_METER];
        const value = resolve(source, args, context, info);
        if (!meter) return value;
        return value instanceof Promise ? value.then((v) => meter.count(v, info)) : meter.count(value, info);
      };
    }
  }
  return schema;
}
