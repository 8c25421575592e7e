import { SENT_STATUSES, type SampleStatus } from '../../domain/sample-status';
import type { SampleRequest } from '../../domain/types';
import type { CreatorHistoryInput, SentSample } from '../creator-no-content';
import type { CreatorRequestInput } from '../creator-reliability';
import { RUNNING } from '../refundable-sample-progress';
import type { DuplicateInput } from '../duplicate-sample';
import type { InputLoader } from '../types';
import { changedKeys, firstSighting, transitionSubjects, type ContentInput, type RequestInput } from '../util';
import {
  contentRequests,
  creatorPairsOf,
  loadRequestInputs,
  loadRequests,
  requestKeysOfCreators,
  requestsAffected,
  requestsWithContent,
  rowsWhere,
  transitionsByKey,
} from './read';

/** The shared inputs about one sample request. */

const REQUEST_STATUSES: readonly SampleStatus[] = ['PENDING', ...RUNNING];

/**
 * A request and its product's name. In full: the requests waiting for review or shipment, and the refundable samples
 * whose window runs (the deadline and refundable-progress rules).
 */
export const requests: InputLoader<RequestInput> = {
  reads: ['sampleRequests', 'products'],
  affected: (db, changes) => requestsAffected(db, changes, REQUEST_STATUSES),
  async load(db, keys) {
    const inputs = await loadRequestInputs(db, keys, REQUEST_STATUSES);
    return keys ? inputs : inputs.filter(({ request: r }) => r.status === 'PENDING' || r.status === 'AWAITING_SHIPMENT' || r.refundable);
  },
};

/** A request waiting for content: when Collab Lens first saw it delivered, and whether a post for it was captured. */
export const deliveredSamples: InputLoader<ContentInput> = {
  reads: ['sampleRequests', 'transitions', 'sampleContents', 'products'],
  async affected(db, changes) {
    const [requests, contents] = await Promise.all([requestsAffected(db, changes, ['CONTENT_PENDING']), contentRequests(db, changes.sampleContents)]);
    return [...new Set([...requests, ...transitionSubjects(changes, 'sampleRequest'), ...contents])];
  },
  async load(db, keys) {
    const inputs = await loadRequestInputs(db, keys, ['CONTENT_PENDING']);
    const ids = inputs.map((i) => i.key);
    const [transitions, withContent] = await Promise.all([transitionsByKey(db, 'sampleRequest', ids), requestsWithContent(db, ids)]);
    return inputs.map((i) => ({ ...i, delivered: firstSighting(i.request, transitions.get(i.key), 'CONTENT_PENDING'), hasContent: withContent.has(i.key) }));
  },
};

const pairKey = (shopKey: string, handle: string) => `${shopKey}\u0000${handle}`;

/** A pending request with this shop's sent requests of the same creator for the same product. */
export const duplicateHistory: InputLoader<DuplicateInput> = {
  reads: ['sampleRequests', 'products'],
  async affected(db, changes) {
    const pairs = await creatorPairsOf(db, changedKeys(changes, 'sampleRequests'));
    const [ofCreators, direct] = await Promise.all([requestKeysOfCreators(db, pairs, ['PENDING']), requestsAffected(db, changes, ['PENDING'])]);
    return [...new Set([...direct, ...ofCreators])];
  },
  async load(db, keys) {
    const inputs = await loadRequestInputs(db, keys, ['PENDING']);
    const pending = inputs.filter((i) => i.request.status === 'PENDING').map((i) => i.request);
    const pairs = [...new Map(pending.map((r) => [pairKey(r.shopKey, r.creatorHandle), [r.shopKey, r.creatorHandle] as [string, string]])).values()];
    const history = await rowsWhere(db.sampleRequests, '[shopKey+creatorHandle]', pairs);
    const sent = new Map<string, SampleRequest[]>();
    for (const r of history) {
      if (!SENT_STATUSES.has(r.status)) continue;
      const list = sent.get(pairKey(r.shopKey, r.creatorHandle));
      if (list) list.push(r);
      else sent.set(pairKey(r.shopKey, r.creatorHandle), [r]);
    }
    return inputs.map((i) => ({
      ...i,
      previous: (sent.get(pairKey(i.request.shopKey, i.request.creatorHandle)) ?? []).filter((p) => p.productId === i.request.productId && p.applyId !== i.request.applyId),
    }));
  },
};

/** A pending request with every sample this shop sent the same creator: delivered when, and with a post or not. */
export const creatorHistory: InputLoader<CreatorHistoryInput> = {
  reads: ['sampleRequests', 'transitions', 'sampleContents'],
  async affected(db, changes) {
    const viaContents = await contentRequests(db, changes.sampleContents);
    const changed = [...changedKeys(changes, 'sampleRequests'), ...transitionSubjects(changes, 'sampleRequest'), ...viaContents];
    const pairs = await creatorPairsOf(db, [...new Set(changed)]);
    const pending = await requestKeysOfCreators(db, pairs, ['PENDING']);
    return [...new Set([...changedKeys(changes, 'sampleRequests'), ...pending])];
  },
  async load(db, keys) {
    const pending = await loadRequests(db, keys, ['PENDING']);
    const pairs = new Map(pending.filter((r) => r.status === 'PENDING').map((r) => [pairKey(r.shopKey, r.creatorHandle), [r.shopKey, r.creatorHandle] as [string, string]]));
    const history = await rowsWhere(db.sampleRequests, '[shopKey+creatorHandle]', [...pairs.values()]);
    const sent = history.filter((r) => SENT_STATUSES.has(r.status));
    const waiting = sent.filter((r) => r.status === 'CONTENT_PENDING').map((r) => r.applyId);
    const [transitions, withContent] = await Promise.all([transitionsByKey(db, 'sampleRequest', waiting), requestsWithContent(db, waiting)]);
    const byPair = new Map<string, SentSample[]>();
    for (const r of sent) {
      const sample: SentSample = { request: r, hasContent: withContent.has(r.applyId) };
      if (r.status === 'CONTENT_PENDING') sample.deliveredAt = firstSighting(r, transitions.get(r.applyId), 'CONTENT_PENDING')?.at;
      const list = byPair.get(pairKey(r.shopKey, r.creatorHandle));
      if (list) list.push(sample);
      else byPair.set(pairKey(r.shopKey, r.creatorHandle), [sample]);
    }
    return pending.map((request) => ({ key: request.applyId, request, sent: byPair.get(pairKey(request.shopKey, request.creatorHandle)) ?? [] }));
  },
};

/** A pending request with its creator as last seen. */
export const requestCreators: InputLoader<CreatorRequestInput> = {
  reads: ['sampleRequests', 'creators'],
  async affected(db, changes) {
    const handles = changedKeys(changes, 'creators');
    const ofCreators = (await rowsWhere(db.sampleRequests, 'creatorHandle', handles)).filter((r) => r.status === 'PENDING').map((r) => r.applyId);
    return [...new Set([...changedKeys(changes, 'sampleRequests'), ...ofCreators])];
  },
  async load(db, keys) {
    const requests = await loadRequests(db, keys, ['PENDING']);
    const creators = await db.creators.bulkGet([...new Set(requests.map((r) => r.creatorHandle))]);
    const byHandle = new Map(creators.flatMap((c) => (c ? [[c.handle, c] as const] : [])));
    return requests.map((request) => ({ key: request.applyId, request, creator: byHandle.get(request.creatorHandle) }));
  },
};
