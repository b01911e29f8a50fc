import type { ImportError, ImportSummary } from '../../common/api/imports.ts';
import { inActorTransaction, setActor } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { ImportPlan } from './import-format.ts';
import { finishJob, type JobOutcome } from './imports.repo.ts';
import type { ObservationWriter } from './observation-writer.ts';
import { isZip } from './table.ts';

/** At most this many errors are stored and shown per import; errorCount tells how many there were. */
export const MAX_STORED_ERRORS = 1_000;

/** Checks the plan's rows and, unless a dry run or anything is wrong, writes them; records the outcome with the data. */
export async function checkAndWrite(
  { database, writer }: { database: Database; writer: ObservationWriter },
  id: string,
  context: RequestContext,
  plan: ImportPlan,
  dryRun: boolean,
  area: string | null,
): Promise<JobOutcome> {
  const base = { processed: plan.total, total: plan.total, period: plan.period };
  const errors = [...plan.errors, ...(await writer.check(context, plan.rows, { areaScope: area }))];
  const finished = (outcome: JobOutcome) => inActorTransaction(database.db, context, (trx) => finishJob(trx, id, outcome)).then(() => outcome);
  if (errors.length > 0) {
    const shown = tidyErrors(errors);
    return finished({ ...base, status: 'failed', errors: shown.slice(0, MAX_STORED_ERRORS), errorCount: shown.length, summary: nothingWritten(plan) });
  }
  if (dryRun) {
    const dry = await writer.write(context, plan.rows, { dryRun: true, areaScope: area });
    return finished({ ...base, status: 'succeeded', errors: [], errorCount: 0, summary: withPlan(dry.summary, plan) });
  }
  const catalogue = await writer.catalogue();
  return database.bulkTransaction(async (trx, copyIn) => {
    await setActor(trx, context);
    const rows = plan.commit ? await plan.commit(trx, copyIn) : plan.rows;
    const summary = withPlan(await writer.writeChecked(trx, copyIn, context, rows, catalogue), plan);
    const outcome: JobOutcome = { ...base, status: 'succeeded', errors: [], errorCount: 0, summary };
    await finishJob(trx, id, outcome);
    return outcome;
  });
}

function withPlan(summary: ImportSummary, plan: ImportPlan): ImportSummary {
  return { ...summary, ...(plan.households !== undefined && { households: plan.households }), ...(plan.period && { period: plan.period }) };
}

function nothingWritten(plan: ImportPlan): ImportSummary {
  const areas = new Set(plan.rows.map((row) => row.areaCode)).size;
  return withPlan({ rows: plan.rows.length, imported: 0, updated: 0, unchanged: 0, deleted: 0, ignored: plan.rows.length, areas }, plan);
}

/** One error per row and message (a village outside the caller's area is one problem, not one per indicator), in file order. */
function tidyErrors(errors: readonly ImportError[]): ImportError[] {
  const seen = new Set<string>();
  const unique = errors.filter((error) => {
    const key = `${error.row}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.row - b.row);
}

/** Rows a text file holds, roughly (its lines), for progress before it is read; 0 for a workbook (known once read). */
export function estimateRows(bytes: Uint8Array): number {
  if (isZip(bytes)) return 0;
  let lines = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) lines += 1;
  return Math.max(lines - 1, 0);
}

