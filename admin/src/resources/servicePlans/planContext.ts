import { createContext, useContext } from 'react';

export interface PlanServiceType {
  id: string;
  code: string;
  name: string;
  phase: number;
}

/** What every plan of a network draws on: its measure's service catalogue and its members, who deliver. */
export interface NetworkPlanContext {
  serviceTypes: PlanServiceType[];
  partners: { id: string; legalName: string }[];
  serviceTypeName(id: string | null | undefined): string;
  partnerName(id: string): string;
}

export const PlanContext = createContext<NetworkPlanContext | null>(null);

export function usePlanContext(): NetworkPlanContext {
  const context = useContext(PlanContext);
  if (!context) throw new Error('usePlanContext outside NetworkPlans');
  return context;
}
