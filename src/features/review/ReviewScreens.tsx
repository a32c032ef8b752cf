/**
 * The accident squad reviewer's screens under his home: the queue at
 * `/review`, the packets overdue for a call-back at `/review/overdue`, one
 * case at `/review/:id`. Each loads when first opened (this
 * module stays small: it is what the app's routes name for the reviewer).
 */
import { lazy } from 'react';
import { matchPath, usePath } from '../../ui/router';

const QueueScreen = lazy(() => import('./QueueScreen').then((m) => ({ default: m.QueueScreen })));
const CaseReview = lazy(() => import('./CaseReview').then((m) => ({ default: m.CaseReview })));
const OverdueScreen = lazy(() =>
  import('./OverdueScreen').then((m) => ({ default: m.OverdueScreen })),
);

export function ReviewScreens() {
  const path = usePath();
  if (path === '/review/overdue') return <OverdueScreen />;
  const id = matchPath('/review/:id', path)?.id;
  return id ? <CaseReview id={id} /> : <QueueScreen />;
}
