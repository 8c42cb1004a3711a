// /settings' reads: the audit log, the removed files waiting to come back, the artist
// separators, and the room each schema takes (any write may change it).
import { schemaSizes as sizes } from '../../lakehouse/engine/schema-sizes';
import { artistSeparators as separators } from '../../lakehouse/models/artist-separators';
import { listAudit } from '../../lakehouse/runs/audit';
import { removedFileCount } from '../../lakehouse/runs/removed-files';
import { defineRead } from '../live/read';

export const auditLog = defineRead(['meta.audit_log'], (sql) => listAudit(sql));
export const removedFiles = defineRead(['raw.removed_files'], removedFileCount);
export const artistSeparators = defineRead(['meta.settings'], separators);
export const schemaSizes = defineRead(['*'], sizes);
