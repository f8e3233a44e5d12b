import { ApolloServerPlugin } from '@apollo/server';
import {
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

/** Items assumed in a list that has no `first` argument (a session's speakers, an edition's rooms). */
const ASSUMED_LIST_SIZE = 10;
/** A page whose `first` is not given holds the default page size (pagination.ts). */
const DEFAULT_PAGE_SIZE = 20;

/**
 * Fields whose own work is far above a plain column read, by 'Type.field': an SVG drawn from a whole
 * hall, a QR code rendered per badge, signed links to PDFs and CSV exports built from whole tables,
 * aggregate counts. Everything else costs 1, plus its children (times the page or list size).
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.floorPlanSvg': 1000,
  'Query.badgePrintSheetUrl': 200,
  'Query.leadsCsvUrl': 100,
  'Query.venueStats': 100,
  'Query.checkpointStats': 100,
  'CreditsReport.certificateUrl': 50,
  'Badge.qrSvg': 50,
  'Query.scannerDataset': 1000,
};
/**
 * Fields whose `first` sizes one flat list of a few scalars each (a scanner's roster, up to 5,000
 * rows read in one keyset step): priced by their FIELD_COSTS entry, not `first` times their children.
 */
export const FLAT_PAGES: ReadonlySet<string> = new Set(['Query.scannerDataset']);
/** Added to a field that is given a non-empty `search` (directly or in its `filter`): a full-text query. */
export const SEARCH_COST = 200;

export interface OperationMeasure {
  /** Deepest chain of fields (introspection fields not counted). */
  depth: number;
  /** Estimated work: each field 1 (or its FIELD_COSTS entry), its children times the page or list size. */
  cost: number;
  /** Fields the operation selects once fragments are expanded, aliases and `__typename` included. */
  nodes: number;
  /** Aliased fields once fragments are expanded. */
  aliases: number;
}

const ZERO: OperationMeasure = { depth: 0, cost: 0, nodes: 0, aliases: 0 };

/**
 * Measures one operation in time linear in the document: each fragment is measured once per request
 * and its measure reused at every spread, so `...F ...F` counts F twice by addition, never by walking
 * it again (a chain of doubling fragments is measured in microseconds and found to be 2^n nodes).
 * Nothing is remembered across requests: the measure reads the request's variables (`first`,
 * `@skip`/`@include`), and computing it is cheaper than keying a memo by them. Safe on documents that
 * have not been validated: unknown fields count as plain fields, a fragment spread inside its own
 * expansion counts 0 (validation refuses such cycles anyway).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
  costs: Readonly<Record<string, number>> = FIELD_COSTS,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return ZERO;

  // Variables as the resolvers will see them: the request's values over the operation's defaults.
  const vars: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? [])
    if (def.defaultValue) vars[def.variable.name.value] = literal(def.defaultValue, {});
  Object.assign(vars, variables);

  const memo = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  const measureSet = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined): OperationMeasure => {
    if (!set) return ZERO;
    let depth = 0,
      cost = 0,
      nodes = 0,
      aliases = 0;
    for (const selection of set.selections) {
      if (skipped(selection.directives, vars)) continue;
      let m: OperationMeasure;
      if (selection.kind === Kind.FIELD) m = measureField(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        m = measureSet(
          selection.selectionSet,
          selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent,
        );
      else m = measureFragment(selection.name.value);
      depth = Math.max(depth, m.depth);
      cost += m.cost;
      nodes += m.nodes;
      aliases += m.aliases;
    }
    return { depth, cost, nodes, aliases };
  };

  const measureFragment = (name: string): OperationMeasure => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return ZERO;
    inProgress.add(name);
    const m = measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined);
    inProgress.delete(name);
    memo.set(name, m);
    return m;
  };

  const measureField = (node: FieldNode, parent: GraphQLNamedType | undefined): OperationMeasure => {
    const name = node.name.value;
    const alias = node.alias ? 1 : 0;
    const def: GraphQLField<unknown, unknown> | undefined =
      parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    const childType = def ? getNamedType(def.type) : undefined;
    const children = measureSet(node.selectionSet, childType && isCompositeType(childType) ? childType : undefined);
    // Introspection (__schema, __type, __typename) is counted as nodes but neither deepens nor costs.
    if (name.startsWith('__'))
      return { depth: 0, cost: 0, nodes: 1 + children.nodes, aliases: alias + children.aliases };
    let times = 1;
    if (parent && FLAT_PAGES.has(`${parent.name}.${name}`)) {
      times = 1;
    } else if (def?.args.some((a) => a.name === 'first')) {
      const first = argument(node, 'first', vars);
      times = typeof first === 'number' && Number.isFinite(first) ? Math.max(1, first) : DEFAULT_PAGE_SIZE;
    } else if (def && name !== 'edges' && isListType(getNullableType(def.type))) {
      times = ASSUMED_LIST_SIZE; // a connection's `edges` list is counted by the page size above
    }
    const own = (parent && costs[`${parent.name}.${name}`]) || 1;
    const search = searchesText(node, vars) ? SEARCH_COST : 0;
    return {
      depth: node.selectionSet ? 1 + children.depth : 1,
      cost: own + search + times * children.cost,
      nodes: 1 + children.nodes,
      aliases: alias + children.aliases,
    };
  };

  return measureSet(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

/** Whether @skip(if: true) or @include(if: false) drops a selection; anything undecidable counts it in. */
function skipped(directives: readonly DirectiveNode[] | undefined, vars: Record<string, unknown>): boolean {
  if (!directives?.length) return false;
  for (const d of directives) {
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    if (!arg) continue;
    const value = literal(arg.value, vars);
    if (d.name.value === 'skip' && value === true) return true;
    if (d.name.value === 'include' && value === false) return true;
  }
  return false;
}

function argument(node: FieldNode, name: string, vars: Record<string, unknown>): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? literal(arg.value, vars) : undefined;
}

