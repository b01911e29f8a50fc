import type { Reminder } from '../../common/api/agreements.ts';
import { addDays, addWorkingDays, daysBetween } from '../../common/agreements/calendar.ts';
import type { RuleId, RulePack } from '../../common/agreements/rule-pack.ts';
import type { AgreementStatus } from '../../common/agreements/vocabulary.ts';

/**
 * Agreement reminders, computed (pure) from the agreements' dates and today's date:
 * - the end date approaching: one reminder at the step reached (90, 60, 30, 7, 0 days before, as
 *   SIKERJA does [V S32]), overdue once past while the agreement is still running;
 * - a KB still without a PKS nearing or past the configured expiry (unconfirmed rule: advice);
 * - the DPRD not answering within the configured working days (unconfirmed rule: advice).
 * Programme reminders (activities overdue, reports due) come from the programmes feature.
 */
export interface ReminderAgreement {
  id: string;
  title: string;
  status: AgreementStatus;
  endDate: string | null;
  /** Signing date of the first KB (or nota kesepakatan), if any. */
  kbSignedOn: string | null;
  /** The date the agreement entered its current status. */
  statusChangedOn: string;
}

/** States in which an agreement is signed and running, so its end date matters. */
export const RUNNING_STATUSES: readonly AgreementStatus[] = ['kb_signed', 'awaiting_dprd', 'pks_negotiation', 'pks_signed', 'implementation', 'evaluation', 'amended'];
/** States in which a KB is signed but no PKS yet. */
const WITHOUT_PKS: ReadonlySet<AgreementStatus> = new Set(['kb_signed', 'awaiting_dprd', 'pks_negotiation']);

export function agreementReminders(agreements: readonly ReminderAgreement[], today: string, rules: RulePack): Reminder[] {
  const reminders: Reminder[] = [];
  const steps = [...rules.endReminderDays].sort((a, b) => a - b);
  const horizon = steps.at(-1) ?? 0;
  const remind = (agreement: ReminderAgreement, kind: Reminder['kind'], dueOn: string, ruleId: RuleId, describe: (daysLeft: number) => string) => {
    const daysLeft = daysBetween(today, dueOn);
    if (daysLeft > horizon) return;
    const threshold = daysLeft < 0 ? 0 : (steps.find((step) => daysLeft <= step) ?? horizon);
    reminders.push({
      kind,
      agreementId: agreement.id,
      agreementTitle: agreement.title,
      subject: { type: 'agreement', id: agreement.id },
      dueOn,
      daysLeft,
      threshold,
      severity: daysLeft < 0 ? 'overdue' : daysLeft <= 7 ? 'warning' : 'info',
      message: describe(daysLeft),
      ruleId,
    });
  };
  for (const agreement of agreements) {
    if (!RUNNING_STATUSES.includes(agreement.status)) continue;
    if (agreement.endDate) {
      remind(agreement, 'agreement_ending', agreement.endDate, 'reminders.end_date', (days) =>
        days < 0
          ? `"${agreement.title}" ended on ${agreement.endDate} (${-days} days ago) but is still ${agreement.status}: close it or record an extension`
          : days === 0
            ? `"${agreement.title}" ends today`
            : `"${agreement.title}" ends on ${agreement.endDate}, in ${days} days`,
      );
    }
    if (WITHOUT_PKS.has(agreement.status) && agreement.kbSignedOn) {
      const expiry = addDays(agreement.kbSignedOn, rules.kbWithoutPksExpiryDays);
      remind(agreement, 'kb_without_pks', expiry, 'kb.expiry_without_pks', (days) =>
        days < 0
          ? `The KB of "${agreement.title}" (signed ${agreement.kbSignedOn}) still has no PKS, ${-days} days past the configured ${rules.kbWithoutPksExpiryDays}-day limit (an unconfirmed rule: check it)`
          : `The KB of "${agreement.title}" (signed ${agreement.kbSignedOn}) has no PKS yet; the configured ${rules.kbWithoutPksExpiryDays}-day limit (unconfirmed) is reached in ${days} days`,
      );
    }
    if (agreement.status === 'awaiting_dprd') {
      const deemed = addWorkingDays(agreement.statusChangedOn, rules.dprdDeemedApprovalWorkingDays);
      remind(agreement, 'dprd_waiting', deemed, 'dprd.deemed_approval', (days) =>
        days < 0
          ? `The DPRD has not answered on "${agreement.title}" within ${rules.dprdDeemedApprovalWorkingDays} working days (since ${agreement.statusChangedOn}); whether that counts as approval is unconfirmed`
          : `The DPRD's ${rules.dprdDeemedApprovalWorkingDays} working days on "${agreement.title}" (an unconfirmed rule) run out in ${days} days`,
      );
    }
  }
  return reminders.sort((a, b) => a.daysLeft - b.daysLeft || a.agreementTitle.localeCompare(b.agreementTitle));
}
