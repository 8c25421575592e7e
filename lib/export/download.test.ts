// @vitest-environment happy-dom
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW } from '../../test/fixtures/sample-group-list';
import { downloadTable, exportBlob, stamp } from './download';
import type { ExportTable } from './table';

const table: ExportTable = {
  sheet: 'Sample requests',
  columns: [
    { header: 'Request ID', kind: 'text' },
    { header: 'Commission rate', kind: 'rate' },
  ],
  rows: [['1729000000000000101', 1500]],
};

describe('download', () => {
  let saved: { name: string; blob: Blob; attached: boolean }[];
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:collab-lens/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void blobs.delete(url));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)!, attached: this.isConnected });
    });
  });
  afterEach(() => vi.useRealTimers());

  it('names files by what they hold and when, in UTC', () => {
    expect(stamp(NOW)).toBe('2025-11-21-0440');
  });

  it('hands an xlsx to the downloads through an object URL and a download link, then lets both go', async () => {
    const name = await downloadTable(table, 'xlsx', 'sample-requests', NOW);
    expect(name).toBe('collab-lens-sample-requests-2025-11-21-0440.xlsx');
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file).toMatchObject({ name, attached: true });
    expect(file?.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = XLSX.read(new Uint8Array(await file!.blob.arrayBuffer()), { type: 'array', dense: true, cellNF: true });
    expect(book.Sheets['Sample requests']?.['!data']?.[1]).toMatchObject([{ t: 's', v: '1729000000000000101' }, { t: 'n', v: 0.15, z: '0.00%' }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledOnce();
  });

  it('hands a CSV over the same way, as UTF-8 text with a byte order mark', async () => {
    const name = await downloadTable(table, 'csv', 'sample-requests', NOW);
    expect(name).toBe('collab-lens-sample-requests-2025-11-21-0440.csv');
    expect(saved[0]?.blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('Request ID,Commission rate\r\n1729000000000000101,15.00%\r\n');
  });

  it('writes an xlsx as a zip and a CSV as text', async () => {
    const xlsx = new Uint8Array(await (await exportBlob(table, 'xlsx')).arrayBuffer());
    expect([...xlsx.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(await (await exportBlob(table, 'csv')).text()).toContain('1729000000000000101');
  });
});
