/**
 * The accident squad reviewer's screens under his home: the queue at
 * `/review`, one case at `/review/:id`. Each loads when first opened (this
 * module stays small: it is what the app's routes name for the reviewer).
 */
import { lazy } from 'react';
import { matchPath, usePath } from '../../ui/router';

const QueueScreen = lazy(() => import('./QueueScreen').then((m) => ({ default: m.QueueScreen })));
const CaseReview = lazy(() => import('./CaseReview').then((m) => ({ default: m.CaseReview })));

export function ReviewScreens() {
  const id = matchPath('/review/:id', usePath())?.id;
  return id ? <CaseReview id={id} /> : <QueueScreen />;
}
