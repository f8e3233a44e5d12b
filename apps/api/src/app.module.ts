import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Context } from 'graphql-ws';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@app/accounts';
import { AttendeesModule } from '@app/attendees';
import { BadgesModule } from '@app/badges';
import {
  AppConfig,
  AppExceptionFilter,
  AuthCoreModule,
  AuthGuard,
  complexityPlugin,
  CoreModule,
  deadlinePlugin,
  formatError,
  inputErrorsPlugin,
  inputHygienePlugin,
  InputValidationPipe,
  LoaderFactory,
  MAX_QUERY_TOKENS,
  Principal,
  PublicCache,
  PublicCacheMiddleware,
  publicCachePlugin,
  queryCountPlugin,
  StrictDateTime,
} from '@app/core';
import { EditionsModule } from '@app/editions';
import { ExhibitorsModule } from '@app/exhibitors';
import { NotificationsModule } from '@app/notifications';
import { ScanningModule } from '@app/scanning';
import { ScheduleModule } from '@app/schedule';
import { SessionsModule } from '@app/sessions';
import { SpeakersModule } from '@app/speakers';
import { HealthController } from './health/health.controller';
import { PublicCacheModule } from './public-cache.module';
import { RoleGrantExhibitorResolver } from './role-grant-exhibitor.resolver';

@Module({
  imports: [
    CoreModule,
    AuthCoreModule,
    TerminusModule.forRoot({ logger: false }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [PublicCacheModule],
      inject: [AppConfig, PublicCache, AuthGuard, LoaderFactory],
      useFactory: (config: AppConfig, cache: PublicCache, auth: AuthGuard, loaders: LoaderFactory) => ({
        path: '/graphql',
        autoSchemaFile: true,
        // DateTime input is parsed strictly everywhere (2027-02-30 is BAD_USER_INPUT, not March 2).
        buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
        sortSchema: true,
        // Both show the schema to anyone: settings, off by default in production (GRAPHQL_INTROSPECTION, GRAPHQL_SUGGESTIONS).
        introspection: config.graphqlIntrospection,
        hideSchemaDetailsFromClientErrors: !config.graphqlSuggestions,
        // The parser gives up on huge documents (200,000 aliases) with a syntax error (400) before validation walks them.
        parseOptions: { maxTokens: MAX_QUERY_TOKENS },
        playground: false,
        csrfPrevention: true,
        formatError,
        // HTTP requests carry their own req; subscriptions get one built from the connection's principal.
        context: (ctx: { req?: { user?: Principal }; extra?: { user?: Principal } }) => {
          const req = ctx.req ?? { user: ctx.extra?.user, headers: {} };
          return { req, loaders: loaders.forRequest(req) };
        },
        subscriptions: {
          'graphql-ws': {
            path: '/graphql',
            // connectionParams: { authorization: 'Bearer <token>' }. A bad token closes the socket (4403).
            onConnect: async (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
              const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
              try {
                (ctx.extra as { user?: Principal }).user = await auth.principalFrom(
                  typeof header === 'string' ? header : undefined,
                );
                return true;
              } catch {
                return false;
              }
            },
          },
        },
        // Cache-control hints are off: they wrap every field resolver, and caching is done by publicCachePlugin.
        plugins: [
          ApolloServerPluginCacheControlDisabled(),
          inputErrorsPlugin(),
          inputHygienePlugin(),
          complexityPlugin({
            maxComplexity: config.maxQueryComplexity,
            maxDepth: config.maxQueryDepth,
            maxNodes: config.maxQueryNodes,
            maxAliases: config.maxQueryAliases,
          }),
          deadlinePlugin(),
          publicCachePlugin(cache),
          ...(config.exposeQueryCount ? [queryCountPlugin()] : []),
        ],
      }),
    }),
    PublicCacheModule,
    AccountsModule,
    EditionsModule,
    SpeakersModule,
    SessionsModule,
    AttendeesModule,
    ScheduleModule,
    BadgesModule,
    NotificationsModule,
    ExhibitorsModule,
    ScanningModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: AppExceptionFilter },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    RoleGrantExhibitorResolver,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicCacheMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}
