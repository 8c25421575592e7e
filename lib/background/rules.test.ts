import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb } from '../../test/db';
import { TEST_LOADERS, TEST_RULES } from '../../test/fixtures/rules';
import type { AppDB } from '../db/app-db';
import { AFFILIATE_MATCHES } from '../hosts';
import type { SampleRequest } from '../domain/types';
import { sendMessage } from '../messaging/protocol';
import { rulesItem } from '../rules/settings';
import {
  DEFAULT_DEPS,
  evaluateAfterReplace,
  evaluateIngest,
  getFindings,
  notifyDeadlines,
  registerRuleAlarm,
  registerRuleMessages,
  RULES_ALARM,
  runTimeBased,
  saveRuleSettings,
  setFindingState,
  type RuleDeps,
} from './rules';

const T = 1_763_700_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const US = 'US:1';
const GB = 'GB:2';
const source = { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };

const request = (applyId: string, shopKey: string, dueInHours: number, status: SampleRequest['status'] = 'PENDING'): SampleRequest => ({
  applyId,
  shopKey,
  creatorHandle: `creator.${applyId}`,
  productId: `50${applyId}`,
  status,
  statusRaw: status,
  statusSeenAt: T,
  deadline: { kind: 'review', at: T + dueInHours * HOUR, seenAt: T },
  firstSeenAt: T,
  lastSeenAt: T,
  source,
});

let db: AppDB;
let now: number;
let broadcasts: string[][];
let notes: { id: string; title: string; message: string }[];
let deps: RuleDeps;
const notifyOn = () => rulesItem.setValue({ notifications: true, rules: {} });

beforeEach(() => {
  db = freshDb();
  now = T;
  broadcasts = [];
  notes = [];
  deps = {
    rules: TEST_RULES,
    loaders: TEST_LOADERS,
    now: () => now,
    effects: {
      broadcast: async (shops) => void broadcasts.push([...shops]),
      notify: async (id, title, message) => void notes.push({ id, title, message }),
    },
  };
});
afterEach(() => db.close());

describe('evaluateIngest', () => {
  it('evaluates what the batch changed and tells the tabs of the shops whose findings changed', async () => {
    await db.sampleRequests.bulkPut([request('1', US, 5), request('2', GB, 50)]);
    const result = await evaluateIngest(db, { sampleRequests: ['1', '2'], observations: ['o'] }, deps);
    expect(result).toEqual({ added: ['test-review-soon|1|review'], removed: [], updated: [], shops: [US] });
    expect(broadcasts).toEqual([[US]]);
    // Nothing changed: nothing to tell.
    await evaluateIngest(db, { sampleRequests: ['2'] }, deps);
    expect(broadcasts).toEqual([[US]]);
  });

  it('logs a failing evaluation instead of failing the batch', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    db.close();
    expect(await evaluateIngest(db, { sampleRequests: ['1'] }, deps)).toBeUndefined();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('after ingest'), expect.anything());
  });
});

describe('notifications', () => {
  it('are off by default', async () => {
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateIngest(db, { sampleRequests: ['1'] }, deps);
    expect(notes).toEqual([]);
    expect(await db.findingStates.count()).toBe(0);
  });

  it('once per deadline finding when on, with the rule’s title and the filled message, recorded as notifiedAt', async () => {
    await notifyOn();
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateIngest(db, { sampleRequests: ['1'] }, deps);
    expect(notes).toEqual([{ id: 'collab-lens-test-review-soon|1|review', title: 'Review soon', message: expect.stringMatching(/^Review @creator\.1 by .+ \(5h 0m left\)\.$/) }]);
    expect(await db.findingStates.get('test-review-soon|1|review')).toEqual({ id: 'test-review-soon|1|review', notifiedAt: T });
    now = T + HOUR;
    await runTimeBased(db, deps);
    await evaluateAfterReplace(db, deps);
    expect(notes).toHaveLength(1);
  });

  it('skip dismissed and snoozed findings and rules that are off; a snooze that ran out notifies then', async () => {
    await db.sampleRequests.bulkPut([request('1', US, 5), request('2', US, 6)]);
    await evaluateAfterReplace(db, deps);
    await db.findingStates.bulkPut([
      { id: 'test-review-soon|1|review', dismissedAt: T },
      { id: 'test-review-soon|2|review', snoozedUntil: T + HOUR },
    ]);
    await notifyOn();
    await evaluateAfterReplace(db, deps);
    expect(notes).toEqual([]);
    now = T + 2 * HOUR;
    await runTimeBased(db, deps);
    expect(notes.map((n) => n.id)).toEqual(['collab-lens-test-review-soon|2|review']);

    await rulesItem.setValue({ notifications: true, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 24 } } } });
    await db.findingStates.clear();
    expect(await notifyDeadlines(db, { notifications: true, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 24 } } } }, deps)).toEqual([]);
  });

  it('many at once become one notification that counts them; each is still notified only once', async () => {
    await notifyOn();
    await db.sampleRequests.bulkPut(['1', '2', '3', '4', '5'].map((id) => request(id, US, 5)));
    await evaluateIngest(db, { sampleRequests: ['1', '2', '3', '4', '5'] }, deps);
    expect(notes).toEqual([{ id: `collab-lens-deadlines-${T}`, title: 'Collab Lens', message: '5 deadlines need your attention. Open Affiliate Center to see them.' }]);
    expect((await db.findingStates.toArray()).map((s) => s.notifiedAt)).toEqual([T, T, T, T, T]);
    await evaluateAfterReplace(db, deps);
    expect(notes).toHaveLength(1);
  });
});

