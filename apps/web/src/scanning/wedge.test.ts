import { describe, expect, it } from 'vitest';
import { isPrintable, typesItself } from './wedge';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard wedge', () => {
  it('takes the typing when the focus is on the body, a button or the video, never from a text field or a select', () => {
    expect(typesItself(null)).toBe(false);
    expect(typesItself({ tagName: 'BODY' })).toBe(false);
    expect(typesItself({ tagName: 'BUTTON' })).toBe(false);
    expect(typesItself({ tagName: 'VIDEO' })).toBe(false);
    expect(typesItself({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(typesItself({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(typesItself({ tagName: 'INPUT' })).toBe(true);
    expect(typesItself({ tagName: 'SELECT' })).toBe(true);
    expect(typesItself({ tagName: 'TEXTAREA' })).toBe(true);
    expect(typesItself({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('redirects the characters of a code, not shortcuts, navigation keys or Space', () => {
    for (const k of ['C', 'B', '1', '.', '-', '_', 'z']) expect(isPrintable(key(k))).toBe(true);
    expect(isPrintable(key('Enter'))).toBe(false);
    expect(isPrintable(key('Tab'))).toBe(false);
    expect(isPrintable(key(' '))).toBe(false);
    expect(isPrintable(key('r', { ctrlKey: true }))).toBe(false);
    expect(isPrintable(key('c', { metaKey: true }))).toBe(false);
  });
});
