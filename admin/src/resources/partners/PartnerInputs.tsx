import { AutocompleteInput, BooleanInput, email, FormDataConsumer, ReferenceInput, required, TextInput } from 'react-admin';
import { validateTaxCode } from '../../common/validation';
import { CoveredMunicipalitiesInput } from './CoveredMunicipalities';

export const PartnerInputs = () => (
  <>
    <TextInput source="legalName" validate={required()} fullWidth />
    <TextInput source="taxCode" validate={validateTaxCode} />
    <ReferenceInput source="partnerTypeId" reference="partnerTypes" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} fullWidth />
    </ReferenceInput>
    <ReferenceInput source="municipalityId" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput fullWidth />
    </ReferenceInput>
    <CoveredMunicipalitiesInput />
    <TextInput source="address" fullWidth />
    <TextInput source="email" validate={email()} />
    <TextInput source="phone" />
    <BooleanInput source="labourAccredited" />
    <FormDataConsumer>{({ formData }) => formData.labourAccredited && <TextInput source="labourRegisterNumber" />}</FormDataConsumer>
    <BooleanInput source="trainingAccredited" />
    <FormDataConsumer>{({ formData }) => formData.trainingAccredited && <TextInput source="trainingRegisterNumber" />}</FormDataConsumer>
  </>
);
