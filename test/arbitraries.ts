import fc from 'fast-check';

/**
 * Any JSON-ish value a changed API could send in place of a field: nulls, undefined, short and huge strings, numbers,
 * booleans, and small nested arrays and objects of the same. Used by the adapters' mutation property tests.
 */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 5000, maxLength: 6000 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;
