import { newTenant } from '../helpers/app';
import { seriousViolations } from '../helpers/browser';
import { draftProposal, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';
import { must, referenceIds } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, ConsoleSession, count, Credentials, useConsole, visible } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** axe-core's critical and serious violations, and the count of <h1>, on every main page of the console. */

let tenant: Tenant;
let networkIds: string[];
let editor: Credentials;
let administrator: Credentials;
const reti = useConsole({
  seed: async (app) => {
    ({ tenant, networkIds } = await tenantWithAllocations(app));
    editor = await app.signUp('EDITOR', tenant.id);
    administrator = await app.signUp('ADMIN');
  },
});
const { t } = reti;

/** Each page of `routes` once settled: its serious or critical axe violations, and how many <h1> it has. */
async function audit(session: ConsoleSession, routes: string[]): Promise<Record<string, { violations: string[]; h1: number }>> {
  const report: Record<string, { violations: string[]; h1: number }> = {};
  for (const route of routes) {
    await session.goto(route);
    await session.settled();
    report[route] = { violations: await seriousViolations(session.page), h1: await session.page.locator('h1').count() };
  }
  return report;
}

const clean = (routes: string[]) => Object.fromEntries(routes.map((route) => [route, { violations: [], h1: 1 }]));

const REGISTRY_PAGES = ['', 'networks', 'partners', 'crisisCompanies', 'competencePacts', 'allocations', 'auditEvents', 'import', 'workspace'];
const REFERENCE_PAGES = ['fundSources', 'measures', 'fundingTiers', 'serviceTypes', 'partnerTypes', 'provinces', 'municipalities', 'atecoSectors'];

/** The pages of one record: a network with every tab, and a partner's edit form. */
async function recordPages(): Promise<string[]> {
  const [partner] = await t.owner.query('SELECT id FROM partners WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
  const network = `networks/${networkIds[0]}/show`;
  return [network, `${network}/roster`, `${network}/companies`, `${network}/allocations`, `${network}/compliance`, `${network}/history`, `partners/${partner.id}`];
}

describe('axe-core finds no critical or serious violation, and one <h1>, on every main page', () => {
  test.each([
    ['the dashboard, the registry, the import and the workspace', 'editor', async () => REGISTRY_PAGES],
    ['the reference data', 'editor', async () => REFERENCE_PAGES],
    ['a network with its tabs and an edit form', 'editor', recordPages],
    ['the administration', 'administrator', async () => ['tenants', 'users']],
  ] as const)('%s', async (_name, who, routes) => {
    const pages = await routes();
    const { session } = await reti.openAs(who === 'editor' ? editor : administrator);
    await session.shot(`accessibility-${_name}`, async () => {
      expect(await audit(session, pages)).toEqual(clean(pages));
    });
  }, BROWSER_TEST_TIMEOUT);
});

test('axe-core finds no critical or serious violation, and one <h1>, on the co-design pages: calls, proposals, the scoring sheet and the ranking', async () => {
  const [ambito, body] = await Promise.all([newTenant(t, 'AMBITO'), newTenant(t, 'THIRD_SECTOR_BODY')]);
  const [ambitoEditor, bodyEditor] = await Promise.all([t.signUp('EDITOR', ambito.id), t.signUp('EDITOR', body.id)]);
  const call = await publishedCall(t, ambito);
  const proposal = await draftProposal(t, body.editor, await referenceIds(t), call.id);
  let session = await reti.open();
  const auditAs = async (user: Credentials, pages: string[]) => {
    await session.close();
    ({ session } = await reti.openAs(user));
    expect(await audit(session, pages)).toEqual(clean(pages));
  };

  await session.shot('accessibility-codesign', async () => {
    // The Ambito's call while it is open; the body's proposal while it is a draft.
    await auditAs(ambitoEditor, ['codesignCalls', `codesignCalls/${call.id}/show`, `codesignCalls/${call.id}/show/criteria`, `codesignCalls/${call.id}`]);
    await auditAs(bodyEditor, ['codesignProposals', `codesignProposals/${proposal.id}`, `codesignProposals/${proposal.id}/show`]);
    // The grid a list draws while its rows load, held there until it has been audited.
    const page = session.page;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (/codesignProposals\(/.test(route.request().postData() ?? '')) await held;
      await route.continue();
    });
    await session.goto('codesignProposals');
    await visible(page.locator('tbody td .select-all').first());
    expect(await seriousViolations(page)).toEqual([]);
    release();
    await visible(page.locator('tbody td .select-item').first());
    await page.unroute('**/graphql');

    // Submitted, past the deadline, the call closed and one score given: the scoring sheet and the ranking.
    await must(t, body.editor, SUBMIT, proposal);
    await passDeadline(t, call.id);
    const evaluator = { userId: ambitoEditor.id, role: 'EDITOR' as const, tenantId: ambito.id };
    await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, { input: { callId: call.id, userId: evaluator.userId } });
    const [{ version }] = await t.owner.query('SELECT version FROM codesign_calls WHERE id = $1', [call.id]);
    await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, { id: call.id, version });
    await must(t, evaluator, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
      input: { proposalId: proposal.id, criterionId: call.criteria[0].id, score: 48, reason: 'Proposta solida e radicata' },
    });
    await auditAs(ambitoEditor, [`codesignCalls/${call.id}/show/proposals`, `codesignCalls/${call.id}/show/ranking`, `codesignProposals/${proposal.id}/show/scores`]);
    // What was audited: the sheet with its score and the line to add one, and the ranking with the proposal.
    await count(session.page.getByTestId('scores').locator('tbody tr'), 1);
    await visible(session.page.getByRole('button', { name: 'Registra punteggio' }));
    await session.goto(`codesignCalls/${call.id}/show/ranking`);
    await visible(session.page.getByTestId('ranking').getByText('Lavoro in rete'));
  });
}, BROWSER_TEST_TIMEOUT);
