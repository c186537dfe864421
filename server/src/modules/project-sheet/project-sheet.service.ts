import { Resource } from '../../crud/resource';
import { ownNetworkGuard } from '../network/network.service';
import { ProjectSheet } from './project-sheet.entity';
import { CreateProjectSheetInput, ProjectSheetFilter, UpdateProjectSheetInput } from './project-sheet.inputs';

export const projectSheetResource: Resource<ProjectSheet, CreateProjectSheetInput, ProjectSheetFilter> = {
  entity: ProjectSheet,
  name: 'projectSheet',
  plural: 'projectSheets',
  searchable: ['companyContext', 'specificObjectives', 'expectedResults'],
  filter: ProjectSheetFilter,
  createInput: CreateProjectSheetInput,
  updateInput: UpdateProjectSheetInput,
  defaultSort: { field: 'applicationDate', order: 'DESC' },
  guards: [ownNetworkGuard()],
};
