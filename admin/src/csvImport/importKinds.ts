import { useCanAccessResources } from 'react-admin';
import type { ImportKind } from '../providers/dataProvider';

/** The import page's route. */
export const IMPORT_PATH = '/import';

interface ImportKindSpec {
  /** The console resource the rows become. */
  resource: string;
  /** The template's file name, without .csv. */
  templateName: string;
  /** What the template's columns take, when it is not reti.import.hints.<kind>. */
  hint?: string;
  /** The list that shows the imported rows, when not the resource's own. */
  list?: string;
}

export const IMPORT_KINDS: Record<ImportKind, ImportKindSpec> = {
  PARTNERS: {
    resource: 'partners',
    templateName: 'modello_soggetti',
  },
  CRISIS_COMPANIES: {
    resource: 'crisisCompanies',
    templateName: 'modello_aziende_in_crisi',
  },
  SERVICES: {
    resource: 'recipientServices',
    templateName: 'modello_servizi',
    hint: 'reti.plans.import_hint',
    list: 'networks',
  },
};

/** The import creates partners, companies in crisis and services: it is offered to whoever may create them all. */
export function useCanImport(): { canImport: boolean; isPending: boolean } {
  const { canAccess, isPending } = useCanAccessResources({ action: 'create', resources: Object.values(IMPORT_KINDS).map((kind) => kind.resource) });
  return { canImport: !!canAccess && Object.values(canAccess).every(Boolean), isPending };
}
