// Printing settings of the desk (issue #6 item 5), in browser mode: the administrator sees that
// this browser prints from its own PDF viewer, sets the defaults the desktop app will use, from the
// keyboard, and finds them again after a reload.
import { expect, snapshot, test } from './fixtures.js';

test.describe('printing settings', () => {
  test('an administrator sets the desk\'s printing defaults; browser mode says the browser prints', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/admin/desk`);
    const section = page.getByTestId('print-settings');
    await expect(section).toBeVisible();
    await expect(page.getByTestId('print-settings-browser')).toBeVisible();
    await expect(page.locator('#print-silent')).not.toBeChecked();
    await expect(page.getByTestId('print-printer')).toContainText('Stampante predefinita del sistema');
    await accessible(page, 'desk settings (printing)');

    await page.locator('#print-silent').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#print-silent')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('print-save')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Impostazioni di stampa salvate')).toBeVisible();
    await accessible(page, 'desk settings (printing saved)');
    await section.scrollIntoViewIfNeeded();
    await snapshot(page, 'admin-print-settings');

    await page.reload();
    await expect(page.locator('#print-silent')).toBeChecked();
  });
});
