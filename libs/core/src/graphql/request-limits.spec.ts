import express from 'express';
import request from 'supertest';
import { documentDepthExceeds, jsonDepthExceeds, requestDeadline } from './request-limits';

describe('jsonDepthExceeds', () => {
  it('measures nesting without recursion, even 200,000 levels down', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? { a: deep } : [deep];
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
    expect(jsonDepthExceeds({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(jsonDepthExceeds({ a: { b: [1, { c: {} }] } }, 4)).toBe(true);
    expect(jsonDepthExceeds('text', 1)).toBe(false);
  });
});

describe('documentDepthExceeds', () => {
  it('counts brackets outside strings, block strings and comments', () => {
    expect(documentDepthExceeds(`{ ${'a { '.repeat(70)}b${' }'.repeat(70)} }`, 64)).toBe(true);
    expect(
      documentDepthExceeds(
        `{ a(s: "${'{'.repeat(100)}", t: """${'['.repeat(100)}""") { b } } # ${'('.repeat(100)}`,
        64,
      ),
    ).toBe(false);
    expect(documentDepthExceeds('{ a(s: "\\"{{{{") { b } }', 3)).toBe(false);
  });
});

describe('requestDeadline', () => {
  it('answers 503 SERVICE_UNAVAILABLE when the budget runs out, and the late answer goes nowhere', async () => {
    let late: unknown;
    const app = express().use(requestDeadline(100), (_req, res) => {
      setTimeout(() => {
        try {
          res.setHeader('x-late', '1');
          res.status(200).send('{"data":{}}');
        } catch (error) {
          late = error;
        }
      }, 1500);
    });
    const started = Date.now();
    const res = await request(app).post('/graphql');
    expect(res.status).toBe(503);
    expect(res.body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    // Well before the late answer (a loaded machine may take a few hundred ms to start the server and answer).
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 1600));
    expect(late).toBeUndefined();
  });

  it('leaves a request that answers in time alone', async () => {
    const app = express().use(requestDeadline(1000), (_req, res) => void res.json({ data: { ok: true } }));
    const res = await request(app).post('/graphql');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { ok: true } });
  });
});
