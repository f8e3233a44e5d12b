import { parse } from 'graphql';
import { operationDepth } from './complexity.plugin';

describe('operationDepth', () => {
  it('follows fragments and ignores introspection', () => {
    expect(operationDepth(parse('{ a { b { c } } }'))).toBe(3);
    expect(operationDepth(parse('query Q { a { ...F } } fragment F on T { b { c { d } } }'))).toBe(4);
    expect(operationDepth(parse('{ __schema { types { fields { type { ofType { name } } } } } }'))).toBe(0);
    expect(operationDepth(parse('query A { x } query B { y { z } }'), 'B')).toBe(2);
  });

  it('does not loop on cyclic fragments', () => {
    expect(operationDepth(parse('{ a { ...F } } fragment F on T { b { ...F } }'))).toBe(2);
  });
});
