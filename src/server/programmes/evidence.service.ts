import type { Readable } from 'node:stream';
import type { Evidence, EvidenceLinkInput } from '../../common/api/programmes.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { DOCUMENT_TYPES, type FileStore } from '../files/file-store.ts';
import type { ActivitiesService } from './activities.service.ts';
import { insertEvidence, listEvidence, type EvidenceRow } from './evidence.repo.ts';
import { authorizeParticipant } from './participation.ts';
import { userIdOf } from './programmes.service.ts';

/** Photos and attendance lists are images or PDF scans; documents may also be DOCX. */
const PHOTO_TYPES: Readonly<Record<string, readonly string[]>> = { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'image/webp': ['webp'] };
const SCAN_TYPES: Readonly<Record<string, readonly string[]>> = { ...PHOTO_TYPES, 'application/pdf': ['pdf'] };
const ACCEPTED = { photo: PHOTO_TYPES, attendance_list: SCAN_TYPES, document: DOCUMENT_TYPES } as const;

/**
 * Evidence of activities: files (through the shared file store: size-limited, typed by content,
 * sha256-named) and links. A result update may cite evidence of its agreement's activities.
 */
export class EvidenceService {
  constructor(
    private readonly database: Database,
    private readonly activities: ActivitiesService,
    private readonly files: FileStore,
  ) {}

  async list(context: RequestContext, activityId: string): Promise<Evidence[]> {
    await this.activities.load(context, activityId);
    return (await listEvidence(this.database.db, { activityId })).map(toEvidence);
  }

  /**
   * Stores an uploaded file, then records it. The permission is checked before a byte is stored; a
   * refused file (too large, wrong type) leaves no row and no file behind.
   */
  async upload(
    context: RequestContext,
    activityId: string,
    input: { kind: keyof typeof ACCEPTED; caption: string; fileName: string; source: Readable | Buffer },
  ): Promise<Evidence> {
    const { agreement } = await this.activities.load(context, activityId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const stored = await this.files.put(input.source, input.fileName, ACCEPTED[input.kind]);
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertEvidence(trx, {
        activityId,
        kind: input.kind,
        caption: input.caption,
        url: null,
        file: { name: stored.fileName, mediaType: stored.mediaType, size: stored.sizeBytes, sha256: stored.sha256 },
        createdBy: userIdOf(context),
      }),
    );
    return this.get(id);
  }

  async addLink(context: RequestContext, activityId: string, input: EvidenceLinkInput): Promise<Evidence> {
    const { agreement } = await this.activities.load(context, activityId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertEvidence(trx, { activityId, kind: 'link', caption: input.caption, url: input.url, file: null, createdBy: userIdOf(context) }),
    );
    return this.get(id);
  }

  /** The stored file of an evidence item, for download, as the caller may read its agreement. */
  async download(context: RequestContext, activityId: string, evidenceId: string) {
    await this.activities.load(context, activityId);
    const [row] = await listEvidence(this.database.db, { evidenceId });
    if (!row || row.activityId !== activityId) throw new NotFoundError(`Activity ${activityId} has no evidence ${evidenceId}`);
    if (!row.file) throw new NotFoundError(`Evidence ${evidenceId} is a link, not a file: ${row.url ?? ''}`);
    const { stream, sizeBytes } = await this.files.open(row.file.sha256);
    return { stream, sizeBytes, mediaType: row.file.mediaType, fileName: row.file.name, sha256: row.file.sha256 };
  }

  /** Evidence rows by id (for result updates citing them). */
  byIds(ids: readonly string[]): Promise<EvidenceRow[]> {
    return listEvidence(this.database.db, { ids });
  }

  private async get(id: string): Promise<Evidence> {
    const [row] = await listEvidence(this.database.db, { evidenceId: id });
    if (!row) throw new NotFoundError(`No evidence has the id ${id}`);
    return toEvidence(row);
  }
}

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    activityId: row.activityId,
    kind: row.kind,
    caption: row.caption,
    url: row.url,
    file: row.file,
    downloadUrl: row.file ? `/api/activities/${row.activityId}/evidence/${row.id}/file` : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}
