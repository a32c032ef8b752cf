/** Live views of cases on the device, shared by every screen that shows one. */
import { useLiveQuery } from 'dexie-react-hooks';
import { listCases, listPhotos, readCase } from '../storage';
import { useServices } from './ServicesContext';

export function useCaseList() {
  const { db } = useServices();
  return useLiveQuery(() => listCases(db), [db]);
}

export function useCase(id: string) {
  const { db } = useServices();
  return useLiveQuery(() => readCase(db, id), [db, id]);
}

export function usePhotos(caseId: string) {
  const { db } = useServices();
  return useLiveQuery(() => listPhotos(db, caseId), [db, caseId]);
}
