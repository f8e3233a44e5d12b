import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';

/** An application with nothing in it: Nest on Express, as the API runs. */
@Module({})
class CeilingModule {}

/**
 * The benchmark's ceiling: a bare Apollo resolver returning a constant at POST /bench/ceiling, on
 * Nest's Express platform, in a process of its own beside the API (bench/run.ts starts it on PORT), so
 * agenda and door-scan figures can be read as a fraction of what the stack allows on the same machine.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(CeilingModule, { bodyParser: false, logger: false });
  const server = new ApolloServer({ typeDefs: 'type Query { ping: Int! }', resolvers: { Query: { ping: () => 1 } } });
  await server.start();
  app.use('/bench/ceiling', json(), expressMiddleware(server));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  console.log('ceiling ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
