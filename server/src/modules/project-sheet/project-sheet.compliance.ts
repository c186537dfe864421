import { BatchReads } from '../../common/request';
import { Measure, RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import type { RuleViolation } from '../network/network.rules';
import { ProjectSheet } from './project-sheet.entity';
import { projectSheetViolations } from './project-sheet.rules';

/** PROJECT_SHEET and APPLICATION_WINDOW for networks whose measure lists them (network.service's compliance extension). */
export async function projectSheetCompliance(network: Network, loaders: BatchReads): Promise<RuleViolation[]> {
  const measure = await loaders.byId(Measure).load(network.measureId);
  if (!measure || ![RuleCode.PROJECT_SHEET, RuleCode.APPLICATION_WINDOW].some((rule) => measure.rules.includes(rule))) return [];
  const [sheet] = await loaders.manyBy(ProjectSheet, 'networkId').load(network.id);
  return projectSheetViolations(sheet, measure);
}
