import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('loads a key once for every caller that misses it at the same moment, and again after it expires', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string>(5000);
    let loads = 0;
    const load = () => Promise.resolve(`value ${++loads}`);
    expect(await Promise.all(Array.from({ length: 50 }, () => cache.get('door', load)))).toEqual(
      Array(50).fill('value 1'),
    );
    expect(loads).toBe(1);
    jest.setSystemTime(1_004_999);
    expect(await cache.get('door', load)).toBe('value 1');
    jest.setSystemTime(1_005_000);
    expect(await Promise.all([cache.get('door', load), cache.get('door', load)])).toEqual(['value 2', 'value 2']);
    expect(await cache.get('gate', load)).toBe('value 3');
    cache.delete('door');
    expect(await cache.get('door', load)).toBe('value 4');
  });

  it('does not keep a failed load: the next caller loads again', async () => {
    const cache = new TtlCache<number>(5000);
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error('database went away')) : Promise.resolve(calls));
    const [a, b] = await Promise.allSettled([cache.get('k', flaky), cache.get('k', flaky)]);
    expect(a).toMatchObject({ status: 'rejected' });
    expect(b).toMatchObject({ status: 'rejected' }); // the same load
    expect(await cache.get('k', flaky)).toBe(2);
  });

  it('starts over when it holds maxEntries keys', async () => {
    const cache = new TtlCache<string>(60_000, 2);
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load); // clears a and b first
    expect(await cache.get('a', load)).toBe('v4');
  });

  it('peeks at a loaded, fresh value without waiting, and at nothing while loading, after expiry or after delete', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string | null>(5000);
    const loading = cache.get('account', () => Promise.resolve(null));
    expect(cache.peek('account')).toBeUndefined();
    await loading;
    expect(cache.peek('account')).toBeNull();
    jest.setSystemTime(1_005_000);
    expect(cache.peek('account')).toBeUndefined();
    await cache.get('account', () => Promise.resolve('v2'));
    expect(cache.peek('account')).toBe('v2');
    cache.delete('account');
    expect(cache.peek('account')).toBeUndefined();
  });
});
