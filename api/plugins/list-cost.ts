import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a query may cost before it runs, counting list sizes: every field
 * costs 1, times the sizes asked for above it. A `first` or `limit` argument
 * (and the number of `ids` given) multiplies the cost of everything under its
 * field, so `overview(limit: 10000) { nodes { id name } }` costs about 30,000
 * and twenty aliases of it twenty times that, while graphql-armor's own cost
 * (which knows nesting, not sizes) counts both alike. Arguments left out take
 * the schema's defaults; `$variables` count with the values sent.
 */
export const SIZE_ARGUMENTS = ['first', 'limit'] as const;

export function listCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName)
    )
      operation ??= definition;
  }
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;

  const costOf = (type: GraphQLNamedType, selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!selectionSet) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(schema, type, selection.name.value);
        if (!field) continue;
        const size = sizeOf(field, selection.arguments ?? [], variables);
        cost += 1 + size * costOf(namedType(field.type), selection.selectionSet, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += costOf(on ?? type, selection.selectionSet, seen);
      } else {
        // Validation has refused fragment cycles; `seen` only keeps a bad document from looping here.
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        cost += costOf(on, fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
    return cost;
  };
  return costOf(root, operation.selectionSet, new Set());
}

// graphql is loaded twice (ESM here under vitest, CommonJS by @graphql-tools): its instanceof-based
// predicates (isObjectType …) refuse the other copy's types, so types are read by their shape.
type Typed = { ofType?: GraphQLType };
const namedType = (type: GraphQLType): GraphQLNamedType => {
  let named = type as GraphQLType & Typed;
  while (named.ofType) named = named.ofType as GraphQLType & Typed;
  return named as GraphQLNamedType;
};

/** A field of an object or interface type, or of a type implementing it (a fragment on Entity may ask for any kind's field). */
function fieldOf(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  const fields = (t: unknown) =>
    (t as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> }).getFields?.() ?? {};
  const own = fields(type)[name];
  if (own || !('resolveType' in type)) return own;
  return schema
    .getPossibleTypes(type as Parameters<GraphQLSchema['getPossibleTypes']>[0])
    .map((each) => fields(each)[name])
    .find(Boolean);
}

/** How many items a field's arguments ask for: first or limit, or the number of ids given; 1 when it says nothing. */
function sizeOf(
  field: GraphQLField<unknown, unknown>,
  given: readonly ArgumentNode[],
  variables: Record<string, unknown>,
): number {
  const value = (name: string): unknown => {
    const node = given.find((a) => a.name.value === name)?.value;
    if (!node) return field.args.find((a) => a.name === name)?.defaultValue;
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.LIST) return node.values;
    return undefined;
  };
  for (const name of SIZE_ARGUMENTS) {
    const size = value(name);
    if (typeof size === 'number' && size > 0) return size;
  }
  const ids = value('ids');
  return Array.isArray(ids) && ids.length > 0 ? ids.length : 1;
}
