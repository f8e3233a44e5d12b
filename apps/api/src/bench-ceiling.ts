import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { INestApplication } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';

/**
 * The benchmark's ceiling: a bare Apollo resolver returning a constant, mounted in the API's own
 * process and HTTP server (only when BENCH_CEILING is set), so agenda and door-scan figures can be
 * read as a fraction of what the stack allows on the same machine.
 */
export async function mountBenchCeiling(app: INestApplication): Promise<void> {
  const server = new ApolloServer({ typeDefs: 'type Query { ping: Int! }', resolvers: { Query: { ping: () => 1 } } });
  await server.start();
  // Wrapped: Nest skips its own global JSON parser when it finds a middleware named jsonParser.
  const parse = json();
  app.use('/bench/ceiling', (req: Request, res: Response, next: NextFunction) => parse(req, res, next), expressMiddleware(server));
}
