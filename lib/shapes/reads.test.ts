import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRead, parentOf, readsOf, unionReads } from './reads';

describe('readsOf', () => {
  const wrappedField = z.preprocess((v) => (v && typeof v === 'object' && 'value' in v ? v.value : v), z.number().optional());
  const info = z.object({
    apply_id: z.string(),
    status: z.union([z.string(), z.number()]).nullish(),
    price: z.union([z.string(), z.object({ amount: z.string(), currency: z.string() })]).optional(),
    rate: z.string().transform(Number).pipe(z.number()),
    follower_cnt: wrappedField,
    tags: z.array(z.object({ name: z.string() })).optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  });
  const envelope = z.object({ code: z.number().optional(), data: z.object({ list: z.array(z.unknown()) }).nullish() });
  const reads = readsOf({ '': envelope, 'data.list[]': info }, ['data.list[].by_hand'], ['data.meta']);

  it('walks objects, arrays, unions and the input side of pipes', () => {
    for (const p of ['code', 'data', 'data.list', 'data.list[]', 'data.list[].apply_id', 'data.list[].status', 'data.list[].price', 'data.list[].price.amount', 'data.list[].price.currency', 'data.list[].rate', 'data.list[].tags', 'data.list[].tags[]', 'data.list[].tags[].name']) {
      expect(isRead(reads, p), p).toBe(true);
    }
  });

  it('takes preprocessed fields and records whole, with everything inside them', () => {
    for (const p of ['data.list[].follower_cnt', 'data.list[].follower_cnt.value', 'data.list[].follower_cnt.is_authorized', 'data.list[].extra.anything', 'data.list[].extra.a[].b']) {
      expect(isRead(reads, p), p).toBe(true);
    }
    expect(reads.subtree).toEqual(['data.list[].extra', 'data.list[].follower_cnt', 'data.meta']);
  });

  it('reads only the node of z.unknown(), and the paths read by hand', () => {
    expect(isRead(reads, 'data.list[].by_hand')).toBe(true);
    expect(isRead(reads, 'data.meta.page')).toBe(true);
    for (const p of ['data.list[].unknown_field', 'data.list[].price.symbol', 'data.list[].tags[].id', 'data.other', 'message', 'data.list[].follower_cnt_x', 'data.metax']) {
      expect(isRead(reads, p), p).toBe(false);
    }
  });

  it('adds the parents of a mount point: the adapter walks through them', () => {
    const r = readsOf({ 'a.b[].c': z.object({ d: z.string() }) });
    expect([...r.exact].sort()).toEqual(['a', 'a.b', 'a.b[]', 'a.b[].c', 'a.b[].c.d']);
  });

  it('survives recursive schemas', () => {
    type Node = { name: string; children?: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node).optional() }));
    const r = readsOf({ root: node });
    expect(isRead(r, 'root.children[].name')).toBe(true);
  });

  it('joins several sets', () => {
    const r = unionReads(readsOf({ a: z.string() }), readsOf({ b: z.record(z.string(), z.string()) }));
    expect(isRead(r, 'a')).toBe(true);
    expect(isRead(r, 'b.x')).toBe(true);
    expect(isRead(r, 'c')).toBe(false);
  });
});

describe('parentOf', () => {
  it('steps up one node', () => {
    expect(parentOf('a.b[]')).toBe('a.b');
    expect(parentOf('a.b[].c')).toBe('a.b[]');
    expect(parentOf('a')).toBe('');
    expect(parentOf('[]')).toBe('');
  });
});
