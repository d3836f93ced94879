/** Styles of the shadow-root UI (summary bar + card). Isolated from the page by the shadow root. */
export const UI_CSS = `
:host { all: initial; }
.fp-root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.fp-root button { font: inherit; cursor: pointer; border: 1px solid #c9ced6; background: #fff; color: #1f2328;
  border-radius: 6px; padding: 2px 8px; }
.fp-root button:hover { background: #f1f3f5; }
.fp-root button:focus-visible, .fp-card:focus-visible { outline: 3px solid #1c7ed6; outline-offset: 2px; }
.fp-bar { position: fixed; top: 8px; right: 8px; z-index: 2147483646; display: flex; flex-wrap: wrap; align-items: center;
  gap: 6px; max-width: min(720px, calc(100vw - 16px)); padding: 6px 8px; background: #ffffffee; border: 1px solid #d0d7de;
  border-radius: 10px; box-shadow: 0 2px 10px #0002; }
.fp-edge-bottom { top: auto; bottom: 8px; }
.fp-bar-collapsed { flex-wrap: nowrap; padding: 2px 4px; gap: 4px; max-width: min(420px, calc(100vw - 16px)); white-space: nowrap; }
.fp-mini { display: flex; gap: 6px; list-style: none; margin: 0; padding: 0 2px; font-size: 12px; overflow: hidden; }
.fp-mini li { display: inline-flex; align-items: center; gap: 3px; }
.fp-bar-collapsed .fp-nav { padding: 0 8px; }
.fp-notice { color: #3d444d; }
.fp-notice-line { font-size: 12px; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.fp-brand { font-weight: 700; }
.fp-counts { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.fp-count { display: inline-flex; align-items: center; gap: 4px; padding: 1px 6px; border-radius: 999px; background: #f6f8fa;
  border: 1px solid var(--fp-cat); font-size: 12px; }
.fp-swatch { width: 14px; height: 0; border-bottom: 3px solid var(--fp-cat); }
.fp-pattern-dashed { border-bottom-style: dashed; } .fp-pattern-dotted { border-bottom-style: dotted; }
.fp-pattern-double { border-bottom-style: double; border-bottom-width: 4px; }
.fp-pattern-wavy { border-bottom-style: dashed; border-bottom-width: 3px; }
.fp-unplaced { font-size: 12px; color: #57606a; }
.fp-none { color: #57606a; }
.fp-card { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(360px, calc(100vw - 16px));
  max-height: min(420px, calc(100vh - 16px)); overflow: auto; padding: 10px 12px; background: #fff;
  border: 1px solid #d0d7de; border-top: 4px solid var(--fp-cat); border-radius: 10px; box-shadow: 0 6px 24px #0003; }
.fp-tone-reassure { border-top-color: #2f9e44; background: #f4fbf5; }
.fp-tone-reassure .fp-icon { background: #2f9e44; }
.fp-card-head { display: flex; align-items: center; gap: 8px; }
.fp-icon { display: inline-flex; justify-content: center; align-items: center; width: 22px; height: 22px; border-radius: 50%;
  background: var(--fp-cat); color: #fff; font-size: 13px; flex: none; }
.fp-card-title { font-size: 15px; margin: 0; flex: 1; }
.fp-stance { font-weight: 400; color: #57606a; }
.fp-close { border: none !important; font-size: 18px !important; line-height: 1; }
.fp-explanation { margin: 8px 0; }
.fp-slots { margin: 0 0 8px; display: grid; gap: 2px; }
.fp-slot { display: flex; gap: 6px; font-size: 13px; }
.fp-slot dt { font-weight: 600; min-width: 92px; } .fp-slot dd { margin: 0; }
.fp-also { font-size: 13px; color: #57606a; margin: 0 0 6px; }
.fp-why { font-size: 13px; color: #3d444d; margin-bottom: 8px; } .fp-why p { margin: 4px 0; }
.fp-card-foot { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.fp-pos { font-size: 12px; color: #57606a; }
.fp-open { margin-left: auto; font-weight: 600; }
.fp-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Dark: the page paints a dark background, or it paints none and the user prefers dark (lib/bar-placement.ts). */
.fp-dark { color: #e6edf3; }
.fp-dark button { background: #2d333b; color: #e6edf3; border-color: #545d68; }
.fp-dark button:hover { background: #373e47; }
.fp-dark .fp-bar { background: #1c2128f0; border-color: #444c56; box-shadow: 0 2px 10px #0008; }
.fp-dark .fp-count { background: #2d333b; }
.fp-dark .fp-unplaced, .fp-dark .fp-none, .fp-dark .fp-stance, .fp-dark .fp-also, .fp-dark .fp-pos { color: #adbac7; }
.fp-dark .fp-notice, .fp-dark .fp-why { color: #cdd9e5; }
.fp-dark .fp-card { background: #1c2128; border-color: #444c56; box-shadow: 0 6px 24px #000a; }
.fp-dark .fp-tone-reassure { background: #14261a; border-top-color: #2f9e44; }
.fp-dark .fp-card a { color: #6cb6ff; }
`;
