import { urlSignature } from '@app/core';
import { decodePng, eventually, rasterizePdf } from '@app/testing';
import { PrintSheetsService } from '../../../libs/badges/src/print-sheets';
import { codeOf, TestApp } from './test-app';

const SHEET = `query($e: ID!, $l: AccessLevel, $from: String, $to: String) { badgePrintSheetUrl(editionId: $e, accessLevel: $l, lastNameFrom: $from, lastNameTo: $to) }`;

/**
 * A print sheet holds every listed badge's code: its link expires (15 minutes), cannot be altered,
 * and the PDF is rendered by the worker, not by the API request that fetches it.
 */
describe('badge print sheets', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ name: 'Print Show' })).id;
    const rows = ['Young', 'adams', 'Baker', 'Chen', 'Zimmer'].map((lastName, i) => ({
      email: `p${i}@print.example`,
      firstName: `P${i}`,
      lastName,
      accessLevel: 'FULL_CONFERENCE',
    }));
    await t.ok(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { created } }`,
      { e: editionId, rows },
      admin,
    );
    await t.startWorker();
    const batch = (await t.ok(`mutation($e: ID!) { generateBadges(editionId: $e) { id } }`, { e: editionId }, admin))
      .generateBadges;
    await eventually(
      async () =>
        (await t.ok(`query($id: ID!) { badgeBatch(id: $id) { state } }`, { id: batch.id }, admin)).badgeBatch.state,
      (s) => s === 'COMPLETED',
      30_000,
    );
  });
  afterAll(() => t.close());

  it('answers the link at once, 202 with Retry-After until the worker has rendered it, then the sorted PDF', async () => {
    const path: string = (await t.ok(SHEET, { e: editionId, to: 'c' }, admin)).badgePrintSheetUrl;
    expect(path).toMatch(/^\/badges\/print-sheets\/[0-9a-f-]{36}\.pdf\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
    const exp = Number(new URL(path, 'http://x').searchParams.get('exp'));
    expect(exp * 1000 - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(exp * 1000 - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const first = await t.download(path);
    if (first.status === 202)
      expect(Number(first.headers['retry-after'])).toBeGreaterThan(0); // the worker may already be done
    else expect(first.status).toBe(200);
    const sheet = await eventually(
      () => t.download(path),
      (r) => r.status !== 202,
      30_000,
    );
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    const expected = (
      await t.db.query(
        `SELECT b.code FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.edition_id = $1 AND lower(a.last_name) < 'd' ORDER BY lower(a.last_name)`,
        [editionId],
      )
    ).map((r: { code: string }) => r.code);
    expect(expected).toHaveLength(3); // adams, Baker, Chen
    expect(rasterizePdf(sheet.body).map(decodePng)).toEqual(expected);
    const [{ pdf }] = await t.db.query(`SELECT pdf FROM print_sheet WHERE id = $1`, [
      /print-sheets\/([^.]+)\.pdf/.exec(path)![1],
    ]);
    expect(Buffer.compare(pdf, sheet.body)).toBe(0); // served as the worker stored it
  });

  it('refuses a tampered link (403) and an expired one (410), and keeps no PDF past its link', async () => {
    const path: string = (await t.ok(SHEET, { e: editionId, from: 'x' }, admin)).badgePrintSheetUrl;
    await eventually(
      () => t.download(path),
      (r) => r.status === 200,
      30_000,
    );
    const url = new URL(path, 'http://x');
    const id = /print-sheets\/([^.]+)\.pdf/.exec(url.pathname)![1];
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    const later = String(Number(exp) + 24 * 3600);
    for (const forged of [
      `/badges/print-sheets/${id}.pdf?exp=${later}&sig=${sig}`, // a longer life
      `/badges/print-sheets/${id}.pdf?exp=${exp}&sig=${sig.slice(0, -2)}AA`,
      `/badges/print-sheets/${id}.pdf?exp=${exp}`,
      `/badges/print-sheets/00000000-0000-4000-8000-000000000000.pdf?exp=${exp}&sig=${sig}`, // another sheet
    ]) {
      expect([forged, (await t.http.get(forged)).status]).toEqual([forged, 403]);
    }
    // The old never-expiring links are gone.
    expect((await t.http.get(`/badges/print.pdf?edition=${editionId}&sig=${sig}`)).status).toBe(404);

    // A genuine link past its time (signed as the server signs, with an expiry gone by).
    const past = String(Math.floor(Date.now() / 1000) - 1);
    expect(
      (
        await t.http.get(
          `/badges/print-sheets/${id}.pdf?exp=${past}&sig=${urlSignature(t.config.jwtSecret, 'print-sheet', id, past)}`,
        )
      ).status,
    ).toBe(410);
    // The stored sheet ends with its link: once expired it is refused and deleted on the next request.
    await t.db.query(`UPDATE print_sheet SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await t.http.get(path)).status).toBe(410);
    await t.ok(SHEET, { e: editionId, to: 'b' }, admin);
    expect(await t.db.query(`SELECT id FROM print_sheet WHERE id = $1`, [id])).toEqual([]);
  });

  it('renders a repeated request once, and only for organizers', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM print_sheet`))[0].n;
    const paths = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await t.ok(SHEET, { e: editionId, l: 'FULL_CONFERENCE' }, admin)).badgePrintSheetUrl,
      ),
    );
    const ids = new Set(paths.map((p: string) => /print-sheets\/([^.]+)\.pdf/.exec(p)![1]));
    expect(ids.size).toBe(1);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM print_sheet`))[0].n - before).toBe(1);
    const attendee = await t.factory.attendee(editionId);
    expect(codeOf(await t.gql(SHEET, { e: editionId }, attendee.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SHEET, { e: editionId }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a sheet of more than 2,000 badges with a clear error, takes a narrower one, and fails a sheet that grew past it since the request', async () => {
    const big = (await t.factory.edition({ name: 'Big Show' })).id;
    // 2,000 Adams and one Zed; their badges are written directly (rendering 2,001 of them is not what is tested here).
    const rows = Array.from({ length: 2001 }, (_, i) => ({
      email: `big${i}@print.example`,
      firstName: `B${i}`,
      lastName: i < 2000 ? 'Adams' : 'Zed',
      accessLevel: 'FULL_CONFERENCE',
    }));
    await t.ok(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { created } }`,
      { e: big, rows },
      admin,
    );
    await t.db.query(
      `INSERT INTO badge (edition_id, attendee_id, version, status, code, activated_at) SELECT edition_id, id, 1, 'ACTIVE', 'CB1.' || id, now() FROM attendee WHERE edition_id = $1`,
      [big],
    );

    const whole = await t.gql(SHEET, { e: big }, admin);
    expect(codeOf(whole)).toBe('BAD_USER_INPUT');
    expect(whole.errors![0].message).toBe('2001 badges match; a sheet holds at most 2000: narrow the last-name range');
    expect(whole.errors![0].extensions).toMatchObject({ matching: 2001 });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM print_sheet WHERE edition_id = $1`, [big]))[0].n).toBe(0);
    // Narrowed, it is a sheet.
    const narrowed: string = (await t.ok(SHEET, { e: big, from: 'z' }, admin)).badgePrintSheetUrl;
    expect(
      (
        await eventually(
          () => t.download(narrowed),
          (r) => r.status !== 202,
          30_000,
        )
      ).status,
    ).toBe(200);

    // A sheet asked for while 2,000 matched, rendered after one more badge became active: refused, with the reason kept.
    const [queued] = await t.db.query(
      `INSERT INTO print_sheet (edition_id, filter, expires_at) VALUES ($1, '{}'::jsonb, now() + interval '15 minutes') RETURNING id`,
      [big],
    );
    await t.app.get(PrintSheetsService).render(queued.id, false);
    const [after] = await t.db.query(
      `SELECT state, pages, pdf IS NULL AS "noPdf", error FROM print_sheet WHERE id = $1`,
      [queued.id],
    );
    expect(after).toEqual({
      state: 'FAILED',
      pages: null,
      noPdf: true,
      error: 'more than 2000 badges match now: ask for a narrower last-name range',
    });
  });
});
