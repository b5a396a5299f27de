// The demo generator is pure: these checks need no database or Temporal server.
import { DEMO_TARGETS, allocate, generateDemo, mulberry32, type DemoData } from '../scripts/demo/generate';
import { ADDED_UNITS, reference, unitId } from '../scripts/demo/reference';

const NOW = Date.parse('2026-04-10T02:00:00Z');
const ref = reference();
let national: DemoData;
let nationalMs = 0;

beforeAll(() => {
  const t = performance.now();
  national = generateDemo({ scale: 'national', now: NOW });
  nationalMs = performance.now() - t;
});

function unitsOf(c: DemoData['cases'][number]): string[] {
  return [...(c.leadUnitId ? [c.leadUnitId] : []), ...c.coUnitIds, ...c.separateUnitIds];
}

describe('reference data', () => {
  it('has the 2022 national figures: 208 units, 35 delegations, 10 committees, 24 categories', () => {
    expect(ref.handlingUnits).toHaveLength(208);
    expect(ref.delegations).toHaveLength(35);
    expect(ref.committees).toHaveLength(10);
    expect(ref.categories).toHaveLength(24);
    expect(ref.sampleTitles).toHaveLength(60);
    expect(ref.sessions.map((s) => [s.id, s.kind, s.startsOn])).toEqual([
      ['npc14-s4', 'session', '2026-03-05'], ['npc14-i4', 'inter_session', '2026-03-12'],
    ]);
  });

  it('keeps ids unique, parents resolvable and the added SOEs out of the CSV', () => {
    const ids = ref.handlingUnits.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ref.handlingUnits.map((u) => u.nameZh)).size).toBe(ids.length);
    for (const u of ref.handlingUnits) if (u.parentId) expect(ids).toContain(u.parentId);
    expect(ref.handlingUnits.find((u) => u.code === 'NEA')?.parentId).toBe(unitId('NDRC'));
    expect(ref.handlingUnits.find((u) => u.code === 'NDRC')?.shortZh).toBe('国家发展改革委');
    expect(ADDED_UNITS).toHaveLength(17);
    for (const a of ADDED_UNITS) expect(ref.handlingUnits.find((u) => u.code === a.code)?.kind).toBe('central_soe');
    expect(ref.delegations[0]).toMatchObject({ id: 'npc14:dlg:BJ', congressId: 'npc14', nameZh: '北京市' });
  });
});

