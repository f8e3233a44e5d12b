import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { PUB_SUB, REDIS } from '@app/core';
import Redis from 'ioredis';
import { NOTIFICATION_ADDED, NotificationAddedEvent } from '@app/notifications';
import { eventually, MailCatcher, rawHeader } from '@app/testing';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codeOf, TestApp } from './test-app';

const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const ADD = `mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`;
const INBOX = `query($unread: Boolean) { notifications(unreadOnly: $unread, first: 50) { totalCount edges { node { id title body readAt createdAt change { id kind summary session { id } } } } } }`;
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2027, 2, day, hour + 6, minute)).toISOString(); // Chicago (CST) local time

interface InboxNode {
  id: string;
  title: string;
  body: string;
  readAt: string | null;
  change: { id: string; kind: string; summary: string; session: { id: string } } | null;
}
const inbox = async (t: TestApp, token: string, unread?: boolean): Promise<InboxNode[]> =>
  (await t.ok(INBOX, { unread }, token)).notifications.edges.map((e: { node: InboxNode }) => e.node);

describe('schedule-change notifications', () => {
  let t: TestApp;
  let mail: MailCatcher;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    mail = await MailCatcher.start();
    t = await TestApp.create({ config: { smtpUrl: mail.url, mailRetryBaseMs: 100 } });
    await t.startWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it('tells everyone with the session in their schedule and its speakers, in the app and by mail, once', async () => {
    const hall = await t.factory.room(editionId, { name: 'Hall A' });
    const room = await t.factory.room(editionId, { name: 'Room 204' });
    const speaker = await t.factory.speaker(editionId, { name: 'Grace Hopper', email: 'grace@speakers.example' });
    const keynote = await t.factory.session(editionId, {
      title: 'Opening keynote',
      roomId: hall.id,
      speakerIds: [speaker.id],
      startsAt: at(8, 10),
      endsAt: at(8, 11),
    });
    const [fan, waiting, other] = await Promise.all([
      t.factory.attendee(editionId),
      t.factory.attendee(editionId),
      t.factory.attendee(editionId),
    ]);
    await t.ok(ADD, { s: keynote.id }, fan.token);
    await t.ok(ADD, { s: keynote.id }, waiting.token);

    await t.ok(MOVE, { id: keynote.id, p: { roomId: room.id, startsAt: at(8, 11, 30), endsAt: at(8, 12, 30) } }, admin);

    const mine = await eventually(
      () => inbox(t, fan.token),
      (list) => list.length > 0,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: 'Moved: Opening keynote',
      readAt: null,
      change: { kind: 'TIME_CHANGED', session: { id: keynote.id } },
    });
    expect(mine[0].body).toBe('"Opening keynote" moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30');
    expect(await inbox(t, waiting.token)).toHaveLength(1);
    expect(await inbox(t, other.token)).toHaveLength(0);
    const grace = await t.factory.tokenFor('grace@speakers.example');
    expect(
      (
        await eventually(
          () => inbox(t, grace),
          (l) => l.length > 0,
        )
      ).map((n) => n.title),
    ).toEqual(['Moved: Opening keynote']);

    // Mail: one per recipient, plain text and HTML, with a working unsubscribe link.
    const [message] = await eventually(
      () => mail.to(fan.email),
      (l) => l.length >= 1,
    );
    const [toGrace] = await eventually(
      () => mail.to('grace@speakers.example'),
      (l) => l.length >= 1,
    );
    expect(toGrace.subject).toBe('Moved: Opening keynote');
    expect(toGrace.text).toContain('moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30');
    expect(message.subject).toBe('Moved: Opening keynote');
    expect(message.text).toContain('moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30');
    expect(message.html).toContain('Room 204');
    expect(message.messageId).toBe(`<notification-${mine[0].id}@conference>`);
    expect(rawHeader(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // Nothing more arrives: one notification and one mail each. The control: a later change's mail
    // reaches the fan, so anything the first change would still send has been sent by then.
    await t.ok(MOVE, { id: keynote.id, p: { title: 'Opening keynote (control)' } }, admin);
    await eventually(
      () => mail.to(fan.email),
      (l) => l.some((m) => m.subject === 'Updated: Opening keynote (control)'),
    );
    await eventually(
      () => mail.to(waiting.email),
      (l) => l.some((m) => m.subject === 'Updated: Opening keynote (control)'),
    );
    expect(mail.to(fan.email).map((m) => m.subject)).toEqual([
      'Moved: Opening keynote',
      'Updated: Opening keynote (control)',
    ]);
    expect(mail.to(waiting.email).map((m) => m.subject)).toEqual([
      'Moved: Opening keynote',
      'Updated: Opening keynote (control)',
    ]);
    expect(mail.to(other.email)).toHaveLength(0);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE change_id = $1`, [
      mine[0].change!.id,
    ]);
    expect(n).toBe(3);
  });

  it('lets a reader mark notifications read, and lists unread ones', async () => {
    const s = await t.factory.session(editionId, { title: 'Read me', startsAt: at(9, 9), endsAt: at(9, 10) });
    const me = await t.factory.attendee(editionId);
    await t.ok(ADD, { s: s.id }, me.token);
    await t.ok(MOVE, { id: s.id, p: { title: 'Read me, renamed' } }, admin);
    await t.ok(`mutation($id: ID!) { cancelSession(id: $id, reason: "Speaker ill") { id } }`, { id: s.id }, admin);
    const both = await eventually(
      () => inbox(t, me.token),
      (l) => l.length === 2,
    );
    expect(both.map((n) => n.title)).toEqual(['Cancelled: Read me, renamed', 'Updated: Read me, renamed']);
    expect(both[0].body).toContain('is cancelled: Speaker ill');

    const someoneElse = await t.factory.user();
    expect(
      (
        await t.ok(
          `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
          { ids: [both[1].id] },
          someoneElse.token,
        )
      ).markNotificationsRead,
    ).toBe(0);
    expect(
      (await t.ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [both[1].id] }, me.token))
        .markNotificationsRead,
    ).toBe(1);
    expect(
      (await t.ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [both[1].id] }, me.token))
        .markNotificationsRead,
    ).toBe(0);
    expect((await inbox(t, me.token, true)).map((n) => n.title)).toEqual(['Cancelled: Read me, renamed']);
    expect(codeOf(await t.gql(INBOX, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(`mutation { markNotificationsRead(ids: ["nope"]) }`, {}, me.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('notifies nobody of changes to drafts', async () => {
    // The draft's speaker would be told of a change to a published session: the control below.
    const speaker = await t.factory.speaker(editionId, { name: 'Ada Draft', email: 'ada@speakers.example' });
    const draft = await t.factory.session(
      editionId,
      { title: 'Still a draft', speakerIds: [speaker.id], startsAt: at(10, 9), endsAt: at(10, 10) },
      false,
    );
    const published = await t.factory.session(editionId, {
      title: 'Control session',
      speakerIds: [speaker.id],
      startsAt: at(10, 14),
      endsAt: at(10, 15),
    });
    await t.ok(MOVE, { id: draft.id, p: { startsAt: at(10, 11), endsAt: at(10, 12) } }, admin);
    await t.ok(MOVE, { id: draft.id, p: { title: 'Still a draft, renamed' } }, admin);
    // A change made after the draft's reaches the speaker in the app and by mail: whatever the draft's
    // changes would have sent has had its turn by then.
    await t.ok(MOVE, { id: published.id, p: { startsAt: at(10, 16), endsAt: at(10, 17) } }, admin);
    const ada = await t.factory.tokenFor('ada@speakers.example');
    expect(
      (
        await eventually(
          () => inbox(t, ada),
          (l) => l.length > 0,
        )
      ).map((n) => n.title),
    ).toEqual(['Moved: Control session']);
    await eventually(
      () => mail.to('ada@speakers.example'),
      (l) => l.length > 0,
    );
    expect(mail.to('ada@speakers.example').map((m) => m.subject)).toEqual(['Moved: Control session']);
    const [{ changes, notes }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM schedule_change WHERE session_id = $1) AS changes, (SELECT count(*)::int FROM notification WHERE session_id = $1) AS notes`,
      [draft.id],
    );
    expect({ changes, notes }).toEqual({ changes: 0, notes: 0 });
    expect(
      (
        await t.ok(`query($e: ID!) { scheduleChanges(editionId: $e) { session { id } } }`, { e: editionId }, admin)
      ).scheduleChanges.map((c: { session: { id: string } }) => c.session.id),
    ).not.toContain(draft.id);
  });

  it('honours unsubscribing from the link in a mail: in-app still arrives, mail stops', async () => {
    const s = await t.factory.session(editionId, {
      title: 'Unsubscribe test',
      startsAt: at(11, 9),
      endsAt: at(11, 10),
    });
    const [me, peer] = await Promise.all([t.factory.attendee(editionId), t.factory.attendee(editionId)]);
    await t.ok(ADD, { s: s.id }, me.token);
    await t.ok(ADD, { s: s.id }, peer.token);
    await t.ok(MOVE, { id: s.id, p: { startsAt: at(11, 13), endsAt: at(11, 14) } }, admin);
    const [first] = await eventually(
      () => mail.to(me.email),
      (list) => list.length === 1,
    );
    const link = new URL(rawHeader(first, 'List-Unsubscribe')!.replace(/^<|>$/g, ''));
    expect(link.pathname).toBe('/notifications/unsubscribe');

    const page = await t.http.get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    const forged = new URLSearchParams(link.search);
    forged.set('email', 'someone-else@test.example');
    expect((await t.http.post(`${link.pathname}?${forged.toString()}`)).status).toBe(400);
    // What a mail client's one-click unsubscribe sends (RFC 8058).
    const done = await t.http.post(`${link.pathname}${link.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(
      (await t.ok(`query($e: ID!) { myAttendee(editionId: $e) { emailUpdates } }`, { e: editionId }, me.token))
        .myAttendee.emailUpdates,
    ).toBe(false);

    await t.ok(MOVE, { id: s.id, p: { startsAt: at(11, 15), endsAt: at(11, 16) } }, admin);
    // The second change reaches me in the app.
    const both = await eventually(
      () => inbox(t, me.token),
      (l) => l.length === 2,
    );
    expect(both.map((n) => n.title)).toEqual(['Moved: Unsubscribe test', 'Moved: Unsubscribe test']);
    expect(both[0].body).toContain('Thu 11 Mar 15:00');
    // The control: someone still subscribed is mailed the second change; by then mine would have been sent too.
    await eventually(
      () => mail.to(peer.email),
      (l) => l.length === 2,
    );
    expect(mail.to(peer.email)[1].text).toContain('Thu 11 Mar 15:00');
    expect(mail.to(me.email)).toHaveLength(1);
    expect(
      (await t.ok(`mutation($e: ID!) { setEmailUpdates(editionId: $e, enabled: true) }`, { e: editionId }, me.token))
        .setEmailUpdates,
    ).toBe(true);
  });

  it('tells an attendee who moved up from the waitlist that the seat is theirs', async () => {
    const s = await t.factory.session(editionId, {
      title: 'Tiny workshop',
      format: 'WORKSHOP',
      capacity: 1,
      startsAt: at(12, 9),
      endsAt: at(12, 10),
    });
    const [holder, next] = await Promise.all([t.factory.attendee(editionId), t.factory.attendee(editionId)]);
    expect((await t.ok(ADD, { s: s.id }, holder.token)).addToSchedule.status).toBe('RESERVED');
    expect((await t.ok(ADD, { s: s.id }, next.token)).addToSchedule.status).toBe('WAITLISTED');
    await t.ok(`mutation($s: ID!) { removeFromSchedule(sessionId: $s) }`, { s: s.id }, holder.token);
    const [note] = await eventually(
      () => inbox(t, next.token),
      (l) => l.length === 1,
    );
    expect(note).toMatchObject({ title: 'You have a seat: Tiny workshop', change: null });
    const [seatMail] = await eventually(
      () => mail.to(next.email),
      (l) => l.length === 1,
    );
    expect(seatMail.subject).toBe('You have a seat: Tiny workshop');
    expect(seatMail.messageId).toBe(`<notification-${note.id}@conference>`);
    expect(await inbox(t, holder.token)).toHaveLength(0);
  });

  it('delivers notificationAdded over graphql-ws through Redis: subscribed on one API instance, changed through another', async () => {
    const other: INestApplication = await t.secondInstance();
    const port = (other.getHttpServer().address() as AddressInfo).port;
    const s = await t.factory.session(editionId, { title: 'Live update', startsAt: at(12, 14), endsAt: at(12, 15) });
    const me = await t.factory.attendee(editionId);
    const bystander = await t.factory.attendee(editionId);
    await t.ok(ADD, { s: s.id }, me.token);

    type Received = { data: { notificationAdded: { id: string; title: string; change: { kind: string } | null } } };
    const received: { me: Received[]; bystander: Received[] } = { me: [], bystander: [] };
    const clients = (['me', 'bystander'] as const).map((who) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${who === 'me' ? me.token : bystander.token}` },
        lazy: false,
      });
      client.subscribe(
        { query: 'subscription { notificationAdded { id title body change { kind } } }' },
        { next: (v) => received[who].push(v as Received), error: () => undefined, complete: () => undefined },
      );
      return client;
    });
    // A ping for one person, published on the channel the worker uses: its arrival is the server's acknowledgement that the subscription is registered.
    const pubsub = t.app.get<RedisPubSub>(PUB_SUB);
    const titles = (who: 'me' | 'bystander') => received[who].map((r) => r.data.notificationAdded.title);
    const ping = (who: 'me' | 'bystander', title: string) =>
      eventually(
        async () => {
          const event: NotificationAddedEvent = {
            items: [
              {
                recipientEmail: (who === 'me' ? me : bystander).email,
                notification: {
                  id: randomUUID(),
                  title,
                  body: 'ping',
                  createdAt: new Date(),
                  readAt: null,
                  changeId: null,
                },
              },
            ],
          };
          await pubsub.publish(NOTIFICATION_ADDED, event);
          await new Promise((r) => setTimeout(r, 50));
          return titles(who);
        },
        (seen) => seen.includes(title),
        { what: `the ping "${title}" to ${who}` },
      );
    try {
      await Promise.all([ping('me', 'ping'), ping('bystander', 'ping')]);
      // Channels carry this deployment's REDIS_PREFIX: another deployment on the same Redis hears nothing of it.
      const channels = (await t.app.get<Redis>(REDIS).pubsub('CHANNELS', '*notification.added')) as string[];
      expect(channels).toEqual([`${t.config.redisPrefix}:events:${NOTIFICATION_ADDED}`]);
      await t.ok(MOVE, { id: s.id, p: { startsAt: at(12, 16), endsAt: at(12, 17) } }, admin); // through the first instance
      const moved = (
        await eventually(
          () => received.me.filter((r) => r.data.notificationAdded.title !== 'ping'),
          (l) => l.length >= 1,
        )
      )[0];
      expect(moved).toMatchObject({
        data: { notificationAdded: { title: 'Moved: Live update', change: { kind: 'TIME_CHANGED' } } },
      });
      // The control: a ping to the bystander sent after my notification arrived comes through; nothing came before it.
      await ping('bystander', 'control');
      expect(titles('bystander').filter((x) => x !== 'ping')).toEqual(['control']);
      expect(titles('me').filter((x) => x !== 'ping')).toEqual(['Moved: Live update']);
    } finally {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    }

    // Without a valid token the socket is refused.
    const refused = await new Promise<unknown>((resolve) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer nope' },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: resolve,
      });
      client.subscribe(
        { query: 'subscription { notificationAdded { id } }' },
        { next: () => undefined, error: resolve, complete: () => undefined },
      );
    });
    expect(refused).toBeTruthy();
  });
});
