import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationShutdown, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, ModuleRef } from '@nestjs/core';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { redisErrorLog } from '../redis/redis-log';
import { JOB_QUEUE, JobHandler, JobName, JobPayloads, QUEUE_CONCURRENCY, QueueName, WORKER_OPTIONS } from './jobs';

const ON_JOB = Symbol('OnJob');

/**
 * Binds a provider method to a job: the worker calls it with the job's payload (typed from JobPayloads),
 * the BullMQ job and its lock token. Every job has exactly one such method, or the worker does not start.
 */
export function OnJob<N extends JobName>(name: N) {
  return <H extends JobHandler<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(ON_JOB, name)(target, key, descriptor);
  };
}

type AnyHandler = (payload: JobPayloads[JobName], job: Job, token?: string) => Promise<void>;
interface FoundHandler {
  job: JobName;
  where: string;
  run: AnyHandler;
}

/** Each job's one handler, from the @OnJob methods found. Throws, naming them, when a job has no handler or more than one. */
function jobHandlerRegistry(found: FoundHandler[]): Map<JobName, AnyHandler> {
  const byJob = new Map<JobName, FoundHandler[]>();
  for (const handler of found) byJob.set(handler.job, [...(byJob.get(handler.job) ?? []), handler]);
  const problems: string[] = [];
  for (const job of Object.keys(JOB_QUEUE) as JobName[]) {
    const handlers = byJob.get(job) ?? [];
    if (!handlers.length) problems.push(`job '${job}' has no handler`);
    if (handlers.length > 1)
      problems.push(
        `job '${job}' has ${handlers.length} handlers (${handlers
          .map((h) => h.where)
          .sort()
          .join(', ')})`,
      );
  }
  if (problems.length) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
  return new Map([...byJob].map(([job, [handler]]) => [job, handler.run]));
}

/**
 * The worker's side of the job registry: finds the @OnJob methods at boot, refuses to start unless
 * every job has exactly one, and runs one BullMQ worker per queue that hands each job to its handler.
 */
@Injectable()
export class JobWorkers implements OnModuleInit, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const handlers = jobHandlerRegistry(this.findHandlers());
    for (const queueName of new Set(Object.values(JOB_QUEUE))) this.workers.push(this.startWorker(queueName, handlers));
  }

  async onApplicationShutdown(): Promise<void> {
    // In-flight jobs finish first (SIGTERM).
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  private findHandlers(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      for (const key of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const method = (instance as Record<string, unknown>)[key];
        const job =
          typeof method === 'function' ? (Reflect.getMetadata(ON_JOB, method) as JobName | undefined) : undefined;
        if (job)
          found.push({ job, where: `${instance.constructor.name}.${key}`, run: (method as AnyHandler).bind(instance) });
      }
    }
    return found;
  }

  private startWorker(queueName: QueueName, handlers: Map<JobName, AnyHandler>): Worker {
    // The queue's connection and prefix (QueuesModule's BullMQ settings).
    const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
    const worker = new Worker(
      queueName,
      async (job: Job, token?: string) => {
        const handler = handlers.get(job.name as JobName);
        if (!handler || JOB_QUEUE[job.name as JobName] !== queueName)
          throw new UnrecoverableError(`no handler for job ${job.name} in ${queueName}`);
        await handler(job.data as JobPayloads[JobName], job, token);
      },
      {
        connection: queue.opts.connection,
        prefix: queue.opts.prefix,
        ...WORKER_OPTIONS,
        concurrency: QUEUE_CONCURRENCY[queueName],
      },
    );
    // Through the throttled Redis log: BullMQ otherwise prints every failed reconnect with its stack.
    worker.on('error', (error: Error) => redisErrorLog.warn(`worker ${queueName}: ${error.message}`, error.message));
    return worker;
  }
}

/** Runs the jobs (apps/worker only; with QueuesModule and the modules holding the handlers). */
@Module({
  imports: [DiscoveryModule],
  providers: [JobWorkers],
})
export class JobWorkersModule {}
