import { AreasService } from './areas/areas.service.ts';
import { AuditService } from './audit/audit.service.ts';
import { AuthService } from './auth/auth.service.ts';
import { LinksService } from './auth/links.service.ts';
import { ProfileService } from './auth/profile.service.ts';
import type { Database } from './db/connect.ts';
import { DemoDataService } from './demo/demo-data.service.ts';
import { ExampleRegionsService } from './demo/example-regions.service.ts';
import { IndicatorsService } from './indicators/indicators.service.ts';
import { DashboardService } from './indicators/dashboard.service.ts';
import { ValuesService } from './indicators/values.service.ts';
import { Dhis2Service } from './imports/dhis2.service.ts';
import { createImportFormats } from './imports/import-formats.ts';
import { ImportsService } from './imports/imports.service.ts';
import { ObservationWriter } from './imports/observation-writer.ts';
import { TemplateService } from './imports/template.service.ts';
import { ObservationsService } from './observations/observations.service.ts';
import { OrganisationsService } from './organisations/organisations.service.ts';
import { PublishedFiguresService } from './published/published-figures.service.ts';
import { UsersService } from './users/users.service.ts';
import { AgreementDocumentsService } from './agreements/agreement-documents.service.ts';
import { AgreementLifecycleService } from './agreements/agreement-lifecycle.service.ts';
import { AgreementPartsService } from './agreements/agreement-parts.service.ts';
import { AgreementTemplateService } from './agreements/agreement-template.service.ts';
import { AgreementsService } from './agreements/agreements.service.ts';
import { FileStore, type FileStoreOptions } from './files/file-store.ts';
import { temporaryFileStoreOptions } from './files/temporary-file-store.ts';
import { createProgrammeServices, type ProgrammeServices } from './programmes/programme-services.ts';

/** Every service, wired once; the HTTP app and the CLI both use this (programmes, activities, evidence, results, resultUpdates come from ProgrammeServices). */
export interface Services extends ProgrammeServices {
  areas: AreasService;
  organisations: OrganisationsService;
  auth: AuthService;
  links: LinksService;
  profile: ProfileService;
  users: UsersService;
  audit: AuditService;
  indicators: IndicatorsService;
  observations: ObservationsService;
  values: ValuesService;
  /** Dashboard reads: many indicators × periods in one call (GET /api/values/table). */
  dashboard: DashboardService;
  /** DHIS2 dataValueSets (code ids): import with DHIS2's import summary, export. */
  dhis2: Dhis2Service;
  /** File imports (STBM recap, household survey, template, DHIS2) as background jobs. */
  imports: ImportsService;
  /** The Excel template generator (and the template import's layout). */
  templates: TemplateService;
  /** Real published figures with citations. */
  published: PublishedFiguresService;
  /** Example (demo) data: which regions hold it, and loading it. */
  examples: ExampleRegionsService;
  demo: DemoDataService;
  /** Uploaded files on disk (agreement documents, programme evidence). */
  files: FileStore;
  /** Agreements (kerja sama): read, create, edit; their parts, documents and files; the lifecycle; use as template. */
  agreements: AgreementsService;
  agreementParts: AgreementPartsService;
  agreementDocuments: AgreementDocumentsService;
  agreementLifecycle: AgreementLifecycleService;
  agreementTemplates: AgreementTemplateService;
}

/** `files` defaults to a fresh temporary folder: right for tests and benchmarks, never for `serve`. */
export function createServices(database: Database, publicUrl: string, files: FileStoreOptions = temporaryFileStoreOptions()): Services {
  const fileStore = new FileStore(files);
  const organisations = new OrganisationsService(database);
  const agreements = new AgreementsService(database, organisations);
  const agreementTemplates = new AgreementTemplateService(agreements);
  const agreementLifecycle = new AgreementLifecycleService(agreements);
  const auth = new AuthService(database, organisations);
  const links = new LinksService(database, publicUrl);
  const areas = new AreasService(database);
  const indicators = new IndicatorsService(database);
  const examples = new ExampleRegionsService(database);
  const published = new PublishedFiguresService(database, areas);
  return {
    areas,
    indicators,
    observations: new ObservationsService(database, areas, indicators),
    values: new ValuesService(database, areas, indicators),
    dashboard: new DashboardService(database),
    dhis2: new Dhis2Service(database, areas, indicators),
    imports: new ImportsService(database, new ObservationWriter(database, indicators), createImportFormats(database), fileStore),
    templates: new TemplateService(database, indicators),
    published,
    examples,
    demo: new DemoDataService(database, areas, indicators, examples, published),
    organisations,
    auth,
    links,
    profile: new ProfileService(database),
    users: new UsersService(database, organisations, links, auth),
    audit: new AuditService(database),
    files: fileStore,
    agreements,
    agreementParts: new AgreementPartsService(agreements),
    agreementDocuments: new AgreementDocumentsService(agreements, fileStore),
    agreementLifecycle,
    agreementTemplates,
    ...createProgrammeServices(database, { agreements, organisations, areas, indicators, files: fileStore, templates: agreementTemplates, reminders: agreementLifecycle }),
  };
}
