import { describe, expect, it } from 'vitest';
import { loginUrl, safeNext } from './next-path';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/schedule?edition=3')).toBe('/schedule?edition=3');
  });
  it('refuses other origins and odd values', () => {
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'schedule', '/a\nb'])
      expect(safeNext(bad)).toBe('/');
  });
});

describe('loginUrl', () => {
  it('comes back to where the person was', () => {
    expect(loginUrl('/schedule?edition=3')).toBe('/login?next=%2Fschedule%3Fedition%3D3');
  });
  it('needs no next for the programme or the sign-in page itself', () => {
    expect(loginUrl('/')).toBe('/login');
    expect(loginUrl('/login?next=%2Fbadge')).toBe('/login');
  });
});
