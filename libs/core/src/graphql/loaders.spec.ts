import DataLoader from 'dataloader';
import { Principal } from '../auth/principal';
import { batchLoader, LoaderBuilders, LoaderFactory, LoaderRequest } from './loaders';

// Core declares no loaders of its own (the libs do), so the test registers one under a name of its own.
type Named = Record<string, DataLoader<string, string>>;
const named = (loaders: object): Named => loaders as Named;

describe('LoaderFactory', () => {
  let factory: LoaderFactory;
  let built: LoaderRequest[];
  let batches: string[][];

  beforeEach(() => {
    factory = new LoaderFactory();
    built = [];
    batches = [];
    const builders = {
      greeting: (request: LoaderRequest) => {
        built.push(request);
        return batchLoader<string, string>((keys) => {
          batches.push([...keys]);
          return Promise.resolve(keys.map((key) => `hello ${key} from ${request.user?.email ?? 'nobody'}`));
        });
      },
    };
    factory.register(builders as unknown as LoaderBuilders);
  });

  it('builds a loader on first use, once per request, and batches its keys', async () => {
    const request: { user?: Principal } = {};
    const loaders = named(factory.forRequest(request));
    expect(built).toHaveLength(0);
    request.user = { email: 'ada@example.com' } as Principal; // the guard sets the caller before any resolver runs
    const answers = await Promise.all(['a', 'b', 'a'].map((key) => loaders.greeting.load(key)));
    expect(answers).toEqual([
      'hello a from ada@example.com',
      'hello b from ada@example.com',
      'hello a from ada@example.com',
    ]);
    expect(built).toHaveLength(1);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('gives every request its own loaders (no answer kept across requests)', async () => {
    await named(factory.forRequest({})).greeting.load('a');
    await named(factory.forRequest({})).greeting.load('a');
    expect(built).toHaveLength(2);
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('refuses a loader name registered twice', () => {
    const again = { greeting: () => batchLoader(() => Promise.resolve([])) } as unknown as LoaderBuilders;
    expect(() => factory.register(again)).toThrow("The loader 'greeting' is registered twice");
  });
});
