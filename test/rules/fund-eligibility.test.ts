import { randomInt } from 'node:crypto';
import { admin } from '../helpers/app';
import { createNetwork, expectError, must, uniqueCode } from '../helpers/factories';
import { useTenantApp } from '../helpers/fixture';
import { personCheckCharacter } from '../../server/src/common/tax-code';

const { t, ref, tenant } = useTenantApp();

const allocate = (networkId: string, fundSourceId: string, amount: string) =>
  t.gql(tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id amount } }`, {
    input: { networkId, fundSourceId, amount, allocatedOn: '2023-01-16', kind: 'PROCESS' },
  });
const refusedFor = async (result: Awaited<ReturnType<typeof allocate>>) => {
  expectError(result, 'RULE_VIOLATION');
  return result.errors![0].extensions!.violations as { rule: string; message: string }[];
};
const golNetwork = () => createNetwork(t, tenant.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31' });

const SURNAME = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
let sequence = 0;
const enrol = (networkId: string, hoursReduction: string) => {
  const first15 = `${SURNAME}80A01Z${String(++sequence).padStart(3, '0')}`;
  return must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
    input: { networkId, taxCode: first15 + personCheckCharacter(first15), kind: 'SUSPENDED', enrolledOn: '2023-02-01', hoursReduction },
  });
};

test('a fund source pays only its measures: GOL PNRR pays GOL P5 networks, not Fase II ones', async () => {
  const faseII = await createNetwork(t, tenant.editor, ref);
  expect(await refusedFor(await allocate(faseII.id, ref.fundSource('GOL_PNRR_2022'), '100.00'))).toEqual([
    expect.objectContaining({
      rule: 'FUND_MEASURES',
      message: 'La fonte «Programma GOL, riparto PNRR, risorse 2022» non finanzia la misura «Avviso Reti per il lavoro – Fase II»: scegli una fonte che la finanzi.',
      messageEn: 'Fund source «Programma GOL, riparto PNRR, risorse 2022» does not pay measure «Avviso Reti per il lavoro – Fase II»: choose a source that pays it.',
    }),
  ]);
  // The refusal itself speaks Italian, with its English beside it, and names the source as the screen does.
  const refusal = (await allocate(faseII.id, ref.fundSource('GOL_PNRR_2022'), '100.00')).errors![0];
  expect(refusal.message).toMatch(/^La fonte «Programma GOL, riparto PNRR, risorse 2022» non può finanziare questa assegnazione: .*scegli una fonte/);
  expect(refusal.extensions!.messageEn).toMatch(/^Fund source «Programma GOL, riparto PNRR, risorse 2022» may not pay this allocation: .*choose a source/);
  expect((await allocate((await golNetwork()).id, ref.fundSource('GOL_PNRR_2022'), '100.00')).errors).toBeUndefined();
  const [row] = await t.owner.query(`SELECT f.measure_codes, f.reduced_hours_only, g.code AS first FROM fund_sources f JOIN fund_sources g ON g.id = f.drawn_after_id WHERE f.code = 'FONDO_COMPETENZE_2022'`);
  expect(row).toEqual({ measure_codes: ['RETE_RICOLLOCAZIONE_GOL_P5'], reduced_hours_only: true, first: 'GOL_PNRR_2022' });
});

test('the second source waits until the first cannot pay, and serves only workers with hours cut over 30 %', async () => {
  const fund = (input: Record<string, unknown>) =>
    must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id code } }`, { input: { code: uniqueCode('FONDO'), name: 'Fondo di prova', budget: '1000000.00', ...input } });
  const first = await fund({ budget: '1000.00' });
  const second = await fund({ drawnAfterId: first.id, reducedHoursOnly: true });
  const network = await golNetwork();
  await enrol(network.id, 'OVER_30');

  expect((await refusedFor(await allocate(network.id, second.id, '100.00'))).map((v) => v.message)).toEqual([
    'Vanno usate prima le risorse della fonte «Fondo di prova», che ha ancora € 1.000,00 disponibili: assegna da quella fonte.',
  ]);
  expect((await allocate(network.id, first.id, '900.00')).errors).toBeUndefined();
  expect((await refusedFor(await allocate(network.id, second.id, '100.00'))).map((v) => v.rule)).toEqual(['FUND_ORDER']);
  expect((await allocate(network.id, second.id, '100.01')).errors).toBeUndefined();

  const withoutThem = await golNetwork();
  await enrol(withoutThem.id, 'UP_TO_30');
  expect((await refusedFor(await allocate(withoutThem.id, second.id, '100.01'))).map((v) => v.message)).toEqual([
    "La fonte «Fondo di prova» è riservata ai lavoratori con una riduzione d'orario superiore al 30% e la rete non ne ha iscritti: iscrivili prima, o scegli un'altra fonte.",
  ]);
  await enrol(withoutThem.id, 'OVER_30');
  expect((await allocate(withoutThem.id, second.id, '100.01')).errors).toBeUndefined();
});
