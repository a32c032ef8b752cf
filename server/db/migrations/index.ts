/**
 * Every migration, imported statically so the runner works from any cwd and
 * from a bundle (no folder scan). Names sort in the order they run; never
 * rename or edit one that has shipped — add the next number instead.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-server-info';
import * as m0002 from './0002-accounts-cases-audit';
import * as m0003 from './0003-claims';
import * as m0004 from './0004-case-custody';
import * as m0005 from './0005-review';
import * as m0006 from './0006-squad-amendments';
import * as m0007 from './0007-insurer-delivery';
import * as m0008 from './0008-assessment-photos';
import * as m0009 from './0009-overdue-claims';
import * as m0010 from './0010-five-fast';
import * as m0011 from './0011-shared-state';
import * as m0012 from './0012-brigade-documents';
import * as m0013 from './0013-video-units';
import * as m0014 from './0014-lenient-list';
import * as m0015 from './0015-escrow-keys';
import * as m0016 from './0016-five-fast-targets';
import * as m0017 from './0017-party-confirmations';
import * as m0018 from './0018-revoked-device-signal';
import * as m0019 from './0019-station-confirmations';
import * as m0020 from './0020-station-determination';
import * as m0021 from './0021-recovery-codes';
import * as m0022 from './0022-phone-lock';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-server-info': m0001,
  '0002-accounts-cases-audit': m0002,
  '0003-claims': m0003,
  '0004-case-custody': m0004,
  '0005-review': m0005,
  '0006-squad-amendments': m0006,
  '0007-insurer-delivery': m0007,
  '0008-assessment-photos': m0008,
  '0009-overdue-claims': m0009,
  '0010-five-fast': m0010,
  '0011-shared-state': m0011,
  '0012-brigade-documents': m0012,
  '0013-video-units': m0013,
  '0014-lenient-list': m0014,
  '0015-escrow-keys': m0015,
  '0016-five-fast-targets': m0016,
  '0017-party-confirmations': m0017,
  '0018-revoked-device-signal': m0018,
  '0019-station-confirmations': m0019,
  '0020-station-determination': m0020,
  '0021-recovery-codes': m0021,
  '0022-phone-lock': m0022,
};
