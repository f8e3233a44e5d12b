import { renderFloorPlan } from './floor-plan';

const hall = { name: 'Hall <A> & "B"', widthM: 30, depthM: 12 };
const booth = (patch: Partial<Parameters<typeof renderFloorPlan>[1][number]>) => ({
  code: 'A101',
  xM: 3,
  yM: 3,
  widthM: 3,
  depthM: 3,
  status: 'ASSIGNED',
  exhibitor: 'Helix Health',
  ...patch,
});

describe('floor plans', () => {
  it('draws the hall to scale with a viewBox, every booth with its code, exhibitor and status', () => {
    const svg = renderFloorPlan(hall, [
      booth({}),
      booth({ code: 'A102', xM: 6, status: 'AVAILABLE', exhibitor: null }),
    ]);
    // 12 px per metre plus margins and the legend.
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 408 236"/);
    expect(svg).toContain('<title>A101: Helix Health (Assigned, 3 m × 3 m)</title>');
    expect(svg).toContain('<title>A102 (Available, 3 m × 3 m)</title>');
    expect(svg.match(/<g>/g)).toHaveLength(2);
  });

  it('escapes every name, so an exhibitor cannot inject markup into the plan', () => {
    const svg = renderFloorPlan(hall, [booth({ widthM: 20, exhibitor: '<script>alert(1)</script>', code: 'A"1' })]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('Hall &lt;A&gt; &amp; &quot;B&quot;: floor plan');
    expect(svg).toContain('A&quot;1');
  });

  it('cuts a long name to the booth, drops it where nothing fits, and draws an unknown status as available', () => {
    const long = renderFloorPlan(hall, [booth({ exhibitor: 'Northstar Telehealth Care Partners International' })]);
    // A 3 m booth (36 px) holds six 9 px glyphs: five letters and an ellipsis.
    expect(long).toContain('>North…</text>');
    const tiny = renderFloorPlan(hall, [booth({ widthM: 0.5, depthM: 0.5, exhibitor: 'Helix Health' })]);
    // The name stays in the tooltip but gets no label of its own.
    expect(tiny).toContain('<title>A101: Helix Health');
    expect(tiny).not.toMatch(/>Helix Health</);
    const odd = renderFloorPlan(hall, [booth({ status: 'DEMOLISHED' })]);
    expect(odd).toContain('fill="#dcfce7" stroke="#15803d" stroke-width="1"');
    expect(odd).toContain('(Available, 3 m × 3 m)');
  });
});
