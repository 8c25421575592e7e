/**
 * A link on an Affiliate Center page to one of Collab Lens's own pages (a creator's page). A web page may not
 * navigate to an extension page, so a click (or a middle click) asks the background to open it; the address is still
 * the link's, for what the browser shows on hover.
 */
export interface PageLink {
  href: string;
  open(): void;
}

export function ExtensionPageLink({ link, label, class: cls, text }: { link: PageLink; label: string; class: string; text: string }) {
  return (
    <a
      class={cls}
      href={link.href}
      target="_blank"
      rel="noreferrer"
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        link.open();
      }}
      onAuxClick={(e) => {
        if (e.button !== 1) return;
        e.preventDefault();
        link.open();
      }}
      data-testid="open-creator"
    >
      {text}
    </a>
  );
}
