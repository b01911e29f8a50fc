import type { GuardReasonDto, Reminder, TimelineEntry, TransitionRequest } from '../../common/api/agreements.ts';
import { todayInIndonesia } from '../../common/agreements/calendar.ts';
import { evaluateTransition, transitionOptions, type Finding, type TransitionOption } from '../../common/agreements/lifecycle.ts';
import type { AgreementStatus } from '../../common/agreements/vocabulary.ts';
import { auditLabel, type RequestContext } from '../auth/actor.ts';
import { UnauthorizedError } from '../auth/policies.ts';
import { BlockedError } from '../errors.ts';
import { reminderScopeOf } from './agreement-access.ts';
import { snapshotOf } from './agreement-detail.ts';
import { insertTransition, setStatus } from './agreement-writes.repo.ts';
import { listRunningAgreements, listTimelineRows, type TimelineRow } from './agreements.repo.ts';
import type { AgreementsService } from './agreements.service.ts';
import { agreementReminders, RUNNING_STATUSES } from './reminders.ts';

type Option = Omit<TransitionOption, 'unmet' | 'warnings'> & { unmet: GuardReasonDto[]; warnings: GuardReasonDto[] };

/** More reminders for GET /api/reminders from another feature (programmes: activities overdue, reports due), for the same caller and day. */
export type ReminderSource = (context: RequestContext, today: string) => Promise<Reminder[]>;

/**
 * Moving agreements through the legal lifecycle (src/common/agreements/lifecycle.ts): the options
 * from the current state with their guards, the move itself (409 with every unmet guard, or done
 * and recorded with its warnings), the timeline, and reminders.
 */
export class AgreementLifecycleService {
  private readonly reminderSources: ReminderSource[] = [];

  constructor(
    private readonly agreements: AgreementsService,
    /** Today's date, 'YYYY-MM-DD' (WIB); replaceable so tests can pin it. */
    private readonly today: () => string = () => todayInIndonesia(),
  ) {}

  /** Registers another feature's reminders (called once at wiring time). */
  onReminders(source: ReminderSource): void {
    this.reminderSources.push(source);
  }

  async options(context: RequestContext, id: string): Promise<{ status: AgreementStatus; options: Option[] }> {
    const detail = await this.agreements.get(context, id);
    const options = transitionOptions(snapshotOf(detail), { rules: this.agreements.rules, today: this.today() });
    return { status: detail.status, options: options.map((option) => ({ ...option, unmet: option.unmet.map(this.reason), warnings: option.warnings.map(this.reason) })) };
  }

  /** Moves the agreement, or throws BlockedError (409) naming every unmet guard; nothing changes then. */
  async transition(context: RequestContext, id: string, request: TransitionRequest): Promise<{ status: AgreementStatus; transition: TimelineEntry; warnings: GuardReasonDto[] }> {
    let warnings: GuardReasonDto[] = [];
    let transitionId = '';
    const detail = await this.agreements.editable(context, id, 'agreements.transition', async (trx, current) => {
      const result = evaluateTransition(snapshotOf(current), request.to, { rules: this.agreements.rules, today: this.today(), note: request.note });
      if (!result.allowed) {
        const reasons = result.unmet.map(this.reason);
        throw new BlockedError(`"${current.title}" cannot move from ${current.status} to ${request.to}: ${reasons.map((reason) => reason.message).join('; ')}`, reasons);
      }
      warnings = result.warnings.map(this.reason);
      await setStatus(trx, id, request.to);
      const actor = context.actor;
      transitionId = await insertTransition(trx, {
        agreementId: id,
        from: current.status,
        to: request.to,
        note: request.note?.trim() || null,
        warnings: warnings.map((warning) => warning.message),
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorLabel: auditLabel(actor),
        actorRoles: actor.kind === 'user' ? [...actor.roles] : [],
      });
    });
    const timeline = await this.timeline(context, id);
    const transition = timeline.items.find((item) => item.id === transitionId);
    if (!transition) throw new Error(`transition ${transitionId} was not recorded`);
    return { status: detail.status, transition, warnings };
  }

  async timeline(context: RequestContext, id: string): Promise<{ items: TimelineEntry[] }> {
    await this.agreements.get(context, id);
    const rows = await listTimelineRows(this.agreements.database.db, id);
    return { items: rows.map(timelineEntry) };
  }

  /** Reminders of the agreements the caller takes part in (every agreement for admins), as of `on` (default today). */
  async reminders(context: RequestContext, on?: string): Promise<{ items: Reminder[]; asOf: string }> {
    if (context.actor.kind === 'anonymous') throw new UnauthorizedError();
    const today = on ?? this.today();
    const rows = await listRunningAgreements(this.agreements.database.db, reminderScopeOf(context.actor), RUNNING_STATUSES);
    const items = agreementReminders(
      rows.map((row) => ({ id: row.id, title: row.title, status: row.status, endDate: row.end_date, kbSignedOn: row.kb_signed_on, statusChangedOn: todayInIndonesia(row.status_changed_at) })),
      today,
      this.agreements.rules,
    );
    for (const source of this.reminderSources) items.push(...(await source(context, today)));
    items.sort((a, b) => a.daysLeft - b.daysLeft || a.agreementTitle.localeCompare(b.agreementTitle));
    return { items, asOf: today };
  }

  private readonly reason = (finding: Finding): GuardReasonDto => ({
    code: finding.code,
    message: finding.message,
    ruleId: finding.ruleId,
    source: this.agreements.rules.rules[finding.ruleId].source,
  });
}

function timelineEntry(row: TimelineRow): TimelineEntry {
  return {
    id: row.id,
    from: row.from_status,
    to: row.to_status,
    note: row.note,
    warnings: row.warnings,
    at: row.at.toISOString(),
    actor: { label: row.actor_label, email: row.email, name: row.name, roles: row.actor_roles },
  };
}
