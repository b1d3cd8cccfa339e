import { E2E_OPERATOR, expect, SESSION_KEY, snapshot, test, TOKEN_KEY } from './fixtures.js';

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

    test('each operator lands on the first screen of their main role after signing in', async ({ page, host, accessible }) => {
      const landings: [string, string, RegExp, RegExp][] = [
        ['sender', 'demo-sender-2026', /#\/sender\/dashboard$/, /Cruscotto/],
        ['postal', 'demo-postal-2026', /#\/postal$/, /esito postale/],
        ['clerk', 'demo-clerk-2026', /#\/desk$/, /Sportello RADD/],
      ];
      for (const [username, password, url, heading] of landings) {
        await page.goto(host.url);
        await page.getByTestId('login-username').fill(username);
        await page.locator('#login-password').fill(password);
        await page.locator('#login-password').press('Enter');
        await expect(page).toHaveURL(url);
        await expect(page.locator('main h1').first()).toContainText(heading);
        await accessible(page, `home of ${username}`);
        await page.getByTestId('logout').click();
        await expect(page.getByTestId('login-username')).toBeVisible();
      }
    });

    test('after the host restarts an open tab is told its session ended and signs in again; a refused address says what to open', async ({ page, host, accessible }) => {
      await page.goto(`${host.url}#/lookup`);
      await page.getByTestId('login-username').fill(E2E_OPERATOR.username);
      await page.locator('#login-password').fill(E2E_OPERATOR.password);
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('iun-input')).toBeVisible();
      const tokenBefore = await page.evaluate((k) => window.sessionStorage.getItem(k), TOKEN_KEY);
      // The tab keeps its old session id and token (signed in by hand, the fixture does not refresh them).
      await host.restart();
      expect(host.token, 'the restarted host keeps the token of the data directory').toBe(tokenBefore);
      // The tab learns it at its next request: the clerk's search, or the top bar's own status poll
      // when it comes first (on a loaded machine the restart outlasts a poll interval).
      const ended = page.getByTestId('login-ended');
      await expect(async () => {
        if (await ended.isVisible()) return;
        await page.getByTestId('iun-input').fill('QDUX-GHKP-JNAM-202603-T-1', { timeout: 1_000 });
        await page.getByTestId('iun-input').press('Enter', { timeout: 1_000 });
        await expect(ended).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 20_000 });
      await expect(ended).toHaveAttribute('data-reason', 'expired');
      await expect(page.getByTestId('login-ended')).toContainText("La sessione è scaduta oppure l'applicazione è stata riavviata");
      await accessible(page, 'login (session ended)');
      await snapshot(page, 'login-session-ended');
      await page.getByTestId('login-username').fill(E2E_OPERATOR.username);
      await page.locator('#login-password').fill(E2E_OPERATOR.password);
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('iun-input')).toBeVisible();

      // A token the host does not know (another data directory, a renewed token): signing in cannot help.
      await page.evaluate(([tk, sk]) => { window.sessionStorage.setItem(tk!, 'not-the-token-of-this-host'); window.sessionStorage.removeItem(sk!); }, [TOKEN_KEY, SESSION_KEY]);
      await page.reload();
      await expect(page.getByTestId('login-ended')).toHaveAttribute('data-reason', 'token');
      // What a clerk does first; the start-up address only in the smaller line for the technician.
      await expect(page.getByTestId('login-ended')).toContainText("Aprire RADD Desk dal collegamento o dall'icona forniti dal tecnico dello sportello, oppure riavviare l'applicazione");
      await expect(page.getByTestId('login-ended-hint')).toContainText('npm run serve');
      await page.getByTestId('login-username').fill(E2E_OPERATOR.username);
      await page.locator('#login-password').fill(E2E_OPERATOR.password);
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('login-ended')).toHaveAttribute('data-reason', 'token');
      await expect(page.getByTestId('login-error')).toHaveCount(0);
      await accessible(page, 'login (token refused)');
      await snapshot(page, 'login-token-refused');
      // A tab opened by hand, at the bare address (no access key ever given to it): the same message.
      const byHand = await page.context().newPage();
      await byHand.goto(`${host.origin}/#/lookup`);
      await expect(byHand.getByTestId('login-ended')).toHaveAttribute('data-reason', 'token');
      await expect(byHand.getByTestId('login-ended')).toContainText('tecnico dello sportello');
      await expect(byHand.getByTestId('login-ended-hint')).toContainText('«token=»');
      await accessible(byHand, 'login (opened by hand)');
      await snapshot(byHand, 'login-opened-by-hand');
      await byHand.close();
      // The address the host printed works again.
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(E2E_OPERATOR.username);
      await page.locator('#login-password').fill(E2E_OPERATOR.password);
      await page.locator('#login-password').press('Enter');
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
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
    // Operations in words of the language of now, each with its code beside it for technicians.
    await expect(page.getByTestId('audit-operation').filter({ hasText: 'Creazione operatore' }).first()).toHaveAttribute('title', 'admin.createOperator');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('audit-operation').filter({ hasText: 'Operator created' }).first()).toBeVisible();
    await expect(page.getByTestId('audit-operation').filter({ hasText: 'Sign-in' }).first()).toBeVisible();
    await snapshot(page, 'admin-audit-en');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
    // The "Operazione" filter: an operation chosen by its words (found by its words or its code), the code sent.
    const opFilter = page.getByTestId('audit-operation-filter');
    await opFilter.click();
    await page.keyboard.type('createOperator');
    await expect(page.getByRole('option')).toHaveCount(1);
    await page.getByRole('option', { name: /^Creazione operatore/ }).click();
    await expect(opFilter).toContainText('Creazione operatore');
    await page.locator('form.filters button[type="submit"]').click();
    await expect(page.locator('[data-testid="audit-operation"]:not([title="admin.createOperator"])')).toHaveCount(0);
    await expect(page.getByTestId('audit-operation').first()).toHaveText('Creazione operatore');
    await accessible(page, 'audit (filtered by operation)');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(opFilter).toContainText('Operator created');
    await snapshot(page, 'admin-audit-filter-en');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
  });

});
