import Papa from 'papaparse';
import { textRows, type ExportTable } from './table';

/**
 * A table as CSV text, with a byte order mark so spreadsheets read it as UTF-8. This module pulls in papaparse: import
 * it only dynamically, when a seller exports (lib/export/download.ts).
 */
export function toCsvText(table: ExportTable): string {
  const [header = [], ...rows] = textRows(table);
  return `\uFEFF${Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' })}\r\n`;
}
