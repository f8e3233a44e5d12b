import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('runs what arrives together as one batch, and what arrives during a batch as the next one', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const group = new GroupCommit<string, string>(async (key, items) => {
      batches.push([key, ...items]);
      if (batches.length === 1) await gate;
      return items.map((i) => i.toUpperCase());
    });
    const first = ['a', 'b', 'c'].map((i) => group.add('door', i));
    const elsewhere = group.add('gate', 'x');
    await new Promise((r) => setImmediate(r));
    const during = ['d', 'e'].map((i) => group.add('door', i));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([
      ['door', 'a', 'b', 'c'],
      ['gate', 'x'],
    ]); // one batch per key in flight: d and e wait
    release();
    expect(await Promise.all([...first, elsewhere, ...during])).toEqual(['A', 'B', 'C', 'X', 'D', 'E']);
    expect(batches[2]).toEqual(['door', 'd', 'e']);
  });

  it('gives every item of a failed batch the error, and goes on with the next batch', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>((_, items) =>
      ++calls === 1 ? Promise.reject(new Error('database went away')) : Promise.resolve(items.map((i) => i * 2)),
    );
    const failed = [1, 2].map((i) => group.add('k', i).catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['database went away', 'database went away']);
    expect(await group.add('k', 3)).toBe(6);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>((_, items) => {
      sizes.push(items.length);
      return Promise.resolve(items);
    }, 4);
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => group.add('k', i)))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(sizes).toEqual([4, 4, 2]);
  });
});
