import { expect, snapshot, test } from './fixtures.js';

test.describe('operators and sign-in', () => {
  test.describe('without a session', () => {
    test.use({ signedIn: false });

    test('every screen asks for sign-in first; a wrong password is refused, the right one lets in', async ({ page, host, accessible }) => {
      await page.goto(host.url.replace('/?', '/?') + '#/lookup');
      await expect(page.getByTestId('login-username')).toBeFocused();
      await accessible(page, 'login');
      await snapshot(page, 'login');
      await page.getByTestId('login-username').fill('clerk');
      await page.locator('#login-password').fill('wrong-password');
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('login-error')).toHaveAttribute('data-code', 'AUTH_INVALID_CREDENTIALS');
      await accessible(page, 'login (refused)');
      await page.getByTestId('login-username').fill('clerk');
      await page.locator('#login-password').fill('demo-clerk-2026');
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('iun-input')).toBeVisible();
      await expect(page.getByTestId('signed-in-as')).toContainText('Sportello (demo)');
      // A clerk sees no administration entries.
      await expect(page.getByRole('navigation').getByText('Operatori')).toHaveCount(0);
      await page.getByTestId('logout').click();
      await expect(page.getByTestId('login-username')).toBeVisible();
    });
  });

  test('an administrator creates an operator, sets the desk identity and verifies the audit log', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/admin/operators`);
    await expect(page.getByTestId('operators-table')).toContainText('demo');
    await accessible(page, 'operators');
    await page.getByTestId('operator-new').click();
    await page.getByTestId('op-username').fill('anna.verdi');
    await page.getByTestId('op-name').fill('Anna Verdi');
    await page.locator('#op-password').fill('short');
    await page.getByTestId('op-save').click();
    await expect(page.getByTestId('operator-error')).toBeVisible();
    await accessible(page, 'operators (new, refused)');
    await page.locator('#op-password').fill('una-password-lunga');
    await page.getByTestId('op-save').click();
    await expect(page.getByTestId('operators-table')).toContainText('anna.verdi');
    await snapshot(page, 'admin-operators');

    await page.goto(`${host.origin}/#/admin/desk`);
    await page.getByTestId('desk-code').fill('RADD-MI-0042');
    await page.locator('#desk-name').fill('Tabaccheria Centrale');
    await page.locator('#desk-street').fill('Corso Buenos Aires 12');
    await page.locator('#desk-zip').fill('20124');
    await page.locator('#desk-city').fill('Milano');
    await page.locator('#desk-province').fill('mi');
    await page.getByTestId('desk-save').click();
    await expect(page.getByText('Salvato').first()).toBeVisible();
    await accessible(page, 'desk settings');

    await page.goto(`${host.origin}/#/admin/audit`);
    await expect(page.getByTestId('audit-table')).toContainText('admin.createOperator');
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('Registro integro');
    await accessible(page, 'audit');
    await snapshot(page, 'admin-audit');
  });
});
