// Result exports of the SQL explorer: CSV (Papa Parse) and Parquet written in JavaScript by
// hyparquet-writer (DuckDB's parquet extension is downloaded at run time, and nothing may be).
import Papa from 'papaparse';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { Row } from '../../../lakehouse/engine/sql-client';
import { downloadBlob } from '../../../platform/download';
import { cellText } from '../../components/RowsTable';

export function exportCsv(rows: Row[]): void {
  const fields = Object.keys(rows[0] ?? {});
  const csv = Papa.unparse({ fields, data: rows.map((row) => fields.map((f) => cellText(row[f]))) }, { newline: '\r\n' });
  downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), 'wolfie-query.csv');
}

/** One typed column per field: all-number columns as DOUBLE, all-boolean as BOOLEAN, the rest as text. */
export function parquetBytes(rows: Row[]): Uint8Array {
  const fields = Object.keys(rows[0] ?? {});
  const columnData: ColumnSource[] = fields.map((name) => {
    const values = rows.map((r) => r[name]);
    const present = values.filter((v) => v != null);
    if (present.length && present.every((v) => typeof v === 'number')) return { name, data: values.map((v) => (v == null ? null : Number(v))), type: 'DOUBLE' };
    if (present.length && present.every((v) => typeof v === 'boolean')) return { name, data: values, type: 'BOOLEAN' };
    return { name, data: values.map((v) => (v == null ? null : cellText(v))), type: 'STRING' };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'wolfie (hyparquet-writer)' }));
}

export function exportParquet(rows: Row[]): void {
  downloadBlob(new Blob([parquetBytes(rows) as BlobPart], { type: 'application/vnd.apache.parquet' }), 'wolfie-query.parquet');
}