describe('getFindings', () => {
  it('returns a shop’s findings as views, of one subject kind when asked', async () => {
    await db.sampleRequests.bulkPut([request('1', US, 5), request('2', GB, 5)]);
    await db.creators.put({ handle: 'creator.1', aliases: [], fulfillmentBps: { value: 1000, seenAt: T, source }, firstSeenAt: T, lastSeenAt: T });
    await evaluateAfterReplace(db, deps);
    const all = await getFindings(db, { shopKey: US, locale: 'id' }, deps);
    expect(all.map((v) => [v.id, v.anchors])).toEqual([
      ['test-review-soon|1|review', ['creator.1', '501']],
      ['test-low-fulfilment|creator.1|US:1', ['creator.1']],
    ]);
    expect(all[1]?.message).toBe('@creator.1 memenuhi 10% sampel.');
    expect((await getFindings(db, { shopKey: US, subject: 'creator', locale: 'en' }, deps)).map((v) => v.id)).toEqual(['test-low-fulfilment|creator.1|US:1']);
    expect((await getFindings(db, { shopKey: GB, locale: 'en' }, deps)).map((v) => v.id)).toEqual(['test-review-soon|2|review']);
  });

  it.each([
    [{ shopKey: 'us:1', locale: 'en' }],
    [{ shopKey: US, locale: 'fr' }],
    [{ shopKey: US, locale: 'en', subject: 'everything' }],
    [null],
  ])('answers nothing for an invalid query %j', async (q) => {
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateAfterReplace(db, deps);
    expect(await getFindings(db, q, deps)).toEqual([]);
  });
});

describe('setFindingState', () => {
  const id = 'test-review-soon|1|review';
  beforeEach(async () => {
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateAfterReplace(db, deps);
    broadcasts = [];
  });

  it('dismisses, snoozes and restores, keeping when it was notified, and tells the shop’s tabs', async () => {
    await db.findingStates.put({ id, notifiedAt: T });
    expect(await setFindingState(db, { id, action: 'dismiss' }, deps)).toEqual({ ok: true, state: 'dismissed' });
    expect(await db.findingStates.get(id)).toEqual({ id, notifiedAt: T, dismissedAt: T });
    expect(await setFindingState(db, { id, action: 'snooze', until: T + DAY }, deps)).toEqual({ ok: true, state: 'snoozed', snoozedUntil: T + DAY });
    expect(await db.findingStates.get(id)).toEqual({ id, notifiedAt: T, snoozedUntil: T + DAY });
    expect((await getFindings(db, { shopKey: US, locale: 'en' }, deps))[0]).toMatchObject({ state: 'snoozed', snoozedUntil: T + DAY });
    expect(await setFindingState(db, { id, action: 'restore' }, deps)).toEqual({ ok: true, state: 'active' });
    expect(await db.findingStates.get(id)).toEqual({ id, notifiedAt: T });
    expect(broadcasts).toEqual([[US], [US], [US]]);
  });

  it('a restored finding with nothing else to remember leaves no state behind', async () => {
    await setFindingState(db, { id, action: 'dismiss' }, deps);
    await setFindingState(db, { id, action: 'restore' }, deps);
    expect(await db.findingStates.count()).toBe(0);
  });

  it.each([
    ['a snooze without an end', { id, action: 'snooze' }],
    ['a snooze into the past', { id, action: 'snooze', until: T - 1 }],
    ['a snooze beyond a year', { id, action: 'snooze', until: T + 400 * DAY }],
    ['an unknown action', { id, action: 'delete' }],
    ['a finding that does not exist', { id: 'test-review-soon|9|review', action: 'dismiss' }],
    ['no id', { action: 'dismiss' }],
  ])('refuses %s and changes nothing', async (_name, change) => {
    expect(await setFindingState(db, change, deps)).toEqual({ ok: false });
    expect(await db.findingStates.count()).toBe(0);
    expect(broadcasts).toEqual([]);
  });
});

