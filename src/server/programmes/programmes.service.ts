import type { Programme, ProgrammeReminderItem, SaveProgramme } from '../../common/api/programmes.ts';
import { decideStageMove, stageMoves, type ProgrammeStage } from '../../common/programme-stages.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { listOpenActivities } from './activities.repo.ts';
import { authorizeParticipant, type AgreementDirectory, type AgreementFacts } from './participation.ts';
import { programmeReminders } from './programme-reminders.ts';
import { copyProgrammeForTemplate } from './programme-template.ts';
import { findProgramme, insertProgramme, listProgrammeAgreementIds, lockProgramme, updateProgramme, type ProgrammeRow } from './programmes.repo.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Agreement statuses in which the work may spend money (PKS signed and running). */
const IMPLEMENTING = new Set(['implementation', 'evaluation', 'amended']);

/** Reads periods for reminders without this feature reaching into the results feature's repo. */
export interface ReportsDue {
  periodsForReminders(agreementIds: readonly string[]): Promise<Parameters<typeof programmeReminders>[1]>;
}

/** The programme on top of an agreement: one per agreement, moved through the twinning method's stages. */
export class ProgrammesService {
  constructor(
    private readonly database: Database,
    readonly agreements: AgreementDirectory,
  ) {}

  /** Late-bound: the results service needs this one too, so it is wired after both exist. */
  reportsDue: ReportsDue | null = null;

  async get(context: RequestContext, agreementId: string): Promise<Programme> {
    await this.agreements.facts(context, agreementId);
    const row = await findProgramme(this.database.db, agreementId);
    if (!row) throw new NotFoundError(`Agreement ${agreementId} has no programme yet: create it with PUT /api/agreements/${agreementId}/programme`);
    return toProgramme(row);
  }

  /** Creates the programme, or changes its title and summary. */
  async save(context: RequestContext, agreementId: string, input: SaveProgramme): Promise<Programme> {
    const agreement = await this.agreements.facts(context, agreementId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    await inActorTransaction(this.database.db, context, async (trx) => {
      const existing = await findProgramme(trx, agreementId);
      if (existing) await updateProgramme(trx, existing.id, { title: input.title, ...(input.summary !== undefined && { summary: input.summary }) });
      else await insertProgramme(trx, { agreementId, title: input.title, summary: input.summary ?? null, createdBy: userIdOf(context) });
    });
    return this.get(context, agreementId);
  }

  /** Moves the programme to another stage; 409 with every unmet guard, else the warnings. */
  async transition(context: RequestContext, agreementId: string, to: ProgrammeStage, note: string | null): Promise<{ programme: Programme; warnings: string[] }> {
    const agreement = await this.agreements.facts(context, agreementId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const warnings = await inActorTransaction(this.database.db, context, async (trx) => {
      const row = await findProgramme(trx, agreementId);
      if (!row) throw new NotFoundError(`Agreement ${agreementId} has no programme yet`);
      const stage = (await lockProgramme(trx, row.id)) ?? row.stage;
      const decision = decideStageMove(stage, to, {
        plannedActivities: row.plannedActivities,
        indicators: row.indicators,
        agreementInImplementation: IMPLEMENTING.has(agreement.status),
        note,
      });
      if (decision.unmet.length > 0) throw new ConflictError(`to: ${decision.unmet.join('; ')}`);
      await updateProgramme(trx, row.id, { stage: to });
      return decision.warnings;
    });
    return { programme: await this.get(context, agreementId), warnings };
  }

  /**
   * The programme to hang activities and results on, created on first use with the agreement's
   * title (so a work plan can start before anyone names the programme). Runs in the caller's transaction.
   */
  async ensureProgramme(trx: Transaction<Schema>, context: RequestContext, agreement: AgreementFacts): Promise<string> {
    const existing = await findProgramme(trx, agreement.id);
    if (existing) return existing.id;
    return insertProgramme(trx, { agreementId: agreement.id, title: agreement.title, summary: null, createdBy: userIdOf(context) });
  }

  /**
   * "Use as template": copies the source's work plan and results framework into the new agreement's
   * programme, in the agreements feature's transaction (registered with its onTemplate hook).
   */
  async copyForTemplate(trx: Transaction<Schema>, context: RequestContext, ids: { sourceId: string; targetId: string }): Promise<void> {
    await copyProgrammeForTemplate(this.agreements, trx, context, ids, todayInIndonesia());
  }

  /** Agreements that have a programme (for reminders). */
  agreementIdsWithProgramme(): Promise<string[]> {
    return listProgrammeAgreementIds(this.database.db);
  }

  /** The programme row of an agreement (null when none), for the other programme services. */
  find(agreementId: string): Promise<ProgrammeRow | null> {
    return findProgramme(this.database.db, agreementId);
  }

  /**
   * Activities overdue and reports due for these agreements, in the agreements feature's reminder
   * shape (GET /api/reminders calls this with the agreements the caller may see).
   */
  async reminders(agreementIds: readonly string[], today: string): Promise<ProgrammeReminderItem[]> {
    const ids = [...new Set(agreementIds)];
    const activities = await listOpenActivities(this.database.db, ids);
    const periods = this.reportsDue ? await this.reportsDue.periodsForReminders(ids) : [];
    return programmeReminders(activities, periods, today);
  }
}

export function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    agreementId: row.agreementId,
    title: row.title,
    summary: row.summary,
    stage: row.stage,
    stageChangedAt: row.stageChangedAt.toISOString(),
    nextStages: stageMoves(row.stage),
    activityCount: row.activityCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function userIdOf(context: RequestContext): string | null {
  return context.actor.kind === 'user' ? context.actor.userId : null;
}

/** Today's date in Indonesia's western time zone (WIB), where most parties sit: reminders and "overdue" use it. */
export function todayInIndonesia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
