import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creatorPath } from '../../lib/creators/pages';
import { simUrl } from '../sim/install';
import { creatorOf, shopByKey, tabRequests } from '../sim/world';
import { readDb, waitFor } from './browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv, type Env } from './pages';

/**
 * The options page: a full backup downloaded, everything deleted, the backup restored (the seller's tags and block on a
 * creator with it); a CSV export; the settings.
 */

let env: Env;
let options: Page;
let stored: Record<string, Record<string, unknown>[]>;
const us = () => shopByKey(env.world, 'us');
const seen = () => tabRequests(us(), 10).slice(0, 50);
const shopKey = () => `US:${us().sellerId}`;
/** The creator the seller tags and blocks before the backup. */
const marked = () => creatorOf(us(), seen()[0]!.creatorId).handle;
const TAGS = ['Ramadan ✨', 'vip'];

/** The creator's page, with its marks editor shown. */
async function creatorPage(): Promise<Page> {
  const page = await openExtensionPage(env, creatorPath(shopKey(), marked()).slice(1));
  await page.getByTestId('marks').waitFor();
  return page;
}

beforeAll(async () => {
  env = await startEnv();
  const page = await open(env, simUrl(us(), 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', seen().length);
  stored = await waitFor(async () => {
    const db = await readDb(env.session);
    return db.sampleRequests?.length === seen().length && db;
  }, 'the first page to be stored');
  // Nothing may write while the backup is taken and compared.
  await page.close();
  // The seller tags and blocks a creator on the creator's page.
  const creator = await creatorPage();
  for (const tag of TAGS) {
    await creator.getByLabel('New tag').fill(tag);
    await creator.getByRole('button', { name: 'Add tag' }).click();
  }
  await creator.getByLabel('Block this creator', { exact: false }).check();
  await creator.getByRole('button', { name: 'Save marks' }).click();
  await waitFor(async () => (await creator.getByTestId('marks-status').textContent()) === 'Saved.', 'the marks to be saved');
  await creator.close();
  stored = await waitFor(async () => {
    const db = await readDb(env.session);
    return db.creatorMarks?.some((m) => m.handle === marked()) && db;
  }, 'the marks to be stored');
  options = await openExtensionPage(env, 'options.html');
});
afterAll(() => env?.session.close());

/** Click `button` and return the text of the file the page hands to the browser's downloads. */
async function download(button: ReturnType<Page['getByRole']>): Promise<{ name: string; text: string; path: string }> {
  const [file] = await Promise.all([options.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

const rows = (db: Record<string, unknown[]>) => Object.values(db).reduce((n, r) => n + r.length, 0);
const status = () => options.getByTestId('backup-status');

describe('backup and restore', () => {
  let backupPath = '';

  it('downloads a backup of every table', async () => {
    const file = await download(options.getByRole('button', { name: 'Download backup' }));
    backupPath = file.path;
    expect(file.name).toMatch(/^collab-lens-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const backup = JSON.parse(file.text) as { format: string; schemaVersion: number; exportedAt: string; tables: Record<string, unknown[]> };
    expect(backup).toMatchObject({ format: 'collab-lens-backup', schemaVersion: 4 });
    expect(Date.parse(backup.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Object.keys(backup.tables).sort()).toEqual(Object.keys(stored).sort());
    expect(backup.tables).toEqual(stored);
    expect(backup.tables.creatorMarks).toEqual([{ handle: marked(), tags: TAGS, watch: 0, blocked: 1, updatedAt: expect.any(Number) as unknown }]);
    expect(await status().textContent()).toBe(`Backup saved: ${rows(stored)} records.`);
  });

  it('deletes all data only after a confirmation', async () => {
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = options.getByTestId('backup-confirm');
    expect(await confirm.textContent()).toContain(`Delete all ${rows(stored)} records`);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(rows(await readDb(env.session))).toBe(rows(stored));

    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await confirm.getByRole('button', { name: 'Delete all data' }).click();
    await expect.poll(() => status().textContent()).toBe('All data deleted.');
    const emptied = await readDb(env.session);
    for (const [table, r] of Object.entries(emptied)) expect(r, table).toEqual([]);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    await options.locator('#restore-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await expect.poll(() => status().textContent()).toBe('This file is not a Collab Lens backup. Nothing was changed.');
    expect(await options.getByTestId('backup-confirm').count()).toBe(0);
  });

  it('restores the downloaded file exactly', async () => {
    await options.locator('#restore-file').setInputFiles(backupPath);
    const confirm = options.getByTestId('backup-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(new RegExp(`^Replace the 0 records stored now with the ${rows(stored)} records of the backup made `));
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Restored ${rows(stored)} records from the backup made `));
    expect(await readDb(env.session)).toEqual(stored);
  });

  it("the creator's tags and block are back, on the creator's page and in the creators view's rows", async () => {
    const page = await creatorPage();
    expect(await page.getByTestId('tags').getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining(TAGS.map((tag) => expect.stringContaining(tag) as unknown)));
    expect(await page.getByTestId('tags').getByRole('listitem').count()).toBe(TAGS.length);
    expect(await page.getByTestId('block').isChecked()).toBe(true);
    expect(await page.getByTestId('watch').isChecked()).toBe(false);
    await page.close();
    const rowsOf = (await readDb(env.session)).creatorRows?.filter((r) => r.handle === marked()) ?? [];
    expect(rowsOf.length).toBeGreaterThan(0);
    for (const r of rowsOf) expect(r, String(r.period)).toMatchObject({ tags: TAGS, blocked: 1, watch: 0 });
  });

  it('the restored data is what the extension shows: diagnostics are back, with when each endpoint last rejected something', async () => {
    const row = options.locator('tr[data-endpoint="sample.group.list"]');
    await row.waitFor();
    expect(await row.getByTestId('last-rejected').textContent()).toBe('Never');
    expect(await options.getByRole('columnheader', { name: 'Records read' }).count()).toBe(1);
  });
});

describe('CSV export', () => {
  it('downloads sample requests with a header and one row per request', async () => {
    const file = await download(options.getByRole('button', { name: 'Sample requests as CSV' }));
    expect(file.name).toMatch(/^collab-lens-sample-requests-[\d-]+\.csv$/);
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...data] = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
    expect(header?.slice(0, 8)).toEqual(['Request ID', 'Shop', 'Creator handle', 'Product ID', 'Product', 'SKU ID', 'Group ID', 'Status']);
    expect(data).toHaveLength(seen().length);
    const first = seen()[0]!;
    const row = Object.fromEntries(header!.map((h, i) => [h, data.find((r) => r[0] === first.applyId)?.[i]]));
    expect(row).toMatchObject({
      Shop: `US:${us().sellerId}`,
      'Creator handle': creatorOf(us(), first.creatorId).handle,
      'Product ID': first.productId,
      Status: first.status,
      'Commission rate': `${(first.commissionBps / 100).toFixed(2)}%`,
      Requested: new Date(first.applyTime).toISOString(),
      Source: 'sample.group.list',
    });
    expect(await options.getByTestId('backup-status').textContent()).toBe(`${file.name}: ${seen().length} rows.`);
  });
});

describe('settings', () => {
  it('explains what is kept, refuses values out of bounds, and saves through the background', async () => {
    const section = options.getByTestId('settings');
    expect(await section.textContent()).toContain('The facts stay, including which contact channels');
    const retention = options.getByLabel('Keep raw observations for (days)');
    const scrub = options.getByLabel('Delete contact details after (days)');
    expect(await retention.inputValue()).toBe('365');
    expect(await scrub.inputValue()).toBe('30');
    await scrub.fill('0');
    await options.getByRole('button', { name: 'Save settings' }).click();
    expect(await options.getByTestId('settings-status').textContent()).toBe('Enter whole numbers of days within the limits shown.');
    await retention.fill('90');
    await scrub.fill('14');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.getByTestId('settings-status').textContent()).toBe('Saved. Removed 0 old observations and 0 contact details.');
    await options.reload();
    await expect.poll(() => options.getByLabel('Keep raw observations for (days)').inputValue()).toBe('90');
    await expect.poll(() => options.getByLabel('Delete contact details after (days)').inputValue()).toBe('14');
    // The data is still all there: nothing was old enough to go.
    expect(await readDb(env.session)).toEqual(stored);
  });
});
