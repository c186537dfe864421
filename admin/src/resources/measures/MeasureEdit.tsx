import { DryRunToolbar } from '../../common/DryRunToolbar';
import { RecordEdit } from '../../common/RecordForms';
import { MeasureInputs } from './MeasureInputs';

export const MeasureEdit = () => (
  <RecordEdit toolbar={<DryRunToolbar resource="measures" />}>
    <MeasureInputs />
  </RecordEdit>
);
