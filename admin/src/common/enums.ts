import { enumValues } from '../providers/apiSchema';

/** Choices for an enum of the API, labelled from reti.enums.<Enum>.<VALUE> in the i18n files. */
export const enumChoices = (enumName: string) => enumValues(enumName).map((value) => ({ id: value, name: `reti.enums.${enumName}.${value}` }));
