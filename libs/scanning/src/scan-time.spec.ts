import { checkOfflineTimes } from './scan-time';

describe('checkOfflineTimes', () => {
  const edition = { timezone: 'America/Chicago', startsOn: '2027-03-08', endsOn: '2027-03-12' };
  const now = new Date('2027-03-10T18:00:00Z');
  const refused = (iso: string) => {
    try {
      checkOfflineTimes([new Date('2027-03-09T15:00:00Z'), new Date(iso)], edition, now);
      return null;
    } catch (e) {
      return (e as { details: Record<string, unknown> }).details;
    }
  };

  it('accepts times on the edition days (with a day of slack) up to the upload', () => {
    expect(refused('2027-03-08T14:00:00Z')).toBeNull();
    expect(refused('2027-03-07T12:00:00Z')).toBeNull(); // the day before, local
    expect(refused('2027-03-10T18:04:00Z')).toBeNull(); // a scanner clock 4 minutes ahead
  });

  it('refuses times long before the edition, in the future, or after the upload, naming the scan', () => {
    for (const iso of [
      '1970-01-01T00:00:00Z',
      '2027-03-06T05:00:00Z',
      '9999-12-31T23:59:59Z',
      '2027-03-10T18:06:00Z',
    ]) {
      expect(refused(iso)).toMatchObject({ argument: 'scans', index: 1, field: 'scannedAt' });
    }
  });
});