describe('national scale', () => {
  it('has exactly 9,203 cases, generated well under 2 s', () => {
    expect(national.cases).toHaveLength(9203);
    expect(nationalMs).toBeLessThan(2000);
  });

  it('has 2,800–3,000 deputies in all 35 delegations, roughly by seats', () => {
    expect(national.deputies.length).toBeGreaterThanOrEqual(2800);
    expect(national.deputies.length).toBeLessThanOrEqual(3000);
    const per = new Map<string, number>();
    for (const d of national.deputies) per.set(d.delegationId!, (per.get(d.delegationId!) ?? 0) + 1);
    expect(per.size).toBe(35);
    expect(per.get('npc14:dlg:MO')).toBe(12);
    expect(per.get('npc14:dlg:SD')!).toBeGreaterThan(per.get('npc14:dlg:XZ')! * 5);
    expect(per.get('npc14:dlg:HK')).toBe(36);
    expect(per.get('npc14:dlg:TW')).toBe(13);
    expect(national.deputies.filter((d) => !/^10\d-\d{4}-\d{4}$/.test(d.phone ?? '') || d.name.length < 2)).toEqual([]);
  });

  it('involves several units in 82–88% of items', () => {
    const multi = national.cases.filter((c) => unitsOf(c).length > 1).length / national.cases.length;
    expect(multi).toBeGreaterThan(0.82);
    expect(multi).toBeLessThan(0.88);
    expect(national.cases.filter((c) => c.mode !== 'single').length / national.cases.length).toBeCloseTo(multi, 5);
  });

  it('has the expected mix of sources, joint items and key suggestions', () => {
    const share = (f: (c: DemoData['cases'][number]) => boolean) => national.cases.filter(f).length / national.cases.length;
    expect(share((c) => c.input.source === 'inter_session')).toBeGreaterThan(0.012);
    expect(share((c) => c.input.source === 'inter_session')).toBeLessThan(0.018);
    expect(share((c) => c.input.cosignerIds.length > 0)).toBeGreaterThan(0.05);
    expect(share((c) => c.input.cosignerIds.length > 0)).toBeLessThan(0.07);
    expect(national.cases.filter((c) => c.input.cosignerIds.length === 1 || c.input.cosignerIds.length > 30)).toEqual([]);
    expect(national.cases.some((c) => c.input.source === 'delegation')).toBe(true);
    const keys = national.cases.filter((c) => c.key);
    expect(keys.length).toBeGreaterThanOrEqual(200);
    expect(keys.length).toBeLessThanOrEqual(280);
    expect(new Set(keys.map((c) => c.key!.topic)).size).toBeGreaterThanOrEqual(19);
  });

  it('gives every one of the 208 units something to handle', () => {
    const used = new Set(national.cases.flatMap(unitsOf));
    expect(ref.handlingUnits.filter((u) => !used.has(u.id)).map((u) => u.code)).toEqual([]);
  });

  // Collect offenders instead of calling expect per field: 9,203 cases make per-call overhead slow.
  it('references only existing units, deputies, delegations, categories and committees', () => {
    const units = new Set(ref.handlingUnits.map((u) => u.id));
    const deputies = new Set(national.deputies.map((d) => d.id));
    const delegations = new Set(ref.delegations.map((d) => d.id));
    const categories = new Set(ref.categories.map((c) => c.code));
    const committees = new Set(ref.committees.map((c) => c.id));
    const bad = national.cases.filter((c) => {
      const us = unitsOf(c);
      const co = c.input.cosignerIds;
      return ![...us, ...c.input.proposedUnitIds].every((u) => units.has(u))
        || new Set(us).size !== us.length || us.length === 0
        || !deputies.has(c.input.leadDeputyId) || !co.every((d) => deputies.has(d))
        || co.includes(c.input.leadDeputyId) || new Set(co).size !== co.length
        || !delegations.has(c.input.delegationId!) || !categories.has(c.input.categoryCode!)
        || (c.key && !committees.has(c.key.committeeId));
    });
    expect(bad.map((c) => c.input.id)).toEqual([]);
  });

  it('has unique ids and numbers in the expected formats', () => {
    const ids = national.cases.map((c) => c.input.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('npc14-00001');
    expect(ids[9202]).toBe('npc14-09203');
    expect(new Set(national.deputies.map((d) => d.id)).size).toBe(national.deputies.length);
    const numbers = national.cases.flatMap((c) => (c.input.number ? [c.input.number] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    const bad = national.cases.filter((c) => {
      const inter = c.input.source === 'inter_session';
      const numberOk = c.target === 'draft' ? c.input.number === undefined : (inter ? /^闭\d{4}号$/ : /^第\d{4}号$/).test(c.input.number ?? '');
      return !numberOk || c.input.sessionId !== (inter ? 'npc14-i4' : 'npc14-s4') || !(c.input.createdAt! < NOW);
    });
    expect(bad.map((c) => c.input.id)).toEqual([]);
  });

  it('writes every title as 关于……的建议 and a three-part body', () => {
    const body = /^一、现状与问题[\s\S]+二、原因分析[\s\S]+三、具体建议。一是.+二是.+三是/;
    const bad = national.cases.filter((c) => !/^关于.+的建议$/.test(c.input.title) || (c.target !== 'rejected' && !body.test(c.input.body)));
    expect(bad.map((c) => c.input.title)).toEqual([]);
  });

  it('keeps the units of a sample title as given', () => {
    const byTitle = new Map(ref.sampleTitles.map((t) => [t.title, t.unitCodes.map(unitId)]));
    const samples = national.cases.filter((c) => byTitle.has(c.input.title));
    expect(samples.length).toBeGreaterThan(100);
    expect(samples.filter((c) => unitsOf(c).join() !== byTitle.get(c.input.title)!.join()).map((c) => c.input.id)).toEqual([]);
  });

  it('is deterministic for a seed and varies with it', () => {
    // Comparing the serialised form is exact here (no undefined-vs-missing ambiguity matters) and fast.
    expect(JSON.stringify(generateDemo({ scale: 'national', now: NOW })) === JSON.stringify(national)).toBe(true);
    const other = generateDemo({ scale: 'national', now: NOW, seed: 7 });
    expect(other.cases.map((c) => c.input.title)).not.toEqual(national.cases.map((c) => c.input.title));
  });
});

describe('demo scale', () => {
  const demo = generateDemo({ scale: 'demo', now: NOW, seed: 1 });

  it('is small and covers every target stage', () => {
    expect(demo.cases.length).toBeGreaterThanOrEqual(100);
    expect(demo.cases.length).toBeLessThanOrEqual(150);
    expect(demo.deputies.length).toBe(150);
    expect(new Set(demo.cases.map((c) => c.target))).toEqual(new Set(DEMO_TARGETS));
    for (const t of DEMO_TARGETS) expect(demo.cases.filter((c) => c.target === t).length).toBeGreaterThanOrEqual(4);
  });

  it('has key suggestions, re-handled and unsatisfied items with reasons, and all three modes', () => {
    expect(demo.cases.filter((c) => c.key).length).toBeGreaterThanOrEqual(3);
    expect(demo.cases.some((c) => c.target === 'closed' && c.rehandling)).toBe(true);
    for (const c of demo.cases.filter((x) => x.target === 'unsatisfied')) {
      expect(c.result).toBe('unsatisfied');
      expect(c.reasons).toBeTruthy();
    }
    for (const c of demo.cases.filter((x) => x.target === 'evaluated')) expect([c.attitude, c.result]).not.toContain('unsatisfied');
    expect(new Set(demo.cases.map((c) => c.mode))).toEqual(new Set(['single', 'lead_co', 'separate']));
    for (const c of demo.cases.filter((x) => x.target === 'rejected')) expect(c.reviewNote).toBeTruthy();
    for (const c of demo.cases.filter((x) => x.target === 'withdrawn')) expect(c.withdrawReason).toBeTruthy();
    expect(demo.cases.filter((c) => c.target === 'draft').every((c) => c.input.submitNow === false)).toBe(true);
  });

  it('writes every title as 关于……的建议', () => {
    for (const c of demo.cases) expect(c.input.title).toMatch(/^关于.+的建议$/);
  });
});

describe('helpers', () => {
  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('allocate splits exactly, in proportion, with a floor', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const out = allocate(150, [281, 12, 20, 174], 2);
    expect(out.reduce((a, b) => a + b, 0)).toBe(150);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(2);
  });
});
