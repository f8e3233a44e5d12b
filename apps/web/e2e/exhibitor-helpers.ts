import { deflateSync } from 'node:zlib';
import { newEmail } from './fixtures';
import { account } from './seeding';
import { type Stack } from './stack';

export { signIn } from './seeding';

/** Seeding for the exhibitor portal's specs and screenshots, through the API as the platform's organizer. */

export interface Expo {
  editionId: string;
  hallId: string;
  /** Booth ids by code. */
  booths: Record<string, string>;
  /** An exhibitor with an admin who has an account: its id and that admin's token. */
  exhibitor(input: Record<string, unknown>, adminName?: string): Promise<{ id: string; token: string; email: string }>;
  /** A person with an account on an exhibitor's staff: their token. */
  member(exhibitorId: string, name: string, admin: boolean): Promise<{ token: string; email: string }>;
}

export async function seedExpo(
  stack: Stack,
  name: string,
  booths: { code: string; xM: number; yM: number; widthM?: number; depthM?: number; type?: string }[],
  options: { selectionOpen?: boolean; hallName?: string; emails?: (who: string) => string } = {},
): Promise<Expo> {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown> = {}, token = admin) =>
    stack.ok<T>(q, v, token);
  const editionId = (
    await ok<{ createEdition: { id: string } }>(`mutation($i: EditionInput!) { createEdition(input: $i) { id } }`, {
      i: { name, year: 2034, timezone: 'America/Chicago', startsOn: '2034-03-01', endsOn: '2034-03-03' },
    })
  ).createEdition.id;
  if (options.selectionOpen)
    await ok(`mutation($e: ID!) { setBoothSelection(editionId: $e, open: true) { id } }`, { e: editionId });
  const hallId = (
    await ok<{ createHall: { id: string } }>(
      `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`,
      { e: editionId, i: { name: options.hallName ?? 'North Hall', widthM: 30, depthM: 16 } },
    )
  ).createHall.id;
  const ids: Record<string, string> = {};
  for (const b of booths)
    ids[b.code] = (
      await ok<{ createBooth: { id: string } }>(
        `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { widthM: 3, depthM: 3, ...b, hallId } },
      )
    ).createBooth.id;
  const email = options.emails ?? newEmail;
  const member: Expo['member'] = async (exhibitorId, name, isAdmin) => {
    const { email: address, token } = await account(stack, email(name.split(' ')[0].toLowerCase()), name);
    await ok(
      `mutation($x: ID!, $m: String!, $a: Boolean) { addExhibitorStaff(exhibitorId: $x, email: $m, admin: $a) { email } }`,
      { x: exhibitorId, m: address, a: isAdmin },
    );
    return { token, email: address };
  };
  return {
    editionId,
    hallId,
    booths: ids,
    async exhibitor(input, adminName = 'Alex Admin') {
      const id = (
        await ok<{ createExhibitor: { id: string } }>(
          `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
          { e: editionId, i: input },
        )
      ).createExhibitor.id;
      return { id, ...(await member(id, adminName, true)) };
    },
    member,
  };
}

/** A small valid PNG (an RGB square of one colour), made here: the logo upload takes real image bytes. */
export function png(size = 8, rgb: [number, number, number] = [11, 79, 108]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
