import { describe, expect, it } from 'vitest';
import { InsurerCaseView } from '../../src/contracts/claims';
import { fullyPopulatedCase } from '../case-fixtures';
import { caseToInsurerView } from './insurer-view';

const X = { id: '00000000-0000-4000-8000-00000000000a', name: 'Insurer X', code: 'INSX' };
const Y = { id: '00000000-0000-4000-8000-00000000000b', name: 'Insurer Y', code: 'INSY' };

describe('caseToInsurerView: the insurer’s view is an allow-list', () => {
  it('gives insurer X of a fully populated case exactly these fields', () => {
    // Given a case with every optional field filled, signed, amended and signed again
    const c = fullyPopulatedCase();
    const { vehicleA, vehicleB, partyA, object } = c.ids;
    const photo = (slot: string) => {
      const p = c.photos.find((q) => q.meta.slot === slot)!.meta;
      return { sha256: p.sha256, byteLength: p.byteLength, slot };
    };
    const findings = c.record.liability!.decision!.findings;
    const basis = [
      ...new Map(
        findings.flatMap((f) => f.basis).map((b) => [`${b.law}|${b.article}`, b]),
      ).values(),
    ];

    // When insurer X's view is built
    const view = caseToInsurerView(
      c.record,
      c.photos.map((p) => p.meta),
      X,
    );

    // Then it holds exactly what X may see, field by field
    expect(basis.length).toBeGreaterThan(0);
    expect(view).toStrictEqual({
      viewVersion: 1,
      id: c.record.id,
      caseNumber: c.record.caseNumber,
      arrivedAt: '2026-11-27T02:00:00.000Z',
      occurredAt: '2026-11-27T01:50:00.000Z',
      location: {
        address: 'G318 国道 K123+400',
        road: 'G318',
        kmPost: 'K123+400',
        point: { latitude: 30.5, longitude: 104.1 },
      },
      vehicles: [
        {
          id: vehicleA,
          label: 'A',
          insured: true,
          plate: '川A12340',
          plateType: 'small-blue',
          vehicleType: 'car',
          vin: 'LSVAA2AA0000000A1',
          owner: '张三',
          damagedParts: ['front-bumper'],
          liability: 'secondary',
        },
        {
          id: vehicleB,
          label: 'B',
          insured: false,
          plate: '川A12341',
          plateType: 'new-energy-small',
          vehicleType: 'suv',
          damagedParts: ['rear-bumper'],
          liability: 'primary',
        },
      ],
      parties: [
        {
          id: partyA,
          vehicleId: vehicleA,
          name: '张三',
          idNumber: '510104199001011234',
          licenceNumber: '510104199001011234',
          phone: '13800000001',
          covers: [{ kind: 'compulsory', policyNumber: 'PX-0001' }],
          signature: { kind: 'signed', at: '2026-11-27T02:22:00.000Z' },
        },
      ],
      objects: [{ id: object, description: '护栏' }],
      determination: {
        overridden: true,
        basis,
        catalogVersion: c.record.liability!.decision!.catalogVersion,
        amended: true,
      },
      photos: [
        photo('scene-behind'),
        photo('collision-point'),
        photo(`vehicle:${vehicleA}:plate`),
        photo(`vehicle:${vehicleB}:plate`),
        photo(`damage:${vehicleA}:front-bumper`),
        photo(`damage:${vehicleB}:rear-bumper`),
        photo(`party:${partyA}:driving-licence`),
        photo(`object:${object}:damage`),
      ],
      // the sketch as drawn: no name or number in it
      sketch: c.record.sketch,
    });
    expect(InsurerCaseView.parse(view)).toStrictEqual(view);
  });

  it('never carries a signature image, a note, a reason, another party’s identity or another insurer’s policy', () => {
    const c = fullyPopulatedCase();

    const text = JSON.stringify(
      caseToInsurerView(
        c.record,
        c.photos.map((p) => p.meta),
        X,
      ),
    );

    for (const secret of c.secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/data:image|originalSha256|takenAt|width|height|transitions|triage/);
  });

  it('gives insurer Y its own vehicle, both its covers of it, and none of X’s', () => {
    const c = fullyPopulatedCase();

    const view = caseToInsurerView(
      c.record,
      c.photos.map((p) => p.meta),
      Y,
    );

    expect(view.vehicles.map((v) => [v.label, v.insured])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    expect(view.parties.map((p) => [p.name, p.covers])).toEqual([
      ['张三', [{ kind: 'commercial', policyNumber: 'PY-0001-A' }]],
      ['李四', [{ kind: 'compulsory', policyNumber: 'PY-0002-B' }]],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/PX-0001|PO-0003-B|Other Mutual/);
    expect(view.parties.find((p) => p.name === '李四')?.signature).toEqual({
      kind: 'refused',
      at: '2026-11-27T02:23:00.000Z',
    });
  });

  it('keeps no photo whose slot it does not know, nor a document of an uninsured driver', () => {
    const c = fullyPopulatedCase();
    const odd = ['extra', 'party:not-a-party:insurance', 'damage:gone-vehicle:door', 'anything'];

    const view = caseToInsurerView(
      c.record,
      odd.map((slot, i) => ({ sha256: String(i).repeat(64), byteLength: 1, slot })),
      X,
    );

    expect(view.photos).toEqual([]);
  });
});
