/** The packet list's filter in the address (`?status=new`, `?overdue=1`) and back. */
import type { PacketListQuery, PacketStatus } from '../../contracts/packets';
import { STATUSES } from './packet-model';

export type PacketFilter =
  { kind: 'all' } | { kind: 'status'; status: PacketStatus } | { kind: 'overdue' };

export function filterFromSearch(search: string): PacketFilter {
  const params = new URLSearchParams(search);
  if (params.get('overdue') === '1') return { kind: 'overdue' };
  const status = params.get('status');
  const known = STATUSES.find((s) => s === status);
  return known ? { kind: 'status', status: known } : { kind: 'all' };
}

export function searchOf(filter: PacketFilter): string {
  if (filter.kind === 'overdue') return '?overdue=1';
  if (filter.kind === 'status') return `?status=${filter.status}`;
  return '';
}

export function queryOf(filter: PacketFilter): PacketListQuery {
  if (filter.kind === 'overdue') return { overdue: '1' };
  if (filter.kind === 'status') return { status: filter.status };
  return {};
}

export const sameFilter = (a: PacketFilter, b: PacketFilter) => searchOf(a) === searchOf(b);
