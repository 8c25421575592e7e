import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { FindingsFeed } from '../overlay/findings';
import { createManager } from '../overlay/manager';
import { PageState } from '../overlay/page-state';
import { registerFeatures } from '.';

const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.') && f !== 'index.ts');

describe('feature registry', () => {
  const manager = createManager();
  const state = new PageState();
  const findings = new FindingsFeed(state, { fetch: () => Promise.resolve([]), setState: () => Promise.resolve() });
  registerFeatures(manager, {
    state,
    i18n: createI18n('en'),
    findings,
    fetchFigures: () => Promise.resolve([]),
    fetchCreatorCards: () => Promise.resolve([]),
    creatorPage: { url: () => 'chrome-extension://test/creator.html', open: () => Promise.resolve({ ok: true }) },
  });
  const ids = manager.features.map((f) => f.id);

  it('registers every feature file, under its file name', () => {
    expect(ids.sort()).toEqual(files.map((f) => f.replace(/\.tsx?$/, '')).sort());
  });

  it.each(files)('%s names the pages that show it', (file) => {
    expect(readFileSync(join(dir, file), 'utf8')).toMatch(/\/\* Test pages: .+\*\//);
  });
});
