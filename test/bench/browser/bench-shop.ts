/** The shop of the seeded bench model (popup-entry.ts), also the one the creators-view bench opens. */
export const BENCH_SHOP = 'US:7495000000000000001';
