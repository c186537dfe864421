import { createNetwork, must, seedNetworks } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, Credentials, useTenantConsole, visible, WIDE } from './support/console';

/** The console in Italian and in English: no translation key on screen, money written each way, refusals worded in the console's language. */

let networkIds: string[];
let administrator: Credentials;
const reti = useTenantConsole(async (app, { tenant }) => {
  networkIds = await seedNetworks(app, tenant.editor, 1);
  administrator = await app.signUp('ADMIN');
});
const { t, ref, tenant, editor } = reti;

/** Text on screen that is a translation key rather than words: reti.enums.RuleCode.X, resources.measures.fields.x, ra.action.x, … */
const RAW_KEY = /\b(reti|ra|edit|accounts)\.[a-z_]+\.[A-Za-z_.]+|\bresources\.[a-zA-Z]+\.(fields|name)\b/g;

async function measureId(code: string): Promise<string> {
  return (await t.owner.query('SELECT id FROM measures WHERE code = $1', [code]))[0].id;
}

test('no page shows a translation key, in Italian or in English; the rule chips of a measure are named', async () => {
  // Fase II carries the plan rules whose chips showed their keys; GOL P5 the fund rules.
  const faseII = await measureId('AZIONI_RETE_FASE_II');
  const gol = await measureId('RETE_RICOLLOCAZIONE_GOL_P5');
  const routes = ['', `measures/${faseII}/show`, `measures/${faseII}/show/rules`, `measures/${faseII}/show/services`, `measures/${faseII}`, `measures/${gol}/show/rules`, 'measures', 'networks', `networks/${networkIds[0]}/show`, `networks/${networkIds[0]}/show/compliance`, 'workspace', 'users', 'fundSources', 'serviceTypes', 'allocations'];
  for (const language of ['it', 'en'] as const) {
    const { session, page } = await reti.openAs(administrator, { language, viewport: WIDE });
    await session.shot(`finish-keys-${language}`, async () => {
      const found: Record<string, string[]> = {};
      for (const route of routes) {
        await session.goto(route);
        await session.settled();
        const keys = (await page.locator('body').innerText()).match(RAW_KEY) ?? [];
        if (keys.length) found[route] = keys;
      }
      expect(found).toEqual({});
      await session.goto(`measures/${faseII}/show/rules`);
      await session.settled();
      await visible(page.getByText(language === 'it' ? 'Servizi minimi del piano personalizzato (PIP)' : 'Minimum services of the personal plan (PIP)'));
    });
    await session.close();
  }
}, BROWSER_TEST_TIMEOUT);

test("a fund rule's refusal is worded in the console's language and says what to do", async () => {
  const input = { networkId: networkIds[0], fundSourceId: ref.fundSource('GOL_PNRR_2022'), amount: '100.00', allocatedOn: '2023-01-16', kind: 'PROCESS' };
  for (const [language, save, words] of [
    ['it', 'Salva', /non finanzia la misura .*scegli una fonte che la finanzi/],
    ['en', 'Save', /does not pay measure .*choose a source that pays it/],
  ] as const) {
    const { session, page } = await reti.openAs(editor, { language, viewport: WIDE });
    await session.shot(`finish-fund-refusal-${language}`, async () => {
      await session.goto(`allocations/create?source=${encodeURIComponent(JSON.stringify(input))}`);
      await session.settled();
      await page.getByRole('button', { name: save, exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: words });
      await visible(alert);
      expect(await alert.innerText()).not.toMatch(language === 'it' ? /Fund source|may not pay/ : /La fonte|non finanzia/);
    });
    await session.close();
  }
}, BROWSER_TEST_TIMEOUT);

test('English mode writes money the English way', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const allocation = await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '12345.5', allocatedOn: '2021-03-15', kind: 'PROCESS' },
  });
  const { session, page } = await reti.openAs(editor, { language: 'en', context: { locale: 'en-US' } });
  await session.shot('english-money', async () => {
    await session.goto(`allocations/${allocation.id}/show`);
    await visible(page.getByText('€12,345.50').first());
    expect(await page.getByText('€ 12.345,50').count()).toBe(0);
  });
}, BROWSER_TEST_TIMEOUT);
