import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../common/api/programmes.ts';
import { activityState, emptyActivity, toActivityInput } from './activity-form.ts';

const filled = () => ({ ...emptyActivity('32.75'), title: 'Kunjungan studi ke IPLT', plannedStart: '2026-12-01', plannedEnd: '2026-12-03', location: 'Taliwang' });

describe('toActivityInput', () => {
  it('turns the typed form into the API input: counts, rupiah and empty boxes', () => {
    const state = {
      ...filled(),
      participants: [{ organisationCode: '32.75', female: '4', male: '' }],
      budget: [{ source: 'apbd' as const, organisationCode: '32.75', planned: 'Rp 15.000.000', actual: '' }],
    };
    expect(toActivityInput(state)).toEqual({
      input: {
        type: 'study_visit',
        title: 'Kunjungan studi ke IPLT',
        description: null,
        hostOrganisationCode: '32.75',
        plannedStart: '2026-12-01',
        plannedEnd: '2026-12-03',
        actualStart: null,
        actualEnd: null,
        location: 'Taliwang',
        status: 'planned',
        participants: [{ organisationCode: '32.75', female: 4, male: 0 }],
        budget: [{ source: 'apbd', organisationCode: '32.75', planned: 15_000_000, actual: null }],
        outputs: null,
        lessons: null,
      },
    });
  });

  it('names every problem by its field', () => {
    const state = {
      ...emptyActivity(''),
      title: 'ab',
      plannedEnd: '2026-01-01',
      participants: [{ organisationCode: '', female: '1', male: '1' }, { organisationCode: '32.75', female: 'lima', male: '1' }],
      budget: [{ source: 'apbd' as const, organisationCode: '', planned: '100', actual: '' }, { source: 'sponsor' as const, organisationCode: '', planned: '1,5 juta', actual: '' }],
    };
    expect(toActivityInput(state)).toEqual({
      errors: { title: 'required', hostOrganisationCode: 'required', plannedStart: 'required', 'participants.0': 'organisation', 'participants.1': 'headcount', 'budget.0': 'organisation', 'budget.1': 'amount' },
    });
    expect(toActivityInput({ ...filled(), plannedEnd: '2026-11-30' })).toEqual({ errors: { plannedEnd: 'endBeforeStart' } });
  });

  it('round-trips a stored activity through the form unchanged', () => {
    const organisation = { code: '32.75', name: 'Pemerintah Kota Bekasi' };
    const activity: Activity = {
      id: crypto.randomUUID(),
      agreementId: crypto.randomUUID(),
      programmeId: crypto.randomUUID(),
      type: 'training',
      title: 'Bimtek LLTT',
      description: null,
      host: organisation,
      plannedStart: '2026-10-01',
      plannedEnd: null,
      actualStart: '2026-10-01',
      actualEnd: '2026-10-02',
      location: null,
      status: 'done',
      displayStatus: 'done',
      nextStatuses: [],
      participants: [{ organisation, female: 3, male: 5 }],
      budget: [{ source: 'sponsor', organisation: null, planned: 2_000_000, actual: 1_750_000, note: null }],
      totals: { female: 3, male: 5, budgetPlanned: 2_000_000, budgetActual: 1_750_000 },
      outputs: 'SOP LLTT',
      lessons: null,
      evidenceCount: 0,
      createdAt: '2026-09-01T00:00:00Z',
      updatedAt: '2026-09-01T00:00:00Z',
    };
    const result = toActivityInput(activityState(activity));
    expect(result).toMatchObject({
      input: {
        type: 'training',
        participants: [{ organisationCode: '32.75', female: 3, male: 5 }],
        budget: [{ source: 'sponsor', organisationCode: null, planned: 2_000_000, actual: 1_750_000 }],
        actualEnd: '2026-10-02',
        outputs: 'SOP LLTT',
      },
    });
  });
});
