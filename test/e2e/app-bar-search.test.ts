import { createCrisisCompany, createPartner, referenceIds, uniqueCode } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** The search in the app bar: one box for the registry's partners, networks and companies in crisis. */

let tenant: Tenant;
let networkIds: string[];
const reti = useConsole({ seed: async (app) => void ({ tenant, networkIds } = await tenantWithAllocations(app)) });
const { t } = reti;

test('the search in the app bar finds partners, networks and companies in crisis by name or code', async () => {
  const ref = await referenceIds(t);
  const suffix = uniqueCode('CERCA');
  const partner = await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Centro per l'impiego ${suffix}` });
  await createCrisisCompany(t, tenant.editor, ref, { name: `Acciaierie ${suffix}` });
  const [network] = await t.owner.query('SELECT code FROM networks WHERE tenant_id = $1 AND id = $2', [tenant.id, networkIds[1]]);

  const { session, page } = await reti.openAs('EDITOR', { tenant });
  await session.shot('registry-search', async () => {
    const search = page.getByRole('combobox', { name: 'Cerca nel registro' });
    await search.fill(suffix);
    await visible(page.getByRole('option', { name: new RegExp(`Acciaierie ${suffix}`) }));
    await page.getByRole('option', { name: new RegExp(`Centro per l'impiego ${suffix}`) }).click();
    await page.waitForURL(new RegExp(`/partners/${partner.id}/show$`));

    await search.fill(network.code);
    await page.getByRole('option', { name: new RegExp(network.code) }).click();
    await page.waitForURL(new RegExp(`/networks/${networkIds[1]}/show$`));
  });
}, BROWSER_TEST_TIMEOUT);
