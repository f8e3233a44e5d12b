import { Injectable, Provider } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig, JobPayloads, OnJob } from '@app/core';
import { ScanRetentionProcessor } from '@app/scanning';
import { createTestPlace, dropTestDatabase, testConfig, TestPlace } from '@app/testing';
import { WorkerModule } from '../src/worker.module';

/** A second handler for a job that already has one. */
@Injectable()
class SecondBadgeRenderer {
  @OnJob('badges.render')
  async render(payload: JobPayloads['badges.render']): Promise<void> {
    await Promise.resolve(payload);
  }
}

/** The worker starts only when every job has exactly one @OnJob handler, and says which job does not. */
describe('worker job registry', () => {
  let place: TestPlace;
  let config: AppConfig;
  beforeAll(async () => {
    place = await createTestPlace();
    config = testConfig(place);
  });
  afterAll(() => dropTestDatabase(place.dbName));

  /** Boots the worker app with extra providers, and without the handlers of `unhandled` (replaced by an empty object). */
  const boot = async (providers: Provider[] = [], unhandled?: Provider): Promise<TestingModule> => {
    let builder = Test.createTestingModule({ imports: [WorkerModule], providers })
      .overrideProvider(AppConfig)
      .useValue(config);
    if (unhandled) builder = builder.overrideProvider(unhandled).useValue({});
    const moduleRef = await builder.compile();
    moduleRef.useLogger(false);
    try {
      await moduleRef.init();
    } catch (error) {
      await moduleRef.close();
      throw error;
    }
    return moduleRef;
  };

  it('starts with every job handled once', async () => {
    const worker = await boot();
    await worker.close();
  });

  it('refuses to start when a job has no handler, naming it', async () => {
    await expect(boot([], ScanRetentionProcessor)).rejects.toThrow(
      "The worker cannot start: job 'scans.purge' has no handler",
    );
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    await expect(boot([SecondBadgeRenderer])).rejects.toThrow(
      "The worker cannot start: job 'badges.render' has 2 handlers (BadgesProcessor.render, SecondBadgeRenderer.render)",
    );
  });
});
