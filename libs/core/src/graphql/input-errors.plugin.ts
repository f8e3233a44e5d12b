import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Variable coercion failures (a bad enum value, a malformed scalar) that Apollo would report as a 500. */
const isVariableError = (error: GraphQLError) =>
  error.path === undefined &&
  error.message.startsWith('Variable "$') &&
  (!error.originalError || error.originalError instanceof GraphQLError || error.originalError instanceof TypeError);

/** Bad variables are bad input: BAD_USER_INPUT with HTTP 400, like every other input error. */
export function inputErrorsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          const list = errors as GraphQLError[];
          list.forEach((error, i) => {
            if (error.extensions?.code !== 'BAD_USER_INPUT' && isVariableError(error)) {
              list[i] = new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
          });
          return Promise.resolve();
        },
      });
    },
  };
}
