/**
 * 0021: the supervisors' recovery codes (issue 18). One row per code issued
 * to an officer's phone: 16 digits (15 random and a Luhn check digit,
 * src/domain/device/recovery-code.ts) that the phone wraps its data key with
 * and never keeps, held here so the duty supervisor can read it out over a
 * voice call. `used_at` once the phone says it spent the code, `replaced_at`
 * once a newer code was issued for the same officer and phone; the code in
 * force has neither. Each reveal is in the audit trail with its reason.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('replaced_at', 'text')
    .execute();
  await db.schema
    .createIndex('recovery_codes_device')
    .on('recovery_codes')
    .columns(['device_id', 'user_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute();
}
