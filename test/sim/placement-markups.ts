/**
 * The placement markups' CSS (client side: `client/placement-markups.js`): an ARIA grid with fixed columns that clip
 * what overflows them, a virtual list's scroller and its pool of rows, a card whose handle sits in a tooltip shown on
 * hover only. Class names are hashed as a CSS-in-JS build would give them (`cls`, the same hash as the client's).
 * Our own versions: they rest on no evidence of TikTok's exact DOM.
 */

/** The hashed class name of `name` (FNV-1a, base 36, six characters after `_`), as the client computes it. */
export function cls(name: string): string {
  let x = 2166136261;
  for (let i = 0; i < name.length; i++) x = Math.imul(x ^ name.charCodeAt(i), 16777619);
  return `_${(x >>> 0).toString(36).slice(0, 6)}`;
}

const c = (name: string) => `.${cls(name)}`;

export const PLACEMENT_CSS = `
${c('grid')}{display:block;font-size:13px;padding:0 20px 12px}
${c('row')}{display:grid;border-bottom:1px solid #e5e6eb}
${c('row')}:hover{background:#fafbfc}
${c('head-cell')}{padding:10px 12px;background:#f7f8fa;color:#4e5969;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${c('cell')}{padding:10px 12px;min-width:0;overflow:hidden;text-overflow:ellipsis}
${c('who')}{display:flex;gap:8px;align-items:center;min-width:0}
${c('avatar')}{width:32px;height:32px;border-radius:50%;flex:none;background:#f2f3f5}
${c('name')}{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${c('handle-link')}{color:#86909c;font-size:12px}
${c('label')}{color:#86909c;font-size:12px}
${c('title')}{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
${c('scroller')}{overflow-y:auto;position:relative;margin:0 20px 12px;border:1px solid #e5e6eb;border-radius:6px}
${c('spacer')}{position:relative}
${c('slot')}{position:absolute;top:0;left:0;right:0;display:flex;align-items:center;gap:10px;padding:0 14px;border-bottom:1px solid #f2f3f5;box-sizing:border-box}
${c('slot-stats')}{margin-left:auto;color:#4e5969;font-size:12px;white-space:nowrap}
${c('strip')}{padding:12px 20px;border-bottom:1px solid #e5e6eb}
${c('strip')} h2{margin:0 0 8px;font-size:14px}
${c('strip-row')}{display:flex;gap:10px;overflow:hidden}
${c('mini')}{flex:0 0 220px;border:1px solid #e5e6eb;border-radius:8px;padding:10px}
${c('tip-wrap')}{position:relative}
${c('tip')}{position:absolute;left:0;top:100%;z-index:3;padding:2px 8px;border-radius:4px;background:#1d2129;color:#fff;font-size:12px;opacity:0;pointer-events:none}
${c('tip-wrap')}:hover ${c('tip')}{opacity:1}
${c('username')}{color:#86909c;font-size:12px}
`;
