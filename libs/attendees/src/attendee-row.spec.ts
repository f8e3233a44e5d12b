import { checkRow, headerField, parseAccessLevel } from './attendee-row';

const good = {
  email: ' Ada@Example.com ',
  firstName: ' Ada ',
  lastName: 'Lovelace',
  company: '',
  jobTitle: 'CMIO',
  accessLevel: 'expo-only',
};

describe('attendee import rows', () => {
  it('normalizes a good row: email lower-cased, names trimmed, empty cells null, the access level by name', () => {
    expect(checkRow(good)).toEqual({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: null,
      jobTitle: 'CMIO',
      accessLevel: 'EXPO_ONLY',
    });
    for (const name of ['Full Conference', 'full-conference', 'FULL_CONFERENCE', '  full   conference '])
      expect(parseAccessLevel(name)).toBe('FULL_CONFERENCE');
    expect(parseAccessLevel(null)).toBeNull();
  });

  it('refuses a row with the reason a registration team can act on', () => {
    const reason = (patch: Record<string, unknown>) => (checkRow({ ...good, ...patch }) as { reason?: string }).reason;
    expect(reason({ lastName: 'Love\u0000lace' })).toBe('lastName contains a control character (U+0000)');
    expect(reason({ company: 'x'.repeat(1001) })).toBe('company is longer than 1000 characters');
    expect(reason({ email: '   ' })).toBe('email is missing');
    expect(reason({ email: null })).toBe('email is missing');
    expect(reason({ email: 'not-an-email' })).toBe('"not-an-email" is not an email address');
    // A reason beyond "not an email" is named (a look-alike character, here a Cyrillic "а").
    expect(reason({ email: 'p\u0430ypal@example.com' })).toMatch(
      /^"p\u0430ypal@example\.com" is not an email address \(.+\)$/,
    );
    expect(reason({ firstName: '' })).toBe('first and last name are required');
    expect(reason({ lastName: undefined })).toBe('first and last name are required');
    expect(reason({ firstName: 'A'.repeat(101) })).toBe('names have at most 100 characters');
    expect(reason({ jobTitle: 'J'.repeat(201) })).toBe('company and job title have at most 200 characters');
    expect(reason({ company: 'C'.repeat(201) })).toBe('company and job title have at most 200 characters');
    expect(reason({ accessLevel: 'VIP' })).toMatch(
      /^unknown access level "VIP" \(one of FULL_CONFERENCE, EXPO_ONLY, .*STAFF\)$/,
    );
    expect(reason({ accessLevel: null })).toMatch(/^unknown access level ""/);
  });

  it('maps the header names registration systems write to fields, and ignores the rest', () => {
    expect(
      [
        'Email Address',
        'First Name',
        'given_name',
        'Surname',
        'Organisation',
        'Job Title',
        'Registration Type',
        'PASS',
      ].map(headerField),
    ).toEqual(['email', 'firstName', 'firstName', 'lastName', 'company', 'jobTitle', 'accessLevel', 'accessLevel']);
    expect(headerField('Dietary requirements')).toBeUndefined();
  });
});
