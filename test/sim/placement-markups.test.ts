import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cls, PLACEMENT_CSS } from './placement-markups';

/** The client's building blocks, run with a stand-in for the core's `SimApp`. */
function clientBlocks(): { cls(name: string): string; namesakes(creators: { handle: string; nick: string }[]): string[] } {
  const source = readFileSync(new URL('./client/placement-markups.js', import.meta.url), 'utf8');
  const SimApp: Record<string, unknown> = { h: () => null };
  new Function('SimApp', source)(SimApp);
  return SimApp.placement as ReturnType<typeof clientBlocks>;
}

describe('placement markups', () => {
  it('the client hashes class names as the stylesheet does', () => {
    const client = clientBlocks();
    for (const name of ['grid', 'row', 'cell', 'handle-link', 'slot', 'tip', 'mini']) {
      expect(client.cls(name)).toBe(cls(name));
      expect(PLACEMENT_CSS).toContain(`.${cls(name)}`);
    }
    expect(cls('grid')).toMatch(/^_[0-9a-z]{1,6}$/);
  });

  it('namesake rows: every fourth shows its own handle as its name, the next one the next creator’s handle (the last keeps its own)', () => {
    const creators = ['a', 'b', 'c', 'd', 'e', 'f'].map((handle) => ({ handle, nick: handle.toUpperCase() }));
    expect(clientBlocks().namesakes(creators)).toEqual(['a', 'c', 'C', 'D', 'e', 'F']);
  });
});
