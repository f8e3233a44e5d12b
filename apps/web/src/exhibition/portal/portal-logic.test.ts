import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { boothRefusal, refusalText } from './booth-request';
import { formatBytes, logoRefusal, uploadLogo } from './logo-upload';

const gqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('boothRefusal', () => {
  it('names the free booth nearby when another exhibitor won the race', () => {
    const why = boothRefusal(
      gqlError('Booth A12 is on hold for Helix; booth A14 nearby is free', {
        code: 'CONFLICT',
        nearestBoothId: '7',
        nearestBoothCode: 'A14',
      }),
      'A12',
    );
    expect(why).toEqual({ kind: 'taken', code: 'A12', nearestBoothId: '7', nearestBoothCode: 'A14' });
    expect(refusalText(why)).toBe('Booth A12 was just taken. A14 nearby is free.');
  });
  it('says when no booth of the hall is free', () => {
    const why = boothRefusal(
      gqlError('taken', { code: 'CONFLICT', nearestBoothId: null, nearestBoothCode: null }),
      'A12',
    );
    expect(refusalText(why)).toBe('Booth A12 was just taken, and no other booth of this hall is free.');
  });
  it('reads a closed selection and passes other refusals on in the server’s words', () => {
    expect(boothRefusal(gqlError('closed', { code: 'FORBIDDEN', reason: 'BOOTH_SELECTION_CLOSED' }), 'A1').kind).toBe(
      'closed',
    );
    const other = boothRefusal(gqlError('Helix already has booth B3', { code: 'CONFLICT', boothCode: 'B3' }), 'A1');
    expect(refusalText(other)).toBe('Helix already has booth B3');
    expect(boothRefusal(new Error('network'), 'A1').kind).toBe('other');
  });
});

describe('logo upload', () => {
  it('says a refusal in words, naming the limit', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(logoRefusal(413, { limitBytes: 1048576 })).toBe('That image is too large: a logo may have at most 1 MB.');
    expect(logoRefusal(415, { message: 'SVG logos are refused' })).toMatch(/not an image we accept/);
    expect(logoRefusal(500, { message: 'Boom' })).toBe('Boom');
  });
  it('posts the raw file with the bearer token and returns the new URL', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetcher = ((url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return Promise.resolve(new Response(JSON.stringify({ logoUrl: '/logos/5?v=1' }), { status: 201 }));
    }) as typeof fetch;
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    expect(await uploadLogo('5', file, 'tok', fetcher)).toEqual({ ok: true, logoUrl: '/logos/5?v=1' });
    expect(calls[0][0]).toBe('/logos/5');
    expect(calls[0][1]!.headers).toEqual({ 'content-type': 'image/png', authorization: 'Bearer tok' });
  });
});
