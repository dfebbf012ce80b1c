import type { Incident, Movement } from '@tuoitho/domain';
import { CreateIncidentRequest, CreateMovementRequest } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  communicationFormToRequest,
  facilityFormToRequest,
  incidentFormToRequest,
  incidentToFormValues,
  movementFormToRequest,
  participationsByYear,
  withoutUnit,
} from './outreachForms';

describe('communicationFormToRequest', () => {
  it('trims text, sends empty materials as null and keeps the chosen unit', () => {
    expect(
      communicationFormToRequest({
        unit: '14812',
        heldOn: '2026-06-01',
        channel: 'loudspeaker',
        audience: 'parents',
        title: '  Phòng, chống đuối nước mùa hè ',
        reachCount: 1200,
        materials: '   ',
        programmeId: undefined,
      }),
    ).toEqual({
      unit: '14812',
      programmeId: null,
      heldOn: '2026-06-01',
      channel: 'loudspeaker',
      audience: 'parents',
      title: 'Phòng, chống đuối nước mùa hè',
      reachCount: 1200,
      materials: null,
    });
  });

  it('leaves the unit out when none is chosen (the server takes the caller’s)', () => {
    const request = communicationFormToRequest({
      heldOn: '2026-06-01',
      channel: 'meeting',
      audience: 'all',
      title: 'Họp dân',
      reachCount: 0,
    });
    expect('unit' in request).toBe(false);
  });
});

describe('movementFormToRequest', () => {
  it('drops incomplete and repeated participation rows', () => {
    const request = movementFormToRequest({
      name: ' Toàn dân chăm sóc, bảo vệ trẻ em ',
      description: '',
      yearFrom: 2020,
      yearTo: undefined,
      participations: [
        { unitCode: '14812', year: 2025, note: ' ' },
        { unitCode: '14812', year: 2025, note: 'lần hai' },
        { unitCode: '14815', year: undefined },
        { year: 2025 },
        { unitCode: '14815', year: 2026, note: 'Xã điểm' },
      ],
    });
    expect(request).toEqual({
      name: 'Toàn dân chăm sóc, bảo vệ trẻ em',
      description: null,
      yearFrom: 2020,
      yearTo: null,
      participations: [
        { unitCode: '14812', year: 2025, note: null },
        { unitCode: '14815', year: 2026, note: 'Xã điểm' },
      ],
    });
    expect(CreateMovementRequest.safeParse(request).success).toBe(true);
  });
});

describe('participationsByYear', () => {
  it('groups unit names by year, the latest year first, names in Vietnamese order', () => {
    const movement = {
      participations: [
        { unitCode: '14812', unitName: 'Phường Bỉm Sơn', year: 2024, note: null },
        { unitCode: '14815', unitName: 'Phường Quang Trung', year: 2025, note: null },
        { unitCode: '14812', unitName: 'Phường Bỉm Sơn', year: 2025, note: null },
        { unitCode: '14830', unitName: 'Xã Ái Thượng', year: 2025, note: null },
      ],
    } satisfies Pick<Movement, 'participations'>;
    expect(participationsByYear(movement)).toEqual([
      { year: 2025, units: ['Phường Bỉm Sơn', 'Phường Quang Trung', 'Xã Ái Thượng'] },
      { year: 2024, units: ['Phường Bỉm Sơn'] },
    ]);
  });
});

describe('incident form', () => {
  const incident: Incident = {
    id: '0b5c3a5e-7a43-4f0e-9d0c-2a4f1f1e8e01',
    unitCode: '14812',
    unitName: 'Phường Bỉm Sơn',
    occurredAt: '2025-07-14T16:30:00+07:00',
    cause: 'drowning',
    placeType: 'pond',
    placeDescription: 'Ao sau nhà văn hóa thôn 3',
    age: 9,
    sex: 'male',
    outcome: 'death',
    childId: null,
    childName: null,
    description: null,
    canEdit: true,
    version: 3,
    createdAt: '2025-07-15T08:00:00+07:00',
  };

  it('round-trips an incident through the form to a valid request', () => {
    const request = incidentFormToRequest(incidentToFormValues(incident));
    expect(request).toEqual({
      unit: '14812',
      occurredAt: '2025-07-14T16:30:00+07:00',
      cause: 'drowning',
      placeType: 'pond',
      placeDescription: 'Ao sau nhà văn hóa thôn 3',
      age: 9,
      sex: 'male',
      outcome: 'death',
      childId: null,
      description: null,
    });
    expect(CreateIncidentRequest.safeParse(request).success).toBe(true);
  });

  it('sends an unknown sex and an absent child as null', () => {
    const request = incidentFormToRequest({
      occurredAt: '2026-05-02T09:05:00+07:00',
      cause: 'traffic',
      placeType: 'road',
      age: 14,
      outcome: 'minor_injury',
      description: '  ',
    });
    expect(request.sex).toBeNull();
    expect(request.childId).toBeNull();
    expect(request.description).toBeNull();
  });

  it('withoutUnit keeps everything but the unit (an update keeps the record’s unit)', () => {
    const { unit: _unit, ...rest } = incidentFormToRequest(incidentToFormValues(incident));
    expect(withoutUnit(incidentFormToRequest(incidentToFormValues(incident)))).toEqual(rest);
  });
});

describe('facilityFormToRequest', () => {
  it('sends an empty capacity as null and trims the name', () => {
    expect(
      facilityFormToRequest({
        kind: 'playground',
        name: ' Sân chơi khu phố 5 ',
        condition: 'fair',
        capacity: undefined,
      }),
    ).toEqual({
      kind: 'playground',
      name: 'Sân chơi khu phố 5',
      address: null,
      condition: 'fair',
      capacity: null,
      note: null,
    });
  });
});
