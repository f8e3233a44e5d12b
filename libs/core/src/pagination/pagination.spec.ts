import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('cursor pagination', () => {
  it('round-trips cursors and refuses forged ones with BAD_USER_INPUT', () => {
    const cursor = encodeCursor(['2027-03-08T15:00:00.000Z', 'abc']);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(['2027-03-08T15:00:00.000Z', 'abc']);
    for (const bad of [
      'garbage',
      encodeCursor(['only-one']),
      encodeCursor([1, 'x']),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, ['string', 'string'])).toThrow(
        expect.objectContaining({ constructor: DomainError, code: 'BAD_USER_INPUT' }),
      );
    }
  });

  it('reports the next page from the extra row and counts only when asked', async () => {
    let counted = 0;
    const count = () => Promise.resolve(++counted && 42);
    const page = toConnection([1, 2, 3], 2, (n) => [n], count);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ endCursor: encodeCursor([2]), hasNextPage: true });
    expect(counted).toBe(0);
    expect(await page.totalCount).toBe(42);
    expect(await page.totalCount).toBe(42);
    expect(counted).toBe(1);
    expect(toConnection([1], 2, (n) => [n], 1).pageInfo).toEqual({ endCursor: encodeCursor([1]), hasNextPage: false });
  });
});
