import type { Reminder } from '../../common/api/agreements.ts';
import type { AgreementTemplateService } from '../agreements/agreement-template.service.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { AreasService } from '../areas/areas.service.ts';
import type { Database } from '../db/connect.ts';
import type { FileStore } from '../files/file-store.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { ResultsService } from '../results/results.service.ts';
import { UpdatesService } from '../results/updates.service.ts';
import { ActivitiesService } from './activities.service.ts';
import { EvidenceService } from './evidence.service.ts';
import type { AgreementDirectory } from './participation.ts';
import { programmeRemindersFor } from './programme-reminder-source.ts';
import { ProgrammesService } from './programmes.service.ts';

/** The programme and results services, wired together (services.ts spreads them into Services). */
export interface ProgrammeServices {
  programmes: ProgrammesService;
  activities: ActivitiesService;
  evidence: EvidenceService;
  results: ResultsService;
  resultUpdates: UpdatesService;
}

export function createProgrammeServices(
  database: Database,
  dependencies: {
    agreements: AgreementDirectory;
    organisations: OrganisationsService;
    areas: AreasService;
    indicators: IndicatorsService;
    files: FileStore;
    /** The agreements feature's "use as template": the programme adds its copy step to it. */
    templates?: Pick<AgreementTemplateService, 'onTemplate'>;
    /** The agreements feature's GET /api/reminders: the programme adds activities overdue and reports due. */
    reminders?: { onReminders(source: (context: RequestContext, today: string) => Promise<Reminder[]>): void };
  },
): ProgrammeServices {
  const programmes = new ProgrammesService(database, dependencies.agreements);
  const activities = new ActivitiesService(database, programmes, dependencies.organisations);
  const evidence = new EvidenceService(database, activities, dependencies.files);
  const results = new ResultsService(database, programmes, dependencies.indicators, dependencies.areas);
  programmes.reportsDue = results;
  dependencies.templates?.onTemplate((trx, context, ids) => programmes.copyForTemplate(trx, context, ids));
  dependencies.reminders?.onReminders((context, today) => programmeRemindersFor(programmes, context, today));
  return { programmes, activities, evidence, results, resultUpdates: new UpdatesService(database, results, evidence) };
}
