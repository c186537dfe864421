import { useCanAccessResources } from 'react-admin';
import type { ImportKind } from '../providers/dataProvider';

/** The import page's route. */
export const IMPORT_PATH = '/import';

interface ImportKindSpec {
  /** The console resource the rows become. */
  resource: string;
  /** The template's file name, without .csv. */
  templateName: string;
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
};

/** The import creates partners and companies in crisis: it is offered to whoever may create both. */
export function useCanImport(): { canImport: boolean; isPending: boolean } {
  const { canAccess, isPending } = useCanAccessResources({ action: 'create', resources: Object.values(IMPORT_KINDS).map((kind) => kind.resource) });
  return { canImport: !!canAccess && Object.values(canAccess).every(Boolean), isPending };
}
