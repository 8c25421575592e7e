import type { ExportTable } from './table';

/**
 * Handing exports to the browser's downloads. The writers are loaded only when a seller exports: papaparse for CSV,
 * SheetJS for xlsx, so no page carries them until then.
 */

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `2025-11-21-0930` (UTC), for file names. */
export const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', '-').replace(':', '');

/** Hand a file to the browser's downloads without any permission or network: an object URL and `<a download>`. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file of a table in one format. */
export async function exportBlob(table: ExportTable, format: ExportFormat): Promise<Blob> {
  if (format === 'csv') {
    const { toCsvText } = await import('./csv');
    return new Blob([toCsvText(table)], { type: 'text/csv;charset=utf-8' });
  }
  const { toXlsx, XLSX_MIME } = await import('./xlsx');
  return new Blob([toXlsx(table)], { type: XLSX_MIME });
}

/** Write a table and download it as `collab-lens-<stem>-<time>.<format>`; returns the file name. */
export async function downloadTable(table: ExportTable, format: ExportFormat, stem: string, now = Date.now()): Promise<string> {
  const name = `collab-lens-${stem}-${stamp(now)}.${format}`;
  saveFile(name, await exportBlob(table, format));
  return name;
}
