import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

/** CPI_COMPETENCE: every crisis company's production unit lies in a municipality that a CPI of the network covers. */
export function cpiCompetenceViolations(
  cpis: { coveredMunicipalityIds: string[] }[],
  companies: { id: string; municipalityId: string }[],
): RuleViolation[] {
  const covered = new Set(cpis.flatMap((c) => c.coveredMunicipalityIds));
  const uncovered = companies.filter((c) => !covered.has(c.municipalityId)).map((c) => c.id);
  if (!uncovered.length) return [];
  return [{
    rule: RuleCode.CPI_COMPETENCE,
    message: `Nella rete manca il CPI territorialmente competente per l'unità produttiva di ${uncovered.length === 1 ? '1 azienda' : `${uncovered.length} aziende`} in crisi.`,
    messageEn: `The network lacks the CPI competent for the production unit of ${uncovered.length} crisis compan${uncovered.length === 1 ? 'y' : 'ies'}.`,
    ids: uncovered,
    field: 'members',
    from: null,
  }];
}
