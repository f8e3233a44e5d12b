import { randomUUID } from 'node:crypto';
import { unsubscribeUrl } from '@app/notifications';
import { codeOf, TestApp } from './test-app';

const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const EMAIL_UPDATES = `mutation($e: ID!, $on: Boolean!) { setEmailUpdates(editionId: $e, enabled: $on) }`;

/** The notification operations' refused and empty cases, and the unsubscribe link's. */
describe('notifications: refusals and edge cases', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('asks who is calling before listing or changing anything', async () => {
    expect(codeOf(await t.gql(`{ notifications { totalCount } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(MARK, { ids: [randomUUID()] }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(EMAIL_UPDATES, { e: editionId, on: false }))).toBe('UNAUTHENTICATED');
  });

  it('bounds markNotificationsRead to 1,000 ids, and changes nothing for no ids or ids that are not mine', async () => {
    const me = await t.factory.attendee(editionId);
    const many = await t.gql(MARK, { ids: Array.from({ length: 1001 }, () => randomUUID()) }, me.token);
    expect(codeOf(many)).toBe('BAD_USER_INPUT');
    expect(many.errors?.[0]?.message).toBe('At most 1,000 ids at once');
    expect((await t.ok(MARK, { ids: [] }, me.token)).markNotificationsRead).toBe(0);
    expect((await t.ok(MARK, { ids: [randomUUID(), randomUUID()] }, me.token)).markNotificationsRead).toBe(0);
    expect(
      (await t.ok(`{ notifications(unreadOnly: true) { totalCount edges { node { id } } } }`, {}, me.token))
        .notifications,
    ).toEqual({ totalCount: 0, edges: [] });
  });

  it('turns mail updates off for my registration only, and answers false where I am not registered', async () => {
    const me = await t.factory.attendee(editionId);
    expect((await t.ok(EMAIL_UPDATES, { e: editionId, on: false }, me.token)).setEmailUpdates).toBe(true);
    const other = (await t.factory.edition()).id;
    expect((await t.ok(EMAIL_UPDATES, { e: other, on: false }, me.token)).setEmailUpdates).toBe(false);
  });

  it('refuses an unsubscribe link that is incomplete, altered or for another address, and unsubscribes with a good one', async () => {
    const me = await t.factory.attendee(editionId);
    const good = new URL(unsubscribeUrl(t.config.publicUrl, t.config.jwtSecret, editionId, me.email));
    const post = (query: string) => t.http.post(`/notifications/unsubscribe${query}`);

    const bare = await post('');
    expect([bare.status, bare.text]).toEqual([400, expect.stringContaining('This unsubscribe link is not valid')]);
    const altered = new URLSearchParams(good.search);
    altered.set('email', `someone-else-${randomUUID()}@test.example`);
    expect((await post(`?${altered.toString()}`)).status).toBe(400);
    const notAnId = new URLSearchParams(good.search);
    notAnId.set('edition', 'not-an-edition');
    expect((await post(`?${notAnId.toString()}`)).status).toBe(400);

    // GET only asks: a mail scanner following the link unsubscribes no one.
    const page = await t.http.get(`/notifications/unsubscribe${good.search}`);
    expect([page.status, page.text]).toEqual([200, expect.stringContaining('<form method="post"')]);
    expect((await t.http.get('/notifications/unsubscribe')).status).toBe(200);
    const done = await post(good.search);
    expect([done.status, done.text]).toEqual([200, expect.stringContaining('No more schedule-update mails')]);
  });
});
