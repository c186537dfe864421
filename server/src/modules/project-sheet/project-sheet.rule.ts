import { BatchReads } from '../../common/request';
import { RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import { defineNetworkRule, RuleParameters } from '../network/rule-registry';
import { ProjectSheet } from './project-sheet.entity';
import { projectSheetViolations } from './project-sheet.rules';

const loadSheet = async (network: Network, loaders: BatchReads) => (await loaders.manyBy(ProjectSheet, 'networkId').load(network.id))[0];

const sheetRule = (code: RuleCode.PROJECT_SHEET | RuleCode.APPLICATION_WINDOW, reachedBy: string[]) =>
  defineNetworkRule({
    code,
    owner: 'project-sheet',
    kind: 'FLAG',
    reachedBy,
    load: loadSheet,
    evaluate: (sheet, params: RuleParameters) => projectSheetViolations(sheet, { ...params, rules: [code] }),
  });

/** Every content of seed 002's project sheet filled in. */
export const PROJECT_SHEET = sheetRule(RuleCode.PROJECT_SHEET, ['projectSheet']);
/** The application date within the call's window. */
export const APPLICATION_WINDOW = sheetRule(RuleCode.APPLICATION_WINDOW, ['projectSheet', 'measure']);
