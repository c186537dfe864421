import { BatchReads, present } from '../../common/request';
import { notFound } from '../../common/errors';
import { todayInItaly } from '../../common/dates';
import { CrisisCompany } from '../crisis-company/crisis-company.entity';
import { Measure } from '../measure/measure.entity';
import { Partner } from '../partner/partner.entity';
import { AtecoSector, PartnerType } from '../reference/reference.entities';
import { RecipientEnrolment, RecipientKind } from '../recipient/recipient.entity';
import { Network, NetworkCompany, NetworkMember } from './network.entity';
import { judgedOn, NetworkSnapshot } from './network.rules';

const snapshots = new WeakMap<BatchReads, Map<string, Promise<NetworkSnapshot>>>();

/** The snapshot the network's own rules share: loaded once per network and set of loaders. */
export function networkSnapshot(network: Network, loaders: BatchReads): Promise<NetworkSnapshot> {
  let byNetwork = snapshots.get(loaders);
  if (!byNetwork) snapshots.set(loaders, (byNetwork = new Map()));
  const key = `${network.id}:${network.version}`;
  let snapshot = byNetwork.get(key);
  if (!snapshot) byNetwork.set(key, (snapshot = loadSnapshot(network, loaders)));
  return snapshot;
}

/** Drops the snapshots taken through these loaders: a figure primed into them since is read afresh. */
export function forgetSnapshots(loaders: BatchReads): void {
  snapshots.delete(loaders);
}

/** Loads what the rules need through batch loaders, so a list of networks costs a few queries. */
async function loadSnapshot(network: Network, loaders: BatchReads): Promise<NetworkSnapshot> {
  const [measure, members, links, enrolments] = await Promise.all([
    loaders.byId(Measure).load(network.measureId),
    loaders.manyBy(NetworkMember, 'networkId', 'role').load(network.id),
    loaders.manyBy(NetworkCompany, 'networkId').load(network.id),
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
  ]);
  if (!measure) throw notFound('Measure', network.measureId);
  const partners = present(await loaders.byId(Partner).loadMany(members.map((m) => m.partnerId)));
  const [types, namedTypes, companies] = await Promise.all([
    loaders.byId(PartnerType).loadMany([...new Set(partners.map((p) => p.partnerTypeId))]).then(present),
    loaders.manyBy(PartnerType, 'code').loadMany([...measure.leadPartnerTypeCodes, ...measure.requiredPartnerTypeCodes]).then((found) => present(found).flat()),
    loaders.byId(CrisisCompany).loadMany(links.map((l) => l.crisisCompanyId)).then(present),
  ]);
  const sectors = present(await loaders.byId(AtecoSector).loadMany(companies.flatMap((c) => (c.atecoSectorId ? [c.atecoSectorId] : []))));
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const typeCode = new Map(types.map((t) => [t.id, t.code]));
  const sectorById = new Map(sectors.map((s) => [s.id, s]));
  return {
    asOf: judgedOn(todayInItaly(), network.startDate, network.endDate),
    startDate: network.startDate,
    endDate: network.endDate,
    planned: { suspended: network.plannedSuspended, unemployed: network.plannedUnemployed },
    enrolled: {
      suspended: enrolments.filter((e) => e.kind === RecipientKind.SUSPENDED).length,
      unemployed: enrolments.filter((e) => e.kind === RecipientKind.UNEMPLOYED).length,
    },
    members: members.map((m) => {
      const partner = partnerById.get(m.partnerId);
      return { partnerId: m.partnerId, role: m.role, joinedOn: m.joinedOn, leftOn: m.leftOn, partnerTypeCode: typeCode.get(partner?.partnerTypeId ?? '') ?? '', labourAccredited: partner?.labourAccredited ?? false };
    }),
    partnerTypeNames: Object.fromEntries([...types, ...namedTypes].map((t) => [t.code, t.name])),
    companies: companies.map((c) => {
      const sector = c.atecoSectorId ? sectorById.get(c.atecoSectorId) : undefined;
      return { id: c.id, supplyChain: c.supplyChain, expectedRedundancies: c.expectedRedundancies, parentTaxCode: c.parentTaxCode, atecoDivision: sector && sector.level !== 'SECTION' ? sector.code.slice(0, 2) : null };
    }),
  };
}

