import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, fillsMessage, request, transition } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { contentReminderDue as rule } from './content-reminder-due';
import type { ContentInput } from './util';

const SOURCE = request().source;
const input = (deliveredAt: number | undefined, over: Partial<SampleRequest> = {}, hasContent = false): ContentInput => {
  const r = request({ status: 'CONTENT_PENDING', ...over });
  return { key: r.applyId, request: r, product: 'Serum Vitamin C', hasContent, ...(deliveredAt !== undefined && { delivered: { at: deliveredAt, source: SOURCE } }) };
};
const check = (i: ContentInput, days = 5, now = NOW) => rule.check(i, { thresholds: { days }, now });

describe('content-reminder-due: check', () => {
  it('fires from day 5 after delivery, until the posting time with its extension runs out', () => {
    const [f, ...rest] = check(input(NOW - 5 * DAY));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subjectKey: 'a1', params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', delivered: { at: NOW - 5 * DAY } }, dueAt: NOW + 16 * DAY });
    expect(fillsMessage(rule, f)).toBe(true);
    expect(check(input(NOW - 20 * DAY))).toHaveLength(1);
  });

  it('does not fire before day 5, nor from day 21 on, when the content is overdue instead', () => {
    expect(check(input(NOW - 5 * DAY + 1))).toEqual([]);
    expect(check(input(NOW - 21 * DAY + 1))).toHaveLength(1);
    expect(check(input(NOW - 21 * DAY))).toEqual([]);
  });

  it('follows a later day the seller chose', () => {
    expect(check(input(NOW - 6 * DAY), 7)).toEqual([]);
    expect(check(input(NOW - 7 * DAY), 7)).toHaveLength(1);
  });

  it('does not fire once content is there, the request moved on, or delivery was not seen', () => {
    expect(check(input(NOW - 6 * DAY, {}, true))).toEqual([]);
    expect(check(input(NOW - 6 * DAY, { status: 'COMPLETED' }))).toEqual([]);
    expect(check(input(NOW - 6 * DAY, { status: 'SHIPPED' }))).toEqual([]);
    expect(check(input(undefined))).toEqual([]);
  });
});

describe('content-reminder-due: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([request({ applyId: 'a1', status: 'CONTENT_PENDING', statusSeenAt: NOW - DAY }), request({ applyId: 'a2' })]);
    await db.transitions.add(transition('a1', 'CONTENT_PENDING', NOW - 6 * DAY, 'SHIPPED'));
  });
  afterEach(() => db.close());

  it('loads the requests waiting for content with their delivery sighting', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => [i.key, i.delivered?.at, i.hasContent])).toEqual([['a1', NOW - 6 * DAY, false]]);
    expect(check(inputs[0] as ContentInput)).toHaveLength(1);
  });

  it('maps changed requests and their transitions to themselves', async () => {
    expect(await affectedBy(rule, db, { sampleRequests: ['a2'], transitions: ['sampleRequest|a1'] })).toEqual(['a2', 'a1']);
  });
});
