import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { normalizeEmail } from '@app/core';
import { ADMIN, eventually, MailCatcher } from '@app/testing';
import { DateTime } from 'luxon';
import type { TestApp } from './test-app';
import { TEST_PASSWORD } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

const uid = () => randomBytes(4).toString('hex');

/** A Chicago local day relative to today (YYYY-MM-DD): the factory's editions run in Chicago time. */
export const chicagoDay = (offset: number) =>
  DateTime.now().setZone('America/Chicago').plus({ days: offset }).toISODate()!;

/** The leads CSV's columns, in order (what the tests of the export expect to read). */
export const LEAD_CSV_COLUMNS = [
  'Captured at',
  'First name',
  'Last name',
  'Email',
  'Company',
  'Job title',
  'Rating',
  'Notes',
  'Captured by',
  'Tags',
];

/** Builds test data through the public API, so tests start from states users can reach. */
export class Factory {
  private adminToken?: string;

  constructor(private readonly t: TestApp) {}

  async admin(): Promise<string> {
    if (!this.adminToken) {
      const data = await this.t.ok<{ login: { token: string } }>(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        {
          e: ADMIN.email,
          p: ADMIN.password,
        },
      );
      this.adminToken = data.login.token;
    }
    return this.adminToken;
  }

  /**
   * Signs someone up and verifies their address the way a person would: the worker mails the link
   * (to the test's SMTP listener), the link's token goes to verifyEmail. A worker is started on the
   * first call when the test runs none, so files that sign nobody up pay nothing.
   */
  async user(name = 'Test User', email = `user-${uid()}@test.example`, password = TEST_PASSWORD): Promise<TestUser> {
    await this.t.ensureWorker();
    // An account tokenFor() made for this address (no password) gives way to the person signing up.
    await this.t.db.query(`DELETE FROM "user" WHERE email = $1 AND password_hash = '!'`, [normalizeEmail(email)]);
    const data = await this.t.ok<{ signUp: { token: string; user: { id: string; email: string } } }>(
      `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email } } }`,
      {
        i: { email, password, name },
      },
    );
    const token = await this.verificationToken(normalizeEmail(email));
    await this.t.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: token });
    return { id: data.signUp.user.id, email, token: data.signUp.token };
  }

  /** Waits for the verification mail to this address in any open SMTP listener, takes it out, and returns the link's token. */
  async verificationToken(address: string): Promise<string> {
    const isVerification = (m: { text?: string }) => /\/verify-email\?token=/.test(m.text ?? '');
    const mail = await eventually(
      () => [...MailCatcher.running].map((c) => c.take(address, isVerification)).find(Boolean),
      (m) => !!m,
    );
    const token = mail?.text?.match(/\/verify-email\?token=(\S+)/)?.[1];
    if (!token) throw new Error(`no verification mail reached ${address}`);
    return token;
  }

  async edition(
    input: Partial<{ name: string; year: number; timezone: string; startsOn: string; endsOn: string }> = {},
  ): Promise<{ id: string; timezone: string }> {
    const data = await this.t.ok<{ createEdition: { id: string; timezone: string } }>(
      `mutation($i: EditionInput!) { createEdition(input: $i) { id timezone } }`,
      {
        i: {
          name: `Edition ${uid()}`,
          year: 2027,
          timezone: 'America/Chicago',
          startsOn: '2027-03-08',
          endsOn: '2027-03-12',
          ...input,
        },
      },
      await this.admin(),
    );
    return data.createEdition;
  }

  async room(
    editionId: string,
    input: Partial<{ name: string; capacity: number }> = {},
  ): Promise<{ id: string; name: string }> {
    const data = await this.t.ok<{ createRoom: { id: string; name: string } }>(
      `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id name } }`,
      { e: editionId, i: { name: `Room ${uid()}`, capacity: 100, ...input } },
      await this.admin(),
    );
    return data.createRoom;
  }

  async track(editionId: string, name = `Track ${uid()}`): Promise<{ id: string; name: string }> {
    const data = await this.t.ok<{ createTrack: { id: string; name: string } }>(
      `mutation($e: ID!, $n: String!) { createTrack(editionId: $e, name: $n) { id name } }`,
      { e: editionId, n: name },
      await this.admin(),
    );
    return data.createTrack;
  }

  async speaker(
    editionId: string,
    input: Partial<{ name: string; email: string; company: string; jobTitle: string; bio: string }> = {},
  ): Promise<{ id: string; name: string }> {
    const data = await this.t.ok<{ createSpeaker: { id: string; name: string } }>(
      `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id name } }`,
      { e: editionId, i: { name: `Speaker ${uid()}`, ...input } },
      await this.admin(),
    );
    return data.createSpeaker;
  }

  /** A session (published unless publish: false) on the edition's first day, 10:00-11:00 Chicago time by default. */
  async session(
    editionId: string,
    input: Record<string, unknown> = {},
    publish = true,
  ): Promise<{ id: string; title: string }> {
    const token = await this.admin();
    const data = await this.t.ok<{ createSession: { id: string; title: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id title } }`,
      {
        e: editionId,
        i: {
          title: `Session ${uid()}`,
          format: 'EDUCATION',
          startsAt: '2027-03-08T16:00:00Z',
          endsAt: '2027-03-08T17:00:00Z',
          ...input,
        },
      },
      token,
    );
    if (publish)
      await this.t.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: data.createSession.id }, token);
    return data.createSession;
  }

  /**
   * A bearer token of a verified account with this email, signed like a login's. Lets a test act as
   * hundreds of attendees without paying for hundreds of password hashes and mails: the accounts are
   * written directly (verified, with no password that can sign in); the API only ever sees valid tokens.
   */
  async tokenFor(email: string): Promise<string> {
    return (await this.tokensFor([email]))[0];
  }

  async tokensFor(emails: string[]): Promise<string[]> {
    const addresses = emails.map(normalizeEmail);
    const rows: { id: string; email: string; token_version: number }[] = await this.t.db.query(
      `INSERT INTO "user" (email, name, password_hash, email_verified) SELECT e, 'Test Person', '!', true FROM unnest($1::text[]) AS e
         ON CONFLICT (email) WHERE email_verified DO UPDATE SET name = "user".name RETURNING id, email, token_version`,
      [[...new Set(addresses)]],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const jwt = this.t.app.get(JwtService);
    return addresses.map((a) => jwt.sign({ sub: byEmail.get(a)!.id, ver: byEmail.get(a)!.token_version }));
  }

  /** A registered attendee and a token of someone signed in with their email. */
  async attendee(
    editionId: string,
    input: Partial<{ email: string; firstName: string; lastName: string; accessLevel: string; company: string }> = {},
  ): Promise<{ id: string; email: string; token: string }> {
    const email = input.email ?? `attendee-${uid()}@test.example`;
    const data = await this.t.ok<{ registerAttendee: { id: string; email: string } }>(
      `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id email } }`,
      { e: editionId, i: { firstName: 'Ada', lastName: 'Attendee', accessLevel: 'FULL_CONFERENCE', ...input, email } },
      await this.admin(),
    );
    return { id: data.registerAttendee.id, email, token: await this.tokenFor(email) };
  }

  /**
   * A registered attendee (as attendee()) with an ACTIVE badge: issued, then signed and rendered by
   * the worker (the test must run one). Returns the attendee with the badge's code and id.
   */
  async badgedAttendee(
    editionId: string,
    input: Partial<{ email: string; firstName: string; lastName: string; accessLevel: string; company: string }> = {},
  ): Promise<{ id: string; email: string; token: string; code: string; badgeId: string }> {
    const a = await this.attendee(editionId, input);
    const admin = await this.admin();
    const { id } = (
      await this.t.ok<{ issueBadge: { id: string } }>(
        `mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`,
        {
          a: a.id,
        },
        admin,
      )
    ).issueBadge;
    const badge = await eventually(
      async () =>
        (
          await this.t.ok<{ badge: { status: string; code: string } }>(
            `query($id: ID!) { badge(id: $id) { status code } }`,
            { id },
            admin,
          )
        ).badge,
      (b) => b.status === 'ACTIVE',
    );
    return { ...a, code: badge.code, badgeId: id };
  }

  /** A verified account (user()) granted STAFF on the edition: a door scanner. */
  async staff(editionId: string, name = 'Door Staff'): Promise<TestUser> {
    const staffer = await this.user(name);
    await this.t.ok(
      `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: STAFF) }`,
      { e: editionId, m: staffer.email },
      await this.admin(),
    );
    return staffer;
  }

  /** Many attendees at once (one import), each with a token. */
  async attendees(
    editionId: string,
    count: number,
    accessLevel = 'FULL_CONFERENCE',
  ): Promise<{ id: string; email: string; token: string }[]> {
    const prefix = uid();
    const rows = Array.from({ length: count }, (_, i) => ({
      email: `a${i}-${prefix}@test.example`,
      firstName: 'Att',
      lastName: `Endee ${i}`,
      accessLevel,
    }));
    const data = await this.t.ok<{
      importAttendees: { refused: number; rows: { email: string; attendeeId: string }[] };
    }>(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { refused rows { email attendeeId } } }`,
      { e: editionId, rows },
      await this.admin(),
    );
    if (data.importAttendees.refused) throw new Error('attendee import refused rows');
    const tokens = await this.tokensFor(data.importAttendees.rows.map((r) => r.email));
    return data.importAttendees.rows.map((r, i) => ({
      id: r.attendeeId,
      email: r.email,
      token: tokens[i],
    }));
  }
}
