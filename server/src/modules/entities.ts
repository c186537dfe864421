import { Tenant } from './tenant/tenant.entity';
import { User } from './user/user.entity';
import { AtecoSector, Municipality, PartnerType, Province } from './reference/reference.entities';
import { FundingTier, Measure, MeasureCompatibility, ServiceType } from './measure/measure.entity';
import { Allocation, FundSource } from './funding/funding.entity';
import { Partner } from './partner/partner.entity';
import { Network, NetworkCompany, NetworkMember } from './network/network.entity';
import { CrisisCompany } from './crisis-company/crisis-company.entity';
import { CompetencePact, PactSignatory } from './competence-pact/competence-pact.entity';
import { AuditEvent } from './audit/audit.entity';
import { RecipientEnrolment } from './recipient/recipient.entity';
import { codesignEntities } from './codesign/codesign.entity';

/** Every TypeORM entity of the registry. */
export const entities = [
  Tenant, User, PartnerType, Province, Municipality, AtecoSector, Measure, FundingTier, ServiceType, MeasureCompatibility, FundSource,
  Partner, Network, NetworkMember, NetworkCompany, CrisisCompany, CompetencePact, PactSignatory, Allocation, AuditEvent,
  RecipientEnrolment, ...codesignEntities,
];
