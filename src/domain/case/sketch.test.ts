import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import { must, noticed, sha256HexSync as sha, T3 } from '../../../tests/builders/liability.builder';
import { CaseRecord } from './case.schema';
import { checkSealedVersion, determinationBytes, openAmendment } from './determination';
import { recordSignature } from './liability-step';
import { removeVehicle } from './parties';
import {
  addSketchArrow,
  compassOf,
  moveSketchVehicle,
  normaliseAngle,
  placeCaseVehicles,
  removeSketchArrow,
  rotateSketchVehicle,
  setSketchImpact,
  setSketchRoad,
  sideOf,
  sketchOf,
  travelArrowOf,
} from './sketch';
import { CollisionSketch } from './sketch.schema';

const T = '2026-11-27T02:10:00.000Z';
const T4 = '2026-11-27T02:40:00.000Z';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function twoVehicles(): CaseRecord {
  return aCase().withVehicles(2).build();
}

function placed(c = twoVehicles()): CaseRecord {
  return must(placeCaseVehicles(c, T));
}

const at = (c: CaseRecord, n: number) => {
  const id = c.vehicles[n]?.id;
  return sketchOf(c).vehicles.find((p) => p.vehicleId === id);
};

describe('the collision sketch as data', () => {
  it('an old case without a sketch stays valid, and a drawn one parses', () => {
    const c = twoVehicles();
    expect(CaseRecord.safeParse(c).success).toBe(true);
    expect(CaseRecord.safeParse(placed(c)).success).toBe(true);
  });

  it.each([
    [{ x: 1.2 }, 'x'],
    [{ y: -0.1 }, 'y'],
    [{ angle: 360 }, 'angle'],
  ])('refuses a vehicle out of bounds (%o), naming the field', (patch, field) => {
    const c = placed();
    const sketch = sketchOf(c);
    const bad = { ...sketch, vehicles: sketch.vehicles.map((v) => ({ ...v, ...patch })) };
    const r = CollisionSketch.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(field);
  });

  it('refuses a lane count outside 1 … 4', () => {
    const r = CollisionSketch.safeParse({ ...sketchOf(twoVehicles()), lanes: 5 });
    expect(r.error?.issues[0]?.message).toContain('lanes');
  });
});

