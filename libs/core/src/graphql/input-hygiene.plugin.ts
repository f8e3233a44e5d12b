import { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  DocumentNode,
  getNamedType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { badInput } from '../errors/domain-error';
import { clip, MAX_STRING_LENGTH, PER_ROW_INPUTS, stringProblem } from '../input-rules';

/** Document texts whose literals' verdict is remembered (cleared when full). */
const MAX_REMEMBERED_DOCUMENTS = 2_000;

/** Input values nest a few levels (an import's rows, a filter); anything deeper is not input, it is an attack. */
const MAX_INPUT_DEPTH = 32;

interface Problem {
  where: string;
  what: string;
}

/**
 * One rule for every string a GraphQL operation carries, inline literals and variables alike, in
 * nested input objects and lists: at most MAX_STRING_LENGTH characters and no control character
 * (PostgreSQL refuses U+0000). A violation is BAD_USER_INPUT naming the argument (or variable
 * path), before any resolver runs; fields keep their own tighter bounds (class-validator, TextArg).
 * Rows of per-row input types (imports) may carry control characters: their service refuses that row.
 */
export function inputHygienePlugin(maxLength = MAX_STRING_LENGTH): ApolloServerPlugin {
  // A document's literals are the same every time its text is sent (a scanner sends one text all day):
  // their verdict is remembered per text, so the hot path walks only the variables.
  const literalVerdicts = new Map<string, Problem | null>();
  const literalsOf = (schema: GraphQLSchema, document: DocumentNode, text: string | undefined): Problem | undefined => {
    const known = text === undefined ? undefined : literalVerdicts.get(text);
    if (known !== undefined) return known ?? undefined;
    const problem = literalProblem(schema, document, maxLength);
    if (text !== undefined) {
      if (literalVerdicts.size >= MAX_REMEMBERED_DOCUMENTS) literalVerdicts.clear();
      literalVerdicts.set(text, problem ?? null);
    }
    return problem;
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          const problem =
            literalsOf(schema, document, request.query) ??
            (operation ? variableProblem(schema, operation, request.variables ?? {}, maxLength) : undefined);
          if (!problem) return Promise.resolve();
          const where = clip(problem.where, 200);
          throw new GraphQLError(`${where} ${problem.what}`, {
            originalError: badInput(`${where} ${problem.what}`, { argument: where }),
            extensions: { http: { status: 400 } },
          });
        },
      });
    },
  };
}

/** The first string literal of the document that breaks the rule, named by its argument and input fields. */
function literalProblem(schema: GraphQLSchema, document: DocumentNode, max: number): Problem | undefined {
  const typeInfo = new TypeInfo(schema);
  const names: string[] = [];
  const perRow: boolean[] = [];
  let found: Problem | undefined;
  const push = (name: string) => void names.push(name);
  const pop = () => void names.pop();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition: { enter: (node) => push(`$${node.variable.name.value}`), leave: pop },
      Argument: { enter: (node) => push(node.name.value), leave: pop },
      ObjectField: { enter: (node) => push(node.name.value), leave: pop },
      ObjectValue: {
        enter: () => void perRow.push(perRow.at(-1) === true || isPerRow(typeInfo.getInputType())),
        leave: () => void perRow.pop(),
      },
      StringValue(node) {
        const what = stringProblem(node.value, max, perRow.at(-1) === true);
        if (!what) return undefined;
        found = { where: names.join('.') || 'a string', what };
        return BREAK;
      },
    }),
  );
  return found;
}

interface Pending {
  value: unknown;
  type: GraphQLInputType | undefined;
  depth: number;
  perRow: boolean;
  key: string;
  parent: Pending | undefined;
}

/**
 * The first string in the operation's variables that breaks the rule, named by its path
 * (`$input.rows[3].email`). Iterative and depth-bounded: a value nested 100,000 levels deep is
 * refused, not a stack overflow. Variables the operation does not declare never reach a resolver.
 */
function variableProblem(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  max: number,
): Problem | undefined {
  const pathOf = (item: Pending) => {
    const parts: string[] = [];
    for (let at: Pending | undefined = item; at; at = at.parent) parts.unshift(at.key);
    return parts.join('');
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!Object.prototype.hasOwnProperty.call(variables, name)) continue;
    const stack: Pending[] = [
      {
        value: variables[name],
        type: typeFromAST(schema, definition.type) as GraphQLInputType | undefined,
        depth: 0,
        perRow: false,
        key: `$${name}`,
        parent: undefined,
      },
    ];
    while (stack.length) {
      const item = stack.pop()!;
      const { value, depth } = item;
      if (typeof value === 'string') {
        const what = stringProblem(value, max, item.perRow);
        if (what) return { where: pathOf(item), what };
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (depth >= MAX_INPUT_DEPTH)
        return { where: pathOf(item), what: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
      const type = item.type && isNonNullType(item.type) ? item.type.ofType : item.type;
      if (Array.isArray(value)) {
        const itemType = type && isListType(type) ? type.ofType : type;
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({
            value: value[i],
            type: itemType,
            depth: depth + 1,
            perRow: item.perRow,
            key: `[${i}]`,
            parent: item,
          });
        continue;
      }
      const objectType = type && isInputObjectType(type) ? type : undefined;
      const perRow = item.perRow || (objectType !== undefined && PER_ROW_INPUTS.has(objectType.name));
      const fields = objectType?.getFields();
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push({ value: child, type: fields?.[key]?.type, depth: depth + 1, perRow, key: `.${key}`, parent: item });
      }
    }
  }
  return undefined;
}

const isPerRow = (type: GraphQLInputType | null | undefined) => {
  const named = type ? getNamedType(type) : undefined;
  return named !== undefined && isInputObjectType(named) && PER_ROW_INPUTS.has(named.name);
};
