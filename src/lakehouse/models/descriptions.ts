// Catalog descriptions: tables and columns of the models are described by the comments in their
// .sql files (the header's prose and a trailing `-- text` on a column line). Synced into
// meta.descriptions after each build; raw and meta rows are seeded by migrations.
import { MODELS } from './models';
import { withStaged } from '../runs/staging';
import type { SqlClient } from '../engine/sql-client';

export function modelDescriptions(): { schema_name: string; table_name: string; column_name: string; description: string }[] {
  const out: { schema_name: string; table_name: string; column_name: string; description: string }[] = [];
  for (const m of MODELS) {
    const [schema_name, table_name] = m.name.split('.') as [string, string];
    if (m.description) out.push({ schema_name, table_name, column_name: '', description: m.description });
    for (const [column_name, description] of Object.entries(m.columns)) out.push({ schema_name, table_name, column_name, description });
  }
  return out;
}

export async function syncDescriptions(sql: SqlClient): Promise<number> {
  const rows = modelDescriptions();
  await sql.transaction(async () => {
    await sql.exec(`DELETE FROM meta.descriptions WHERE source = 'model'`);
    await withStaged(sql, rows, { schema_name: 'text', table_name: 'text', column_name: 'text', description: 'text' }, (stage) =>
      sql.exec(`INSERT OR REPLACE INTO meta.descriptions (schema_name, table_name, column_name, description, source)
                SELECT schema_name, table_name, column_name, description, 'model' FROM ${stage}`),
    );
  });
  return rows.length;
}
