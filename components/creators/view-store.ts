import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { readHeadline, readPeriods } from '../../lib/creators/figures';
import { SORT_KEYS, type CreatorRow, type Headline, type PeriodInfo, type PeriodKey, type SortKey } from '../../lib/creators/model';
import { creatorTags, listCreators, readAllCreators, readCreators, type CreatorFilter, type CreatorsQuery, type Listing, type SortDir } from '../../lib/creators/queries';
import type { AppDB } from '../../lib/db/app-db';
import { currencyOfRegion, regionOfShopKey } from '../../lib/domain/currency';
import type { Shop } from '../../lib/domain/types';
import type { ExportFormat } from '../../lib/export/download';
import type { ExportTable } from '../../lib/export/table';
import type { I18n } from '../../lib/i18n';
import { columnOf, minimumOf } from './format';
import { follow } from './live';

/**
 * The creators view's one store: what the seller chose (period, order, filters), what the database holds for it (read
 * through lib/creators/queries.ts live queries, a page of rows at a time around what the list shows), and the actions.
 * Components read its signals and call its actions; none reads the database or sends a message itself.
 */

export interface ViewChoice {
  period: PeriodKey;
  sort: SortKey;
  dir: SortDir;
}

export interface ViewStoreDeps {
  db: AppDB;
  i18n: I18n;
  shopKey: string;
  initial?: Partial<ViewChoice>;
  /** Make the file of a table and hand it to the browser's downloads; the file's name. */
  download(table: ExportTable, format: ExportFormat): Promise<string>;
  /** The rows of the creators view as an export table (lib/export/creators.ts `creatorRowsTable`). */
  table(rows: readonly CreatorRow[], periods: ReadonlyMap<string, PeriodInfo>): ExportTable;
  /** Ask the background to build the shop's rows if they are missing or out of date (`ensureCreatorRows`). */
  ensureRows(): Promise<unknown>;
  /** How long the text search waits for the seller to stop typing. */
  typingMs?: number;
}

export type Status = { kind: 'busy' } | { kind: 'done'; file: string; rows: number } | { kind: 'error' };

/** Rows are read in pages of this many, aligned, around what the list shows. */
export const PAGE = 100;

const DEFAULT: ViewChoice = { period: 'd30', sort: 'gmv', dir: 'desc' };

/** The view's choice from its address (`period`, `sort`, `dir`), each one checked; what is missing or wrong is the default. */
export function choiceFromUrl(search: string): Partial<ViewChoice> {
  const p = new URLSearchParams(search);
  const period = p.get('period');
  const sort = p.get('sort');
  const dir = p.get('dir');
  return {
    ...(period && /^(d30|d90|all|import:[\w-]{1,100})$/.test(period) ? { period: period as PeriodKey } : {}),
    ...(sort && (SORT_KEYS as readonly string[]).includes(sort) ? { sort: sort as SortKey } : {}),
    ...(dir === 'asc' || dir === 'desc' ? { dir } : {}),
  };
}