/** Whether a field is given a non-empty `search`, as its own argument or inside its `filter` object. */
function searchesText(node: FieldNode, vars: Record<string, unknown>): boolean {
  const direct = argument(node, 'search', vars);
  if (typeof direct === 'string' && direct.trim()) return true;
  const filter = argument(node, 'filter', vars);
  const nested = filter && typeof filter === 'object' ? (filter as Record<string, unknown>).search : undefined;
  return typeof nested === 'string' && nested.trim() !== '';
}

/** The value of a literal or variable, one level deep (enough for `first`, `if` and `filter.search`). */
function literal(value: ValueNode, vars: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return vars[value.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.BOOLEAN:
      return value.value;
    case Kind.STRING:
      return value.value;
    case Kind.OBJECT:
      return Object.fromEntries(
        value.fields.map((f) => [
          f.name.value,
          f.value.kind === Kind.OBJECT || f.value.kind === Kind.LIST ? undefined : literal(f.value, vars),
        ]),
      );
    default:
      return undefined;
  }
}

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxNodes: number;
  maxAliases: number;
}

const refuse = (message: string, extra: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra, http: { status: 400 } } });

/**
 * Refuses operations deeper, costlier, larger or with more aliases than the configured limits,
 * before any resolver runs. The measure is recomputed for every request (linear, microseconds), so a
 * cost can never be borrowed from an earlier request with other variables.
 */
export function complexityPlugin(
  limits: QueryLimits,
  costs: Readonly<Record<string, number>> = FIELD_COSTS,
): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, schema, operation }) {
          const { depth, cost, nodes, aliases } = measureOperation(
            schema,
            document,
            operation?.name?.value ?? request.operationName,
            request.variables ?? {},
            costs,
          );
          if (nodes > limits.maxNodes)
            throw refuse(`Query is too large: ${nodes} fields, the limit is ${limits.maxNodes}`, {
              nodes,
              maxNodes: limits.maxNodes,
            });
          if (aliases > limits.maxAliases)
            throw refuse(`Query has too many aliases: ${aliases}, the limit is ${limits.maxAliases}`, {
              aliases,
              maxAliases: limits.maxAliases,
            });
          if (depth > limits.maxDepth)
            throw refuse(`Query is too deep: depth ${depth}, the limit is ${limits.maxDepth}`, {
              depth,
              maxDepth: limits.maxDepth,
            });
          if (cost > limits.maxComplexity) {
            throw refuse(`Query is too complex: complexity ${cost}, the limit is ${limits.maxComplexity}`, {
              complexity: cost,
              maxComplexity: limits.maxComplexity,
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
