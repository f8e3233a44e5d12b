import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, getNullableType, GraphQLError, isListType, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Items assumed in a list that has no `first` argument (a session's speakers, an edition's rooms). */
const ASSUMED_LIST_SIZE = 10;

/** A page costs `first` times its children; a plain list ASSUMED_LIST_SIZE times. */
const pageEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + Math.max(1, args.first) * childComplexity;
  if (field.name === 'edges') return 1 + childComplexity; // a connection's page size is counted above
  if (isListType(getNullableType(field.type))) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return undefined;
};

/** Nesting depth of an operation, fragments followed, introspection fields ignored. */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        max = Math.max(max, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        if (seen.has(name)) continue;
        max = Math.max(max, depthOf(fragments.get(name)?.selectionSet, new Set(seen).add(name)));
      }
    }
    return max;
  };
  return operation ? depthOf(operation.selectionSet, new Set()) : 0;
}

const refuse = (message: string, extra: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra, http: { status: 400 } } });

const MEASURED_MAX = 2000;

/**
 * Refuses operations deeper or costlier than the configured limits, before any resolver runs. An
 * operation's measure depends on its text and on `first` arguments only (the estimators read nothing
 * else), so it is remembered per text and numeric variables: the same scan or page request a
 * thousand times a minute is measured once.
 */
export function complexityPlugin(maxComplexity: number, maxDepth: number): ApolloServerPlugin {
  const measured = new Map<string, { depth: number; complexity: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const numbers = Object.entries(request.variables ?? {}).filter(([, v]) => typeof v === 'number');
          const key = request.query === undefined ? undefined : `${request.operationName ?? ''}\n${JSON.stringify(numbers)}\n${request.query}`;
          let measure = key === undefined ? undefined : measured.get(key);
          if (!measure) {
            measure = {
              depth: operationDepth(document, request.operationName),
              complexity: getComplexity({
                schema,
                operationName: request.operationName ?? undefined,
                query: document,
                variables: request.variables ?? {},
                estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
              }),
            };
            if (key !== undefined) {
              if (measured.size >= MEASURED_MAX) measured.clear();
              measured.set(key, measure);
            }
          }
          const { depth, complexity } = measure;
          if (depth > maxDepth) throw refuse(`Query is too deep: depth ${depth}, the limit is ${maxDepth}`, { depth, maxDepth });
          if (complexity > maxComplexity) {
            throw refuse(`Query is too complex: complexity ${complexity}, the limit is ${maxComplexity}`, { complexity, maxComplexity });
          }
        },
      };
    },
  };
}
