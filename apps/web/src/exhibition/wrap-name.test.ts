import { describe, expect, it } from 'vitest';
import { wrapName } from './wrap-name';

describe('wrapName (booth labels on the floor plan)', () => {
  it('keeps a name that fits on one line', () => expect(wrapName('Helix', 4, 0.5, 2)).toEqual(['Helix']));
  it('breaks between words, then cuts the last line with an ellipsis', () => {
    expect(wrapName('Cohort Population Health', 3.7, 0.5, 2)).toEqual(['Cohort', 'Population H…']);
    expect(wrapName('Openbridge Interop', 3.7, 0.5, 2)).toEqual(['Openbridge', 'Interop']);
  });
  it('cuts a single line', () => expect(wrapName('Bridgewell Telehealth', 3.7, 0.5, 1)).toEqual(['Bridgewell T…']));
  it('breaks a word longer than a line', () =>
    expect(wrapName('Supercalifragilistic', 2.2, 0.5, 2)).toEqual(['Supercal', 'ifragil…']));
  it('draws no name where not even three letters fit', () => expect(wrapName('Helix', 0.7, 0.5, 2)).toEqual([]));
});
