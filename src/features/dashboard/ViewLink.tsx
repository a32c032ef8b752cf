/** A link to the dashboard under another view: a real address, followed without a reload. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { Link } from '../../ui/router';
import { searchFromView, type DashboardView } from './dashboard-view';

export const DASHBOARD_PATH = '/dashboard';

export type ViewLinkProps = { to: DashboardView; onGo(next: DashboardView): void } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href' | 'onClick'
>;

export function ViewLink({ to, onGo, ...rest }: ViewLinkProps) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    onGo(to);
  };
  return <Link href={`${DASHBOARD_PATH}${searchFromView(to)}`} onClick={follow} {...rest} />;
}
