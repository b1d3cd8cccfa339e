// WCAG 2.1 2.1.1 with 1.4.10: in a narrow window a data table wider than the screen scrolls inside
// its own box (styles/shared.css); a keyboard user must be able to scroll it too, so a table that
// overflows takes the focus (tabindex 0) while it does, even if it holds no link or button.
const MARK = 'data-scroll-focus';

/**
 * Set on a table wider than the box it is in (styles/shared.css makes it scroll inside its own
 * box): a table's cells can hold more than the window between 900 px and a wide screen too (long
 * codes, dates kept whole), and the page must not scroll sideways for it. Off again once the
 * table fits (both are the same test: the table's narrowest layout against the room it has).
 */
const WIDE = 'data-wide';

function contentWidth(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
}

export function syncScrollableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLElement>('.data-table')) {
    const parent = table.parentElement;
    if (table.hasAttribute(WIDE)) {
      if (table.scrollWidth <= table.clientWidth + 1) table.removeAttribute(WIDE);
    } else if (parent && table.offsetWidth > contentWidth(parent) + 1) {
      table.setAttribute(WIDE, '');
    }
    focusableWhileOverflowing(table);
  }
  // PrimeVue's DataTable scrolls its own container (the audit log): the same rule for the keyboard.
  for (const box of root.querySelectorAll<HTMLElement>('.p-datatable-table-container')) focusableWhileOverflowing(box);
}

function focusableWhileOverflowing(box: HTMLElement): void {
  const overflows = box.scrollWidth > box.clientWidth + 1;
  if (overflows && !box.hasAttribute('tabindex')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute(MARK, '');
  } else if (!overflows && box.hasAttribute(MARK)) {
    box.removeAttribute('tabindex');
    box.removeAttribute(MARK);
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
