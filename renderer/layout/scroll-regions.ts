// WCAG 2.1 2.1.1 with 1.4.10: in a narrow window a data table wider than the screen scrolls inside
// its own box (styles/shared.css); a keyboard user must be able to scroll it too, so a table that
// overflows takes the focus (tabindex 0) while it does, even if it holds no link or button.
const MARK = 'data-scroll-focus';

export function syncScrollableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLElement>('.data-table')) {
    const overflows = table.scrollWidth > table.clientWidth + 1;
    if (overflows && !table.hasAttribute('tabindex')) {
      table.setAttribute('tabindex', '0');
      table.setAttribute(MARK, '');
    } else if (!overflows && table.hasAttribute(MARK)) {
      table.removeAttribute('tabindex');
      table.removeAttribute(MARK);
    }
  }
}

/** Keeps the tables of `root` up to date as screens change and the window is resized. */
export function watchScrollableTables(root: HTMLElement): () => void {
  let queued = false;
  const run = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; syncScrollableTables(root); });
  };
  const mutations = new MutationObserver(run);
  mutations.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', run);
  run();
  return () => { mutations.disconnect(); window.removeEventListener('resize', run); };
}
