import { RULES } from './index';
import type { RuleTexts } from './types';

/**
 * The built-in rules as the screens (popup, side panel, options page, page overlay) show and configure them: ids, texts,
 * severity, subject, thresholds, whether they notify. No input and no check: what the rules read lives in
 * lib/rules/inputs, which only the background imports (rules.test.ts checks that nothing this module imports reads the
 * database).
 */
export const RULE_CATALOGUE: readonly RuleTexts[] = RULES.map(({ input: _input, check: _check, ...texts }) => texts);