describe('drawing the sketch', () => {
  it('places every vehicle of the case, A from the south heading north', () => {
    const c = placed();
    expect(sketchOf(c).vehicles).toHaveLength(2);
    expect(at(c, 0)).toMatchObject({ angle: 0 });
    expect(sideOf(at(c, 0)!)).toBe('s');
    expect(sideOf(at(c, 1)!)).toBe('w');
    expect(c.updatedAt).toBe(T);
  });

  it('moves a vehicle, keeping it inside the drawing', () => {
    const c = placed();
    const id = c.vehicles[0]!.id;
    const moved = must(moveSketchVehicle(c, id, { x: 1.4, y: -0.2 }, T));
    expect(at(moved, 0)).toMatchObject({ x: 1, y: 0 });
  });

  it('rotates by steps and wraps the heading into [0, 360)', () => {
    const c = placed();
    const id = c.vehicles[0]!.id;
    const left = must(rotateSketchVehicle(c, id, -15, T));
    expect(at(left, 0)?.angle).toBe(345);
    expect(at(must(rotateSketchVehicle(left, id, 30, T)), 0)?.angle).toBe(15);
    expect(normaliseAngle(-720.04)).toBe(0);
  });

  it('sets the road template and keeps lanes within 1 … 4', () => {
    const c = must(setSketchRoad(placed(), { template: 'roundabout', lanes: 9 }, T));
    expect(sketchOf(c)).toMatchObject({ template: 'roundabout', lanes: 4 });
  });

  it('adds and removes arrows of travel, and marks and clears the impact', () => {
    const c = placed();
    const arrow = travelArrowOf(at(c, 0)!, testId());
    const withArrow = must(addSketchArrow(c, arrow, T));
    expect(sketchOf(withArrow).arrows).toEqual([arrow]);
    expect(arrow.from.y).toBeGreaterThan(arrow.to.y); // A drives north: the tail is south
    expect(addSketchArrow(withArrow, arrow, T)).toMatchObject({ reason: 'duplicate-id' });
    expect(sketchOf(must(removeSketchArrow(withArrow, arrow.id, T))).arrows).toEqual([]);
    const hit = must(setSketchImpact(c, { x: 0.5, y: 0.5 }, T));
    expect(sketchOf(hit).impact).toEqual({ x: 0.5, y: 0.5 });
    expect(sketchOf(must(setSketchImpact(hit, undefined, T))).impact).toBeUndefined();
  });

  it('refuses a vehicle the case does not have', () => {
    expect(moveSketchVehicle(placed(), testId(), { x: 0, y: 0 }, T)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('drops a vehicle removed from the case, with its arrows', () => {
    const c = placed();
    const b = c.vehicles[1]!.id;
    const arrowed = must(addSketchArrow(c, travelArrowOf(at(c, 1)!, testId()), T));
    const gone = must(removeVehicle(arrowed, b, T));
    expect(gone.sketch?.vehicles.map((v) => v.vehicleId)).toEqual([c.vehicles[0]!.id]);
    expect(gone.sketch?.arrows).toEqual([]);
  });

  it('names directions on the compass', () => {
    expect([0, 90, 180, 270, 44, 46].map(compassOf)).toEqual(['n', 'e', 's', 'w', 'ne', 'ne']);
    expect(sideOf({ x: 0.5, y: 0.55 })).toBe('centre');
    expect(sideOf({ x: 0.5, y: 0.1 })).toBe('n');
  });
});

describe('the sketch is sealed with the determination', () => {
  function signedWithSketch(): CaseRecord {
    let c = must(placeCaseVehicles(noticed(), T3));
    for (const p of c.parties.filter((x) => x.kind === 'driver')) {
      const contentSha256 = sha(determinationBytes(c));
      c = must(recordSignature(c, { partyId: p.id, contentSha256, image: PNG }, T3));
    }
    return c;
  }

  it('is part of the signed content', () => {
    const c = must(placeCaseVehicles(noticed(), T3));
    const id = c.vehicles[0]!.id;
    const moved = must(rotateSketchVehicle(c, id, 15, T3));
    expect(determinationBytes(moved)).not.toEqual(determinationBytes(c));
  });

  it('leaves the content of a case without a sketch as it was', () => {
    const c = noticed();
    expect(determinationBytes({ ...c, sketch: undefined })).toEqual(determinationBytes(c));
  });

  it('refuses every edit once a party signed, and the server refuses a silent one', () => {
    const c = signedWithSketch();
    const id = c.vehicles[0]!.id;
    expect(rotateSketchVehicle(c, id, 15, T4)).toMatchObject({ ok: false, reason: 'sealed' });
    expect(setSketchImpact(c, { x: 0.1, y: 0.1 }, T4)).toMatchObject({ reason: 'sealed' });
    const silent = { ...c, sketch: { ...c.sketch!, lanes: 2 } };
    expect(checkSealedVersion(c, silent, sha)).toMatchObject({
      ok: false,
      reason: 'signed_content_changed',
    });
  });

  it('opens again through an amendment, the signed sketch kept in the superseded content', () => {
    const c = signedWithSketch();
    const amended = must(
      openAmendment(
        c,
        { reason: '草图方向画错', supersededSha256: sha(determinationBytes(c)) },
        T4,
      ),
    );
    const id = c.vehicles[0]!.id;
    expect(rotateSketchVehicle(amended, id, 90, T4).ok).toBe(true);
    expect(amended.liability?.amendments?.[0]?.supersededContent).toContain('"sketch"');
  });

  it('refuses edits once the case has left the scene', () => {
    const c = placed(twoVehicles());
    const off = { ...c, state: 'synced' as const };
    expect(setSketchRoad(off, { template: 'straight', lanes: 2 }, T)).toMatchObject({
      reason: 'not-editable',
    });
  });
});
