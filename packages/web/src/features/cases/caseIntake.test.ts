import { CreateCaseRequest } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { buildCreateCaseRequest, isAfterNow } from './caseIntake';

const common = {
  unitCode: '14812',
  source: 'school',
  concerns: ['neglect'],
  urgency: 'routine',
  receivedAt: '2026-05-01T09:30:00+07:00',
  summary: '  Trẻ thường xuyên bị bỏ đói  ',
} as const;

describe('buildCreateCaseRequest', () => {
  it('sends a registered child by id only, without an empty reporter', () => {
    const request = buildCreateCaseRequest({
      ...common,
      concerns: [...common.concerns],
      childMode: 'registry',
      childId: '0b7c3f0e-7a4c-4f5e-9a61-2d3c8e1f4a10',
      fullName: 'left over from the other mode',
      reporter: '  ',
    });
    expect(request).toEqual({
      childId: '0b7c3f0e-7a4c-4f5e-9a61-2d3c8e1f4a10',
      unitCode: '14812',
      source: 'school',
      concerns: ['neglect'],
      urgency: 'routine',
      receivedAt: '2026-05-01T09:30:00+07:00',
      summary: 'Trẻ thường xuyên bị bỏ đói',
    });
    expect(CreateCaseRequest.safeParse(request).success).toBe(true);
  });

  it('sends a new child by name, sex and date of birth, with the reporter', () => {
    const request = buildCreateCaseRequest({
      ...common,
      concerns: ['physical_violence', 'neglect'],
      childMode: 'new',
      childId: '0b7c3f0e-7a4c-4f5e-9a61-2d3c8e1f4a10',
      fullName: ' Lê Thị Hoa ',
      sex: 'female',
      dateOfBirth: '2016-03-04',
      reporter: ' Cô giáo chủ nhiệm, 0912345678 ',
    });
    expect(request).toMatchObject({
      child: { fullName: 'Lê Thị Hoa', sex: 'female', dateOfBirth: '2016-03-04' },
      reporter: 'Cô giáo chủ nhiệm, 0912345678',
    });
    expect('childId' in request).toBe(false);
    expect(CreateCaseRequest.safeParse(request).success).toBe(true);
  });

  it('tells a future reception time', () => {
    const now = new Date('2026-05-01T02:00:00Z');
    expect(isAfterNow('2026-05-01T09:01:00+07:00', now)).toBe(true);
    expect(isAfterNow('2026-05-01T09:00:00+07:00', now)).toBe(false);
    expect(isAfterNow(undefined, now)).toBe(false);
  });
});
