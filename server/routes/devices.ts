/**
 * POST /api/devices (enrol), GET /api/devices, DELETE /api/devices/:id
 * (revoke); a phone's escrow key and supervisor's recovery code (issue 18).
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  EnrolDeviceRequest,
  IssueRecoveryCodeRequest,
  RevealRecoveryCodeRequest,
} from '../../src/contracts/devices';
import type {
  Device,
  DeviceList,
  EnrolDeviceResponse,
  EscrowKey,
  IssuedRecoveryCode,
  RevealedRecoveryCode,
} from '../../src/contracts/devices';
import { IdParams } from '../../src/contracts/route';
import { recordAudit } from '../audit/audit-log';
import { deviceOf, enrolDevice, importDeviceKey } from '../auth/devices';
import { escrowKeyFor } from '../auth/escrow-keys';
import { issueRecoveryCode, revealRecoveryCode } from '../auth/recovery-codes';
import { devicesInScope, notFound, scopeFor } from '../auth/policy';
import { HttpError, parseInput } from '../errors';
import { sessionRoute, type RouteDeps } from './contract-route';

export type DeviceRoutesOptions = RouteDeps;

export const deviceRoutes: FastifyPluginAsync<DeviceRoutesOptions> = async (
  app,
  { db, auth, now },
) => {
  sessionRoute(
    app,
    auth,
    'devices.enrol',
    async (request, reply, session): Promise<EnrolDeviceResponse> => {
      const body = parseInput(EnrolDeviceRequest, request.body, 'body');
      try {
        await importDeviceKey(body.publicKeyJwk);
      } catch {
        throw new HttpError(400, 'validation_failed', 'The public key is not a P-256 point.', [
          { path: 'body.publicKeyJwk', message: 'not a point on P-256' },
        ]);
      }
      const at = now();
      const { device, created } = await enrolDevice(db, { userId: session.userId, ...body }, at);
      if (!created) return { deviceId: device.id, device };
      await recordAudit(db, at, {
        actor: session.userId,
        action: 'device.enrolled',
        subject: device.id,
        details: { label: device.label, x: device.publicKeyJwk.x },
      });
      void reply.code(201);
      return { deviceId: device.id, device };
    },
  );

  sessionRoute(
    app,
    auth,
    'devices.list',
    async (_request, _reply, session): Promise<DeviceList> => {
      const rows = await devicesInScope(db, scopeFor(session)).orderBy('created_at').execute();
      return { devices: rows.map(deviceOf) };
    },
  );

  sessionRoute(app, auth, 'devices.revoke', async (request, _reply, session): Promise<Device> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const row = await devicesInScope(db, scopeFor(session)).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('device');
    if (row.revoked_at !== null) return deviceOf(row);
    const at = now();
    const revoked = { ...row, revoked_at: at.toISOString() };
    await db
      .updateTable('devices')
      .set({ revoked_at: revoked.revoked_at })
      .where('id', '=', id)
      .execute();
    await recordAudit(db, at, { actor: session.userId, action: 'device.revoked', subject: id });
    return deviceOf(revoked);
  });

  sessionRoute(
    app,
    auth,
    'devices.escrowKey',
    async (request, _reply, session): Promise<EscrowKey> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return escrowKeyFor(db, session.userId, id, now());
    },
  );

  sessionRoute(
    app,
    auth,
    'devices.recoveryCode',
    async (request, reply, session): Promise<IssuedRecoveryCode> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(IssueRecoveryCodeRequest, request.body ?? {}, 'body');
      const issued = await issueRecoveryCode(
        db,
        { userId: session.userId, deviceId: id, spentCodeId: body.spentCodeId },
        now(),
      );
      void reply.code(201);
      return issued;
    },
  );

  sessionRoute(
    app,
    auth,
    'admin.devices.recoveryCode',
    async (request, _reply, session): Promise<RevealedRecoveryCode> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const { reason } = parseInput(RevealRecoveryCodeRequest, request.body, 'body');
      return revealRecoveryCode(db, { adminId: session.userId, deviceId: id, reason }, now());
    },
  );
};
