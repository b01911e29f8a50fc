import type { FastifyInstance } from 'fastify';
import type { AgreementFacts } from '../../src/server/programmes/participation.ts';
import { systemContext } from '../../src/server/auth/actor.ts';

/** Kabupaten Sumbawa Barat and Kota Bekasi (the founding twinning), and a third region: Kota Semarang. */
export const KSB = '52.07';
export const BEKASI = '32.75';
export const THIRD = '33.74';

export interface AgreementSpec {
  title: string;
  parties: string[];
  others?: { code: string; role: 'fasilitator' | 'saksi' | 'sponsor' | 'mentor' | 'mentee' }[];
  visibility?: 'public' | 'internal';
}

/** An agreement with its participants, made through the agreements services as the CLI would (example data for tests only). */
export async function createAgreement(app: FastifyInstance, spec: AgreementSpec): Promise<string> {
  const cli = systemContext('cli');
  const created = await app.services.agreements.create(cli, {
    title: spec.title,
    category: 'ksdd_sukarela',
    isTwinning: true,
    objectives: '',
    visibility: spec.visibility ?? 'public',
    burdensPublic: false,
    unbudgeted: false,
    parties: spec.parties,
    scopeItems: [],
  });
  for (const other of spec.others ?? []) await app.services.agreementParts.addParticipant(cli, created.id, { organisationCode: other.code, role: other.role });
  return created.id;
}

export type { AgreementFacts };

/** What the permission matrix needs in one agreement: its programme, an activity, a result, an indicator and a period. */
export interface ProgrammeMatrixFixture {
  agreementId: string;
  activityId: string;
  resultId: string;
  indicatorId: string;
  periodId: string;
}

const matrixFixtures = new WeakMap<FastifyInstance, Promise<Record<'own' | 'other', ProgrammeMatrixFixture>>>();

/**
 * For the permission matrix (own = Kota Bekasi is a party, with FORKALIM facilitating; other =
 * Kota Semarang and KSB, without Bekasi or FORKALIM), built once per app through the services.
 */
export function programmeMatrixFixture(app: FastifyInstance, scope: 'own' | 'other'): Promise<ProgrammeMatrixFixture> {
  let fixtures = matrixFixtures.get(app);
  if (!fixtures) {
    fixtures = (async () => ({
      own: await buildMatrixFixture(app, { title: 'Matriks: twinning dengan Kota Bekasi (uji)', parties: [KSB, BEKASI], others: [{ code: 'forkalim', role: 'fasilitator' }] }),
      other: await buildMatrixFixture(app, { title: 'Matriks: twinning tanpa Kota Bekasi (uji)', parties: [THIRD, KSB] }),
    }))();
    matrixFixtures.set(app, fixtures);
  }
  return fixtures.then((built) => built[scope]);
}

async function buildMatrixFixture(app: FastifyInstance, spec: AgreementSpec): Promise<ProgrammeMatrixFixture> {
  const cli = systemContext('cli');
  const agreementId = await createAgreement(app, spec);
  const activity = await app.services.activities.create(cli, agreementId, {
    type: 'coordination_meeting',
    title: 'Rapat koordinasi (uji)',
    hostOrganisationCode: spec.parties[0] ?? KSB,
    plannedStart: '2099-01-10',
    status: 'planned',
    participants: [],
    budget: [],
  });
  const framework = await app.services.results.createResult(cli, agreementId, { type: 'output', title: 'Hasil uji matriks' });
  const resultId = framework.items[0]?.id ?? '';
  const withIndicator = await app.services.results.createIndicator(cli, resultId, { title: 'Indikator uji', type: 'quantitative', measure: 'unit', cumulative: false, ascending: true, targetKind: 'process' });
  const indicatorId = withIndicator.items[0]?.indicators[0]?.id ?? '';
  const period = await app.services.results.createPeriod(cli, indicatorId, { periodStart: '2026-01-01', periodEnd: '2026-12-31', targetValue: 5 });
  return { agreementId, activityId: activity.id, resultId, indicatorId, periodId: period.id };
}
