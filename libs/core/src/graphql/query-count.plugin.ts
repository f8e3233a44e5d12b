import { ApolloServerPlugin } from '@apollo/server';
import { queryCount } from '../database/query-counter';

/** Reports the SQL statements a GraphQL request ran in an x-sql-queries header. */
export function queryCountPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          const store = queryCount.getStore();
          if (store) response.http.headers.set('x-sql-queries', String(store.queries));
          return Promise.resolve();
        },
      });
    },
  };
}
