import { NonEmptyArray } from 'type-graphql';
import { relationResolvers } from '../graphql/relations';
import { declaredRelations } from './relations';
import { TenantResolver } from './tenant/tenant.resolver';
import { UserResolver } from './user/user.resolver';
import { AtecoSectorResolver, MunicipalityResolver, PartnerTypeResolver, ProvinceResolver } from './reference/reference.resolver';
import { FundingTierResolver, MeasureCompatibilityResolver, MeasureResolver, ServiceTypeResolver } from './measure/measure.resolver';
import { AllocationResolver, FundSourceResolver } from './funding/funding.resolver';
import { PartnerResolver } from './partner/partner.resolver';
import { NetworkCompanyResolver, NetworkMemberResolver, NetworkResolver } from './network/network.resolver';
import { CrisisCompanyResolver } from './crisis-company/crisis-company.resolver';
import { CompetencePactResolver, PactSignatoryResolver } from './competence-pact/competence-pact.resolver';
import { AuditEventResolver } from './audit/audit.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { RecipientEnrolmentResolver } from './recipient/recipient.resolver';
import { ImportResolver } from './import/import.resolver';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { codesignResolvers } from './codesign/codesign.resolver';
import { RecipientPlanResolver, RecipientServiceResolver } from './service-plan/service-plan.resolver';
import { AccountLineResolver, NetworkAccountsResolver } from './plan-of-accounts/plan-of-accounts.resolver';
import { NetworkProjectSheetResolver, ProjectSheetResolver } from './project-sheet/project-sheet.resolver';

/** Every resolver class of the registry. */
export const resolvers: NonEmptyArray<Function> = [
  TenantResolver, UserResolver, PartnerTypeResolver, ProvinceResolver, MunicipalityResolver, AtecoSectorResolver,
  MeasureResolver, FundingTierResolver, ServiceTypeResolver, MeasureCompatibilityResolver, FundSourceResolver, AllocationResolver, PartnerResolver,
  NetworkResolver, NetworkMemberResolver, NetworkCompanyResolver, CrisisCompanyResolver, CompetencePactResolver,
  PactSignatoryResolver, AuditEventResolver, AuthResolver,
  RecipientEnrolmentResolver, ImportResolver, AnalyticsResolver, ...codesignResolvers,
  RecipientServiceResolver, RecipientPlanResolver, AccountLineResolver, NetworkAccountsResolver, ProjectSheetResolver, NetworkProjectSheetResolver,
  ...relationResolvers(declaredRelations),
];
