import { addMember, createCrisisCompany, createNetwork, createPartner, must, orgTaxCode } from '../helpers/factories';
import { useTenantApp } from '../helpers/fixture';

const { t, ref, tenant } = useTenantApp();

const violations = async (id: string, rule: string) =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { compliance { violations { rule message ids } } } }`, { id })).compliance.violations
    .filter((v: { rule: string }) => v.rule === rule);
const link = (networkId: string, crisisCompanyId: string) =>
  must(t, tenant.editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId, crisisCompanyId } });

test('a GOL P5 network includes the CPI competent for its crisis companies’ production units', async () => {
  const network = await createNetwork(t, tenant.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31' });
  const company = await createCrisisCompany(t, tenant.editor, ref, { municipalityId: ref.municipality('015182') });
  await link(network.id, company.id);
  const expected = [{ rule: 'CPI_COMPETENCE', message: "Nella rete manca il CPI territorialmente competente per l'unità produttiva di 1 azienda in crisi.", ids: [company.id] }];
  expect(await violations(network.id, 'CPI_COMPETENCE')).toEqual(expected);

  const elsewhere = await createPartner(t, tenant.editor, ref, 'CPI', { coveredMunicipalityIds: [ref.municipality('015009')] });
  await addMember(t, tenant.editor, network.id, elsewhere.id);
  expect(await violations(network.id, 'CPI_COMPETENCE')).toEqual(expected);

  const competent = await createPartner(t, tenant.editor, ref, 'CPI', { coveredMunicipalityIds: [ref.municipality('015087'), ref.municipality('015182')] });
  await addMember(t, tenant.editor, network.id, competent.id);
  expect(await violations(network.id, 'CPI_COMPETENCE')).toEqual([]);
});

test('companies of one group (same parent) satisfy the same-sector rule', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const companies = [];
  for (const supplyChain of ['Meccanica', 'Tessile']) {
    const company = await must(t, tenant.editor, `mutation($input: CreateCrisisCompanyInput!) { createCrisisCompany(input: $input) { id version } }`, {
      input: { name: `Azienda ${supplyChain}`, taxCode: orgTaxCode(), municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGS', supplyChain },
    });
    await link(network.id, company.id);
    companies.push(company);
  }
  expect((await violations(network.id, 'MAX_COMPANIES')).map((v: { message: string }) => v.message)).toEqual([
    'Le aziende in crisi devono appartenere allo stesso settore (divisione ATECO), alla stessa filiera o allo stesso gruppo.',
  ]);
  const parent = orgTaxCode();
  for (const company of companies) {
    await must(t, tenant.editor, `mutation($id: ID!, $version: Int!, $parent: String!) { updateCrisisCompany(id: $id, version: $version, input: { parentTaxCode: $parent }) { id } }`, { ...company, parent });
  }
  expect(await violations(network.id, 'MAX_COMPANIES')).toEqual([]);
});
