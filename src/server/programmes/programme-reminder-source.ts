import type { Reminder } from '../../common/api/agreements.ts';
import type { RequestContext } from '../auth/actor.ts';
import { NotFoundError } from '../errors.ts';
import { actorParticipation, type AgreementFacts } from './participation.ts';
import type { ProgrammeReminder } from './programme-reminders.ts';
import type { ProgrammesService } from './programmes.service.ts';

/**
 * The programme's part of GET /api/reminders (registered with the agreements' onReminders hook):
 * activities overdue and reports due, of the agreements the caller takes part in (every agreement
 * for admins and the CLI), in the agreements' reminder shape. Only agreements with a programme are
 * looked at.
 */
export async function programmeRemindersFor(programmes: ProgrammesService, context: RequestContext, today: string): Promise<Reminder[]> {
  const { actor } = context;
  if (actor.kind === 'anonymous') return [];
  const everything = actor.kind === 'system' || actor.roles.includes('admin');
  const agreements: AgreementFacts[] = [];
  for (const id of await programmes.agreementIdsWithProgramme()) {
    const facts = await programmes.agreements.facts(context, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (facts && (everything || actorParticipation(actor, facts).isParticipant)) agreements.push(facts);
  }
  const titles = new Map(agreements.map((agreement) => [agreement.id, agreement.title]));
  const items = await programmes.reminders([...titles.keys()], today);
  return items.map((item) => toAgreementReminder(item, titles.get(item.agreementId) ?? ''));
}

export function toAgreementReminder(item: ProgrammeReminder, agreementTitle: string): Reminder {
  const activity = item.kind === 'activity_overdue';
  return {
    kind: item.kind,
    agreementId: item.agreementId,
    agreementTitle,
    subject: { type: activity ? 'activity' : 'report', id: item.subjectId },
    dueOn: item.dueDate,
    daysLeft: -item.daysOverdue,
    threshold: null,
    severity: 'overdue',
    message: activity
      ? `"${item.title}" was planned to be over by ${item.dueDate} (${item.daysOverdue} days ago) and is not done or cancelled`
      : `No approved result update yet for ${item.title}: the period ended ${item.daysOverdue} days ago`,
    ruleId: null,
  };
}
