import { randomBytes, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { TestApp } from './test-app';
import { ADMIN } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

const uid = () => randomBytes(4).toString('hex');

/** Builds test data through the public API, so tests start from states users can reach. */
export class Factory {
  private adminToken?: string;

  constructor(private readonly t: TestApp) {}

  async admin(): Promise<string> {
    if (!this.adminToken) {
      const data = await this.t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password });
      this.adminToken = data.login.token as string;
    }
    return this.adminToken;
  }

  async user(name = 'Test User', email = `user-${uid()}@test.example`): Promise<TestUser> {
    const data = await this.t.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email } } }`, { i: { email, password: 'password-123', name } });
    return { id: data.signUp.user.id, email, token: data.signUp.token };
  }

  async edition(input: Partial<{ name: string; year: number; timezone: string; startsOn: string; endsOn: string }> = {}): Promise<{ id: string; timezone: string }> {
    const data = await this.t.ok(
      `mutation($i: EditionInput!) { createEdition(input: $i) { id timezone } }`,
      { i: { name: `Edition ${uid()}`, year: 2027, timezone: 'America/Chicago', startsOn: '2027-03-08', endsOn: '2027-03-12', ...input } },
      await this.admin(),
    );
    return data.createEdition;
  }

  async room(editionId: string, input: Partial<{ name: string; capacity: number }> = {}): Promise<{ id: string; name: string }> {
    const data = await this.t.ok(`mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id name } }`, { e: editionId, i: { name: `Room ${uid()}`, capacity: 100, ...input } }, await this.admin());
    return data.createRoom;
  }

  async track(editionId: string, name = `Track ${uid()}`): Promise<{ id: string; name: string }> {
    const data = await this.t.ok(`mutation($e: ID!, $n: String!) { createTrack(editionId: $e, name: $n) { id name } }`, { e: editionId, n: name }, await this.admin());
    return data.createTrack;
  }

  async speaker(editionId: string, input: Partial<{ name: string; email: string; company: string; jobTitle: string; bio: string }> = {}): Promise<{ id: string; name: string }> {
    const data = await this.t.ok(`mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id name } }`, { e: editionId, i: { name: `Speaker ${uid()}`, ...input } }, await this.admin());
    return data.createSpeaker;
  }

  /** A session (published unless publish: false) on the edition's first day, 10:00-11:00 Chicago time by default. */
  async session(editionId: string, input: Record<string, unknown> = {}, publish = true): Promise<{ id: string; title: string }> {
    const token = await this.admin();
    const data = await this.t.ok(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id title } }`,
      { e: editionId, i: { title: `Session ${uid()}`, format: 'EDUCATION', startsAt: '2027-03-08T16:00:00Z', endsAt: '2027-03-08T17:00:00Z', ...input } },
      token,
    );
    if (publish) await this.t.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: data.createSession.id }, token);
    return data.createSession;
  }

  /**
   * A bearer token for an email, signed like a login's. Lets a test act as hundreds of attendees
   * without paying for hundreds of password hashes; the API only ever sees a valid token.
   */
  tokenFor(email: string): string {
    return this.t.app.get(JwtService).sign({ sub: randomUUID(), email: email.toLowerCase() });
  }

  /** A registered attendee and a token of someone signed in with their email. */
  async attendee(editionId: string, input: Partial<{ email: string; firstName: string; lastName: string; accessLevel: string; company: string }> = {}): Promise<{ id: string; email: string; token: string }> {
    const email = input.email ?? `attendee-${uid()}@test.example`;
    const data = await this.t.ok(
      `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id email } }`,
      { e: editionId, i: { firstName: 'Ada', lastName: 'Attendee', accessLevel: 'FULL_CONFERENCE', ...input, email } },
      await this.admin(),
    );
    return { id: data.registerAttendee.id, email, token: this.tokenFor(email) };
  }

  /** Many attendees at once (one import), each with a token. */
  async attendees(editionId: string, count: number, accessLevel = 'FULL_CONFERENCE'): Promise<{ id: string; email: string; token: string }[]> {
    const prefix = uid();
    const rows = Array.from({ length: count }, (_, i) => ({ email: `a${i}-${prefix}@test.example`, firstName: 'Att', lastName: `Endee ${i}`, accessLevel }));
    const data = await this.t.ok(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { refused rows { email attendeeId } } }`,
      { e: editionId, rows },
      await this.admin(),
    );
    if (data.importAttendees.refused) throw new Error('attendee import refused rows');
    return data.importAttendees.rows.map((r: { email: string; attendeeId: string }) => ({ id: r.attendeeId, email: r.email, token: this.tokenFor(r.email) }));
  }
}
