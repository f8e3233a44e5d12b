import { SpeakersModule, SpeakersService } from '@app/speakers';
import { ServiceTier } from '@app/testing';

/** The speakers lib's rules, on its service and a real database (the example service-level test: see libs/testing/src/service-tier.ts). */
describe('SpeakersService', () => {
  let tier: ServiceTier;
  let speakers: SpeakersService;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [SpeakersModule] });
    speakers = tier.get(SpeakersService);
  });
  afterAll(() => tier.close());

  it('lets only organizers of the edition add speakers', async () => {
    const edition = await tier.edition();
    const other = await tier.edition();
    await expect(speakers.create(undefined, edition.id, { name: 'Grace' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(speakers.create(await tier.organizer(other.id), edition.id, { name: 'Grace' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      speakers.create(await tier.withRole(edition.id, 'SPEAKER'), edition.id, { name: 'Grace' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await tier.sql(`SELECT 1 FROM speaker WHERE edition_id = $1`, [edition.id])).toHaveLength(0);
  });

  it('stores names trimmed, blank fields as null and the email normalized', async () => {
    const edition = await tier.edition();
    const speaker = await speakers.create(await tier.organizer(edition.id), edition.id, {
      name: '  Grace Hopper ',
      email: ' Grace@Example.COM ',
      company: '   ',
      bio: 'Navy',
    });
    expect(
      await tier.sql(`SELECT name, email, company, job_title, bio FROM speaker WHERE id = $1`, [speaker.id]),
    ).toEqual([{ name: 'Grace Hopper', email: 'grace@example.com', company: null, job_title: null, bio: 'Navy' }]);
  });

  it('lists an edition’s speakers by name, matching name or company', async () => {
    const edition = await tier.edition();
    for (const [name, company] of [
      ['Zed', 'Acme'],
      ['Ann', null],
      ['Bob', 'Zeta 100%'],
    ])
      await tier.speaker(edition.id, { name, company });
    await tier.speaker((await tier.edition()).id, { name: 'Elsewhere' });
    const all = await speakers.list({ editionId: edition.id });
    expect(all.edges.map((e) => e.node.name)).toEqual(['Ann', 'Bob', 'Zed']);
    const found = await speakers.list({ editionId: edition.id, search: 'ze' });
    expect(found.edges.map((e) => e.node.name)).toEqual(['Bob', 'Zed']);
    expect((await speakers.list({ editionId: edition.id, search: '100%' })).edges.map((e) => e.node.name)).toEqual([
      'Bob',
    ]);
  });
});
