/** Live views of the cases on the device: the UI renders from IndexedDB. */
import { useLiveQuery } from 'dexie-react-hooks';
import { listCases, readCase } from '../../storage';
import { useServices } from '../../services/ServicesContext';

export function useCaseList() {
  const { db } = useServices();
  return useLiveQuery(() => listCases(db), [db]);
}

export function useCase(id: string) {
  const { db } = useServices();
  return useLiveQuery(() => readCase(db, id), [db, id]);
}
