import { checkWebhookUrl, isBlockedAddress, resolveTarget, Resolver } from './webhook-target';

describe('webhook targets', () => {
  it('blocks loopback, private, link-local, metadata, CGNAT, multicast and their IPv4-mapped forms', () => {
    for (const a of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd00:ec2::254',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      'not-an-ip',
    ]) {
      expect([a, isBlockedAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])
      expect([a, isBlockedAddress(a)]).toEqual([a, false]);
  });

  const fixed =
    (map: Record<string, string[]>): Resolver =>
    (host) =>
      Promise.resolve((map[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  const refusal = async (url: string, resolve: Resolver = fixed({})) => {
    try {
      await checkWebhookUrl(url, false, resolve);
      return null;
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('refuses at registration internal literals, localhost, names that resolve inside, credentials and other schemes', async () => {
    const dns = fixed({
      'metadata.google.internal': ['169.254.169.254'],
      'mixed.example': ['93.184.215.14', '10.0.0.5'],
      'hooks.example': ['93.184.215.14'],
    });
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://[::1]:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:127.0.0.1]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://localhost:3000/',
      'http://api.localhost/',
      'http://metadata.google.internal/',
      'http://mixed.example/',
      'https://user:pw@hooks.example/',
      'ftp://hooks.example/',
      'gopher://127.0.0.1/',
    ]) {
      expect([url, await refusal(url, dns)]).toEqual([url, 'BAD_USER_INPUT']);
    }
    expect(await refusal('https://hooks.example/in', dns)).toBeNull();
    expect(await refusal('https://not-yet-in-dns.example/in', dns)).toBeNull(); // checked again at each delivery
  });

  it('pins delivery to the address it checked: a name that rebinds inside is refused at delivery', async () => {
    let calls = 0;
    const rebinding: Resolver = () =>
      Promise.resolve([{ address: ++calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }]);
    await expect(checkWebhookUrl('http://rebind.example/', false, rebinding)).resolves.toBeUndefined();
    await expect(resolveTarget(new URL('http://rebind.example/'), false, rebinding)).rejects.toThrow(/127\.0\.0\.1/);
    await expect(resolveTarget(new URL('http://rebind.example/'), true, rebinding)).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });
});
