import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'schedule.changed', data: { id: 1 } });

  it('verifies the body it signed, and nothing else', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', body, header, 300, 1_800_000_010)).toBe(true);
    expect(verifyWebhook('other', body, header, 300, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret', body + ' ', header, 300, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret', body, header.replace('t=1800000000', 't=1800000001'), 300, 1_800_000_010)).toBe(
      false,
    );
    expect(verifyWebhook('s3cret', body, 'garbage', 300, 1_800_000_010)).toBe(false);
  });

  it('refuses replays older than the tolerance', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(verifyWebhook('s3cret', body, header, 300, 1_800_000_301)).toBe(false);
  });
});
