/**
 * 0020: the officer's remote determination of a station's case reaches the
 * station (src/domain/case/station-determination.ts).
 *
 * `station_confirmations.basis`: the law and article(s) the officer cited
 * (JSON `[{ law, article }]`); null on confirmations made before it was asked.
 * `changes.determination`: a `station-confirmed` entry of the pull feed
 * carries the officer's determination (OfficerDetermination JSON), so the
 * station's phone shows it and the parties sign it there. Both nullable
 * text: every row stored before keeps its meaning.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('station_confirmations').addColumn('basis', 'text').execute();
  await db.schema.alterTable('changes').addColumn('determination', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('changes').dropColumn('determination').execute();
  await db.schema.alterTable('station_confirmations').dropColumn('basis').execute();
}
