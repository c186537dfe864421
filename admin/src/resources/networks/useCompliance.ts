import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { RetiDataProvider } from '../../providers/dataProvider';

/**
 * The network's compliance report. Its query key starts with the resource, so react-admin's
 * refresh, which every change to the roster triggers, reloads it.
 */
export function useCompliance(networkId: string | undefined) {
  const dataProvider = useDataProvider<RetiDataProvider>();
  return useQuery({
    queryKey: ['networks', 'compliance', networkId],
    queryFn: () => dataProvider.getCompliance(networkId!),
    enabled: !!networkId,
  });
}
