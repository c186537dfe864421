import { RegistrySchema1763700000000 } from '../../../migrations/1763700000000-registry-schema';
import { AccessControl1763700000001 } from '../../../migrations/1763700000001-access-control';
import { RecipientEnrolments1763700000002 } from '../../../migrations/1763700000002-recipient-enrolments';
import { PrivateCredentials1763700000100 } from '../../../migrations/1763700000100-private-credentials';
import { DatabaseHardening1763700000101 } from '../../../migrations/1763700000101-database-hardening';
import { AllocationTotals1763700000200 } from '../../../migrations/1763700000200-allocation-totals';
import { AllocationTotalsSearchPath1763700000201 } from '../../../migrations/1763700000201-allocation-totals-search-path';
import { RateLimits1763700000500 } from '../../../migrations/1763700000500-rate-limits';
import { ReadinessCheck1763700000600 } from '../../../migrations/1763700000600-readiness-check';
import { MeasureRulesAsDocumented1763700000700 } from '../../../migrations/1763700000700-measure-rules-as-documented';
import { GolP5WithoutDuration1763700000701 } from '../../../migrations/1763700000701-gol-p5-without-duration';
import { CodesignFirstUpgrade1763700000799 } from '../../../migrations/1763700000799-codesign-first-upgrade';
import { RecipientAttributes1763700000800 } from '../../../migrations/1763700000800-recipient-attributes';
import { RecipientServices1763700000801 } from '../../../migrations/1763700000801-recipient-services';
import { ServicePlanRules1763700000802 } from '../../../migrations/1763700000802-service-plan-rules';
import { PlanOfAccounts1763700000803 } from '../../../migrations/1763700000803-plan-of-accounts';
import { ProjectSheets1763700000804 } from '../../../migrations/1763700000804-project-sheets';
import { FundEligibility1763700000805 } from '../../../migrations/1763700000805-fund-eligibility';
import { CpiCompetence1763700000806 } from '../../../migrations/1763700000806-cpi-competence';
import { AmbitoTerritories1763700000900 } from '../../../migrations/1763700000900-ambito-territories';
import { ThirdSectorBodies1763700000901 } from '../../../migrations/1763700000901-third-sector-bodies';
import { Codesign1763700000902 } from '../../../migrations/1763700000902-codesign';
import { CodesignCallKind1763700000903 } from '../../../migrations/1763700000903-codesign-call-kind';
import { AuditActorNames1763700001000 } from '../../../migrations/1763700001000-audit-actor-names';
import { SessionRevocation1763700001200 } from '../../../migrations/1763700001200-session-revocation';
import { SignedRequestIdentity1763700001201 } from '../../../migrations/1763700001201-signed-request-identity';
import { CodesignConflictsAndRecipientPrivacy1763700001300 } from '../../../migrations/1763700001300-codesign-conflicts-and-recipient-privacy';
import { FundCommittedFromRollup1763700001400 } from '../../../migrations/1763700001400-fund-committed-from-rollup';
import { SingleSignOn1763700001600 } from '../../../migrations/1763700001600-single-sign-on';
import { ColleagueNames1763700001800 } from '../../../migrations/1763700001800-colleague-names';
import { RuleCodes1763700001900 } from '../../../migrations/1763700001900-rule-codes';
import { FaseTwoRecipientRules1763700002100 } from '../../../migrations/1763700002100-fase-two-recipient-rules';
import { ResultBandAmounts1763700002200 } from '../../../migrations/1763700002200-result-band-amounts';
import { RequestOpening1763700002400 } from '../../../migrations/1763700002400-request-opening';
import { RuleCodeOwners1763700002900 } from '../../../migrations/1763700002900-rule-code-owners';
import { IdentityChecksInPlpgsql1763700003000 } from '../../../migrations/1763700003000-identity-checks-in-plpgsql';

/** Listed explicitly so the same code runs from TypeScript sources (tests) and compiled output. */
export const migrations = [
  RegistrySchema1763700000000,
  AccessControl1763700000001,
  RecipientEnrolments1763700000002,
  PrivateCredentials1763700000100,
  DatabaseHardening1763700000101,
  AllocationTotals1763700000200,
  AllocationTotalsSearchPath1763700000201,
  RateLimits1763700000500,
  ReadinessCheck1763700000600,
  MeasureRulesAsDocumented1763700000700,
  GolP5WithoutDuration1763700000701,
  CodesignFirstUpgrade1763700000799,
  RecipientAttributes1763700000800,
  RecipientServices1763700000801,
  ServicePlanRules1763700000802,
  PlanOfAccounts1763700000803,
  ProjectSheets1763700000804,
  FundEligibility1763700000805,
  CpiCompetence1763700000806,
  AmbitoTerritories1763700000900,
  ThirdSectorBodies1763700000901,
  Codesign1763700000902,
  CodesignCallKind1763700000903,
  AuditActorNames1763700001000,
  SessionRevocation1763700001200,
  SignedRequestIdentity1763700001201,
  CodesignConflictsAndRecipientPrivacy1763700001300,
  FundCommittedFromRollup1763700001400,
  SingleSignOn1763700001600,
  ColleagueNames1763700001800,
  RuleCodes1763700001900,
  FaseTwoRecipientRules1763700002100,
  ResultBandAmounts1763700002200,
  RequestOpening1763700002400,
  RuleCodeOwners1763700002900,
  IdentityChecksInPlpgsql1763700003000,
];
