/**
 * Table types for Kysely, as the latest migration leaves the database.
 * Migrations never import this file: each one describes the tables as they
 * were when it was written, so later edits here cannot change old migrations.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

/** Key/value facts about this installation (instance id, schema dates). */
export interface ServerInfoTable {
  key: string;
  value: string;
  /** ISO 8601 instant of the last write. */
  updated_at: string;
}
export type ServerInfo = Selectable<ServerInfoTable>;
export type NewServerInfo = Insertable<ServerInfoTable>;
export type ServerInfoUpdate = Updateable<ServerInfoTable>;

/** Every table the server knows; later issues add cases, photos, users, devices, receipts. */
export interface Database {
  server_info: ServerInfoTable;
}