describe('saveRuleSettings', () => {
  it('stores valid settings and re-evaluates every rule with them', async () => {
    await db.sampleRequests.bulkPut([request('1', US, 5), request('2', US, 30)]);
    await evaluateAfterReplace(db, deps);
    const wider = { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 48 } } } };
    expect(await saveRuleSettings(db, wider, deps)).toMatchObject({ ok: true, findings: 2, settings: { rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 48 } } } } });
    const off = { notifications: false, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 48 } } } };
    expect(await saveRuleSettings(db, off, deps)).toMatchObject({ ok: true, findings: 0 });
    expect(broadcasts.at(-1)).toEqual([US]);
  });

  it('refuses invalid settings and keeps the stored ones and the findings', async () => {
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateAfterReplace(db, deps);
    await rulesItem.setValue({ notifications: true, rules: {} });
    expect(await saveRuleSettings(db, { notifications: false, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 0 } } } }, deps)).toEqual({ ok: false });
    expect(await rulesItem.getValue()).toEqual({ notifications: true, rules: {} });
    expect(await db.findings.count()).toBe(1);
  });
});

describe('runTimeBased', () => {
  it('adds findings the clock brought and clears snoozes that ran out, telling their shops', async () => {
    await db.sampleRequests.bulkPut([request('1', US, 30), request('2', GB, 5)]);
    await evaluateAfterReplace(db, deps);
    await db.findingStates.bulkPut([
      { id: 'test-review-soon|2|review', snoozedUntil: T + HOUR, notifiedAt: T },
      { id: 'test-review-soon|3|review', snoozedUntil: T + HOUR },
    ]);
    broadcasts = [];
    now = T + 8 * HOUR;
    expect(await runTimeBased(db, deps)).toMatchObject({ added: ['test-review-soon|1|review'] });
    expect(broadcasts).toEqual([[GB, US].sort()]);
    expect(await db.findingStates.toArray()).toEqual([{ id: 'test-review-soon|2|review', notifiedAt: T }]);
  });
});

describe('registration', () => {
  it('creates one alarm every 10 minutes, and runs the time-based rules when it fires', async () => {
    await db.sampleRequests.put(request('1', US, 30));
    registerRuleAlarm(db, deps);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RULES_ALARM)).toBeDefined());
    const first = await fakeBrowser.alarms.get(RULES_ALARM);
    expect(first?.periodInMinutes).toBe(10);
    registerRuleAlarm(db, deps);
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
    now = T + 8 * HOUR;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: now, persistAcrossSessions: true });
    expect(await db.findings.count()).toBe(0);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RULES_ALARM, scheduledTime: now, persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await db.findings.count()).toBe(1));
  });

  it('answers the messages, validating their input', async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    await db.sampleRequests.put(request('1', US, 5));
    await evaluateAfterReplace(db, deps);
    const remove = registerRuleMessages(db, deps);
    try {
      const views = await sendMessage('getFindings', { shopKey: US, locale: 'en' });
      expect(views.map((v) => v.id)).toEqual(['test-review-soon|1|review']);
      expect(await sendMessage('setFindingState', { id: views[0]?.id ?? '', action: 'dismiss' })).toEqual({ ok: true, state: 'dismissed' });
      expect(await sendMessage('saveRuleSettings', { notifications: 'yes' } as never)).toEqual({ ok: false });
    } finally {
      remove();
      vi.unstubAllGlobals();
    }
  });
});

describe('the browser’s side', () => {
  it('tells every Affiliate Center tab, ignoring tabs that do not answer', async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    try {
      const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }, { id: 7 }, {}] as never);
      const sent: [number, unknown][] = [];
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, message: unknown) => {
        sent.push([tabId, message]);
        if (tabId === 4) throw new Error('Could not establish connection. Receiving end does not exist.');
      }) as never);
      await DEFAULT_DEPS.effects.broadcast([US, GB]);
      expect(query).toHaveBeenCalledWith({ url: [...AFFILIATE_MATCHES] });
      expect(sent.map(([tab, m]) => [tab, (m as { type: string; data: unknown }).type, (m as { data: unknown }).data])).toEqual([
        [4, 'findingsChanged', { shopKey: US }],
        [4, 'findingsChanged', { shopKey: GB }],
        [7, 'findingsChanged', { shopKey: US }],
        [7, 'findingsChanged', { shopKey: GB }],
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('raises a basic notification with an icon', async () => {
    await DEFAULT_DEPS.effects.notify('collab-lens-x', 'Review soon', 'Review @maya by 21 Nov');
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'collab-lens-x': { type: 'basic', iconUrl: expect.stringMatching(/^data:image\/png;base64,/), title: 'Review soon', message: 'Review @maya by 21 Nov' },
    });
  });
});