export function createViewStore(deps: ViewStoreDeps) {
  const { db, shopKey } = deps;
  const initial = { ...DEFAULT, ...deps.initial };
  const period = signal<PeriodKey>(initial.period);
  const sort = signal<SortKey>(initial.sort);
  const dir = signal<SortDir>(initial.dir);
  const filter = signal<CreatorFilter>({});
  /** The search text as typed; the filter follows once typing pauses. */
  const text = signal('');
  /** The minimum as typed, and whether it reads as a number of its figure's kind. */
  const minimum = signal<{ key: SortKey; input: string }>({ key: 'gmv', input: '' });

  const shop = signal<Shop | null | undefined>(undefined);
  /** `null` until the background has built the shop's rows. */
  const periods = signal<PeriodInfo[] | null | undefined>(undefined);
  const headline = signal<Headline | null | undefined>(undefined);
  const tags = signal<string[]>([]);
  const listing = signal<{ key: string; listing: Listing } | undefined>(undefined);
  const range = signal({ start: 0, end: 0 });
  const page = signal<{ key: string; offset: number; rows: CreatorRow[] } | undefined>(undefined);
  const status = signal<Status | undefined>(undefined);

  const query = computed((): CreatorsQuery => ({ shopKey, period: period.value, sort: sort.value, dir: dir.value, filter: filter.value }));
  const queryKey = computed(() => JSON.stringify(query.value));
  const current = computed(() => (listing.value?.key === queryKey.value ? listing.value.listing : undefined));
  const total = computed(() => current.value?.total);
  const periodMap = computed(() => new Map((periods.value ?? []).map((p) => [p.key, p])));
  const currency = computed(() => currencyOfRegion(shop.value?.region ?? regionOfShopKey(shopKey)));
  const offset = computed(() => Math.floor(range.value.start / PAGE) * PAGE);
  const limit = computed(() => Math.max(PAGE, Math.ceil(range.value.end / PAGE) * PAGE - offset.value));
  const minimumValid = computed(() => minimum.value.input.trim() === '' || minimumOf(columnOf(minimum.value.key).kind, minimum.value.input, currency.value) !== undefined);
  const filtered = computed(() => Object.values(filter.value).some((v) => v !== undefined && v !== false && v !== ''));
  /** The address that reopens the view as it is. */
  const search = computed(() => `?${new URLSearchParams({ shop: shopKey, period: period.value, sort: sort.value, dir: dir.value })}`);

  /** The row at a position of the list, when its page is read (a page of the same query is kept while the next loads). */
  const rowAt = (index: number): CreatorRow | undefined => {
    const p = page.value;
    return p && p.key === queryKey.value ? p.rows[index - p.offset] : undefined;
  };

  const setFilter = (change: Partial<CreatorFilter>) => {
    const next: CreatorFilter = { ...filter.value, ...change };
    for (const k of Object.keys(next) as (keyof CreatorFilter)[]) if (next[k] === undefined || next[k] === false || next[k] === '') delete next[k];
    filter.value = next;
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  const applyMinimum = () => {
    const { key, input } = minimum.value;
    const value = minimumOf(columnOf(key).kind, input, currency.value);
    setFilter({ min: value === undefined ? undefined : { key, value } });
  };

  const actions = {
    setPeriod(p: PeriodKey) {
      period.value = p;
    },
    /** The same column again turns the order round; another column sorts by it, largest (or newest) first. */
    sortBy(key: SortKey) {
      batch(() => {
        if (sort.value === key) dir.value = dir.value === 'desc' ? 'asc' : 'desc';
        else {
          sort.value = key;
          dir.value = 'desc';
        }
      });
    },
    setText(value: string) {
      text.value = value;
      clearTimeout(typing);
      typing = setTimeout(() => setFilter({ text: value.trim() || undefined }), deps.typingMs ?? 250);
    },
    setTag(tag: string | undefined) {
      setFilter({ tag });
    },
    setWatch(on: boolean) {
      setFilter({ watch: on });
    },
    setBlocked(choice: CreatorFilter['blocked']) {
      setFilter({ blocked: choice });
    },
    setZeroGmv(on: boolean) {
      setFilter({ zeroGmv: on });
    },
    setMinimum(key: SortKey, input: string) {
      minimum.value = { key, input };
      applyMinimum();
    },
    clearFilters() {
      clearTimeout(typing);
      batch(() => {
        text.value = '';
        minimum.value = { key: minimum.value.key, input: '' };
        filter.value = {};
      });
    },
    /** The list shows positions `[start, end)`: the store reads the pages around them. */
    showRange(start: number, end: number) {
      if (start !== range.value.start || end !== range.value.end) range.value = { start, end };
    },
    /** Export what the view shows, in its order, with every figure's source. */
    async exportAs(format: ExportFormat) {
      const l = current.value;
      if (!l || status.value?.kind === 'busy') return;
      status.value = { kind: 'busy' };
      try {
        const rows = await readAllCreators(db, query.value, l);
        const file = await deps.download(deps.table(rows, periodMap.value), format);
        status.value = { kind: 'done', file, rows: rows.length };
      } catch (error) {
        console.error('[collab-lens] creators export failed', error);
        status.value = { kind: 'error' };
      }
    },
  };

  /** Start following the database; returns the stop. */
  function start(): () => void {
    deps.ensureRows().catch((error: unknown) => console.error('[collab-lens] asking for creator rows failed', error));
    const stops = [
      follow(async () => (await db.shops.get(shopKey)) ?? null, (v) => (shop.value = v)),
      follow(async () => (await readPeriods(db, shopKey)) ?? null, (v) => (periods.value = v)),
      follow(() => creatorTags(db), (v) => (tags.value = v)),
      effect(() => {
        const p = period.value;
        return follow(async () => (await readHeadline(db, shopKey, p)) ?? null, (v) => (headline.value = v));
      }),
      effect(() => {
        const q = query.value;
        const key = queryKey.value;
        return follow(() => listCreators(db, q), (l) => (listing.value = { key, listing: l }));
      }),
      effect(() => {
        const l = current.value;
        if (!l) return undefined;
        const [q, key, o, n] = [query.value, queryKey.value, offset.value, limit.value];
        return follow(() => readCreators(db, q, l, o, n), (rows) => (page.value = { key, offset: o, rows }));
      }),
    ];
    return () => {
      clearTimeout(typing);
      for (const stop of stops) stop();
    };
  }

  const state = {
    period: period as ReadonlySignal<PeriodKey>,
    sort: sort as ReadonlySignal<SortKey>,
    dir: dir as ReadonlySignal<SortDir>,
    filter: filter as ReadonlySignal<CreatorFilter>,
    text: text as ReadonlySignal<string>,
    minimum: minimum as ReadonlySignal<{ key: SortKey; input: string }>,
    minimumValid,
    filtered,
    shop: shop as ReadonlySignal<Shop | null | undefined>,
    periods: periods as ReadonlySignal<PeriodInfo[] | null | undefined>,
    periodMap,
    headline: headline as ReadonlySignal<Headline | null | undefined>,
    tags: tags as ReadonlySignal<string[]>,
    currency,
    total,
    queryKey,
    status: status as ReadonlySignal<Status | undefined>,
    search,
  };
  return { i18n: deps.i18n, shopKey, ...state, rowAt, actions, start };
}

export type ViewStore = ReturnType<typeof createViewStore>;
