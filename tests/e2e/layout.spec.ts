// WCAG 2.1 AA 1.4.10 Reflow: 1366x768 at 200% zoom is a 683x384 CSS px window; text content must
// also work at 320 CSS px. No screen may scroll sideways as a page (wide tables scroll inside
// their own box: `accessible()` fails on page-level overflow), and the menu stays reachable from
// the keyboard behind the top bar's "Menu" button.
import { expect, snapshot, test } from './fixtures.js';

const SCREENS = ['/lookup', '/desk', '/desk/history', '/desk/summary', '/postal', '/sender/dashboard', '/sender/notifications', '/sender/new', '/sync', '/admin/operators', '/admin/audit'];

test.describe('reflow at 200% zoom (683x384)', () => {
  test.use({ viewport: { width: 683, height: 384 } });

  test('no main screen scrolls sideways, and none opens scrolled to the right', async ({ page, host, accessible }) => {
    await page.goto(host.url);
    for (const path of SCREENS) {
      await page.goto(`${host.origin}/#${path}`);
      await page.locator('main h1').first().waitFor();
      await accessible(page, `${path} at 683px`);
      expect(await page.evaluate(() => window.scrollX), `${path} opens scrolled sideways`).toBe(0);
      await snapshot(page, `reflow-683${path.replaceAll('/', '-')}`);
    }
  });

  test('the menu folds behind a keyboard-operable button with aria-expanded', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/lookup`);
    const toggle = page.getByTestId('menu-toggle');
    const menu = page.locator('#app-menu');
    // The lookup screen puts the focus in its field once mounted (a lazy chunk, later on a cold
    // start): wait for it, or that focus lands after ours and Enter goes to the field.
    await expect(page.locator('main input').first()).toBeFocused();
    await expect(menu).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('link').first()).toBeFocused();
    await accessible(page, 'menu open at 683px');
    await snapshot(page, 'reflow-683-menu-open');
    // Esc closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(toggle).toBeFocused();
    // Choosing an entry goes there and folds the menu again.
    await page.keyboard.press('Enter');
    await menu.getByRole('link', { name: 'Sincronizzazione' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/sync/);
    await expect(menu).toBeHidden();
  });
});

test.describe('reflow at 320 CSS px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('text screens do not scroll sideways', async ({ page, host, accessible }) => {
    await page.goto(host.url);
    for (const path of ['/lookup', '/desk', '/sender/dashboard', '/sender/new', '/sender/notifications', '/sync']) {
      await page.goto(`${host.origin}/#${path}`);
      await page.locator('main h1').first().waitFor();
      await accessible(page, `${path} at 320px`);
      await snapshot(page, `reflow-320${path.replaceAll('/', '-')}`);
    }
  });
});

test.describe('wide window', () => {
  test('shows the menu at the side, without the fold button', async ({ page, host }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${host.url}#/lookup`);
    await expect(page.locator('#app-menu')).toBeVisible();
    await expect(page.getByTestId('menu-toggle')).toBeHidden();
  });
});
