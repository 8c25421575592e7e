import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
}

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs (and select them); Tab moves into the panel. Only the
 * selected panel is rendered.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: { label: string; tabs: TabSpec<T>[]; selected: T; onSelect(id: T): void; children: ComponentChildren }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    // From the focused tab (a tab can have focus without being selected yet).
    const focused = tabs.findIndex((t) => `tab-${t.id}` === (e.target as HTMLElement).id);
    const i = focused >= 0 ? focused : tabs.findIndex((t) => t.id === selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length] as TabSpec<T>;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div class="panel" role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
