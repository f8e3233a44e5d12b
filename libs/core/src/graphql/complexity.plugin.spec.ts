import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { measureOperation, SEARCH_COST } from './complexity.plugin';

const schema = buildSchema(`
  type Query {
    editions: [Edition!]!
    edition(id: ID!): Edition
    sessions(first: Int, filter: SessionFilter): SessionConnection!
    floorPlanSvg(hallId: ID!): String!
    node: Node
  }
  input SessionFilter { search: String, day: String }
  interface Node { id: ID! }
  type Edition implements Node { id: ID! name: String! rooms: [Room!]! }
  type Room implements Node { id: ID! name: String! }
  type SessionConnection { totalCount: Int! edges: [SessionEdge!]! }
  type SessionEdge { cursor: String! node: Session! }
  type Session { id: ID! title: String! speakers: [Speaker!]! }
  type Speaker { name: String! }
`);
const measure = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  measureOperation(schema, parse(query), operationName, variables);

/** The probe's document: F0 spreads F1 twice, F1 spreads F2 twice ... F<levels> selects editions { id }. */
const doubling = (levels: number) => {
  let q = '{ ...F0 } ';
  for (let i = 0; i < levels; i++) q += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} } `;
  return q + `fragment F${levels} on Query { editions { id } }`;
};

describe('measureOperation', () => {
  it('measures depth through fragments and ignores introspection fields for depth', () => {
    expect(measure('{ edition(id: 1) { rooms { name } } }').depth).toBe(3);
    expect(measure('query Q { edition(id: 1) { ...F } } fragment F on Edition { rooms { name } }').depth).toBe(3);
    expect(measure('{ __schema { types { fields { type { ofType { name } } } } } }').depth).toBe(0);
    expect(measure('query A { editions { id } } query B { edition(id: 1) { rooms { id } } }', {}, 'B').depth).toBe(3);
  });

  it('counts the nodes of 30 doubling fragments by multiplication: 2^31 fields, measured without expanding them', () => {
    const m = measure(doubling(30));
    expect(m.nodes).toBe(2 ** 31);
    expect(m.cost).toBe(2 ** 30 * (1 + 10 * 1));
    expect(m.depth).toBe(2);
  });

  it('counts aliases after expansion', () => {
    const plans = Array.from({ length: 8000 }, (_, i) => `a${i}: floorPlanSvg(hallId: "h")`).join(' ');
    const m = measure(`{ ${plans} }`);
    expect(m.aliases).toBe(8000);
    expect(m.cost).toBe(8000 * 1000);
    expect(measure('{ ...F ...F } fragment F on Query { a: editions { b: id } }').aliases).toBe(4);
    expect(measure(`{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ')} }`)).toMatchObject({
      nodes: 500,
      aliases: 500,
      cost: 0,
    });
  });

  it('prices pages by first (or the default page size), lists by 10, and searches', () => {
    const page = '{ sessions(first: $n) { edges { node { title speakers { name } } } } }';
    // sessions 1 + n × (edges 1 + node (1 + title 1 + speakers (1 + 10 × name 1)))
    expect(measure(`query($n: Int) ${page}`, { n: 200 }).cost).toBe(1 + 200 * 14);
    expect(measure(`query($n: Int = 5) ${page}`).cost).toBe(1 + 5 * 14);
    expect(measure('{ sessions { totalCount } }').cost).toBe(1 + 20 * 1);
    expect(
      measure('query($s: String) { sessions(first: 1, filter: { search: $s }) { totalCount } }', { s: 'ai' }).cost,
    ).toBe(2 + SEARCH_COST);
    expect(
      measure('query($f: SessionFilter) { sessions(first: 1, filter: $f) { totalCount } }', { f: { search: 'ai' } })
        .cost,
    ).toBe(2 + SEARCH_COST);
    expect(measure('{ sessions(first: 1, filter: { day: "2027-03-08" }) { totalCount } }').cost).toBe(2);
  });

  it('reads @skip/@include from this request’s variables (nothing is remembered between requests)', () => {
    const q =
      'query($s: Boolean!) { a: sessions(first: 200) @include(if: $s) { edges { node { title } } } b: sessions(first: 200) @skip(if: $s) { totalCount } }';
    expect(measure(q, { s: true }).cost).toBe(1 + 200 * 3);
    expect(measure(q, { s: false }).cost).toBe(1 + 200);
    // An undecidable condition counts the selection in.
    expect(measure(q, {}).cost).toBe(1 + 200 * 3 + 1 + 200);
    expect(measure('{ editions @skip(if: true) { id } }').nodes).toBe(0);
  });

  it('never loops on cycles and tolerates unvalidated documents', () => {
    expect(measure('{ edition(id: 1) { ...F } } fragment F on Edition { rooms { ...F } }').depth).toBe(2);
    expect(measure('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A editions { id } }').nodes).toBe(2);
    expect(measure('{ nope { deeper { still } } ...Missing }')).toMatchObject({ depth: 3, nodes: 3 });
    expect(measure('query X { editions { id } }', {}, 'Y').nodes).toBe(0);
  });

  it('follows inline fragments on interfaces', () => {
    expect(measure('{ node { id ... on Edition { rooms { name } } ... on Room { name } } }')).toMatchObject({
      nodes: 5,
      depth: 3,
    });
  });

  it('leaves a full introspection query well within the node limit', () => {
    const m = measure(getIntrospectionQuery());
    expect(m.nodes).toBeGreaterThan(50);
    expect(m.nodes).toBeLessThan(2000);
    expect(m.cost).toBe(0);
  });
});
