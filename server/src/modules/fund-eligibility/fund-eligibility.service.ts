import { EntityManager } from 'typeorm';
import { fromCents, toCents } from '../../common/money';
import { RequestContext } from '../../common/request';
import { scopedQuery } from '../../db/scoped-query';
import { Allocation, AllocationStatus, FundSource } from '../funding/funding.entity';
import { Measure } from '../measure/measure.entity';
import { Network } from '../network/network.entity';
import { ruleViolation } from '../network/network.service';
import { HoursReduction, RecipientEnrolment } from '../recipient/recipient.entity';
import { fundViolations } from './fund-eligibility.rules';

/** Refuses a committed allocation from a source that may not pay it: the measure, the order of the sources, the recipients. */
export async function enforceFundEligibility(ctx: RequestContext, manager: EntityManager, allocation: Allocation): Promise<void> {
  if (allocation.status !== AllocationStatus.COMMITTED) return;
  const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.id = :id', { id: allocation.networkId }).getOne();
  const source = await manager.getRepository(FundSource).findOneBy({ id: allocation.fundSourceId });
  const measure = network && (await manager.getRepository(Measure).findOneBy({ id: network.measureId }));
  if (!network || !source || !measure) return; // the foreign keys have refused it already
  const first = source.drawnAfterId ? await manager.getRepository(FundSource).findOneBy({ id: source.drawnAfterId }) : null;
  const committed = first ? (await manager.query('SELECT fund_source_committed($1)::text AS committed', [first.id]))[0].committed : '0';
  const recipientsOverThreshold = await scopedQuery(manager, RecipientEnrolment, ctx.principal)
    .andWhere('r.networkId = :networkId AND r.hoursReduction = :over', { networkId: network.id, over: HoursReduction.OVER_30 })
    .getCount();
  const violations = fundViolations({
    measure,
    source,
    drawnAfter: first && { id: first.id, code: first.code, name: first.name, available: fromCents(toCents(first.budget) - toCents(committed)) },
    amount: allocation.amount,
    recipientsOverThreshold,
  });
  if (violations.length) {
    throw ruleViolation(
      `La fonte «${source.name}» non può finanziare questa assegnazione: ${violations.map((v) => v.message).join(' ')}`,
      `Fund source «${source.name}» may not pay this allocation: ${violations.map((v) => v.messageEn).join(' ')}`,
      violations,
    );
  }
}
