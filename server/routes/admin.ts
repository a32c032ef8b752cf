/** /api/admin/*: accounts and configuration, for the admin role only. */
import type { FastifyPluginAsync } from 'fastify';
import {
  BrigadeSettingsRequest,
  ChangeRoleRequest,
  CreateInsurerRequest,
  CreateUnitRequest,
  CreateUserRequest,
  ResetPasswordRequest,
} from '../../src/contracts/admin';
import type {
  AdminUser,
  BrigadeList,
  BrigadeSettings,
  InsurerList,
  UnitList,
  UserList,
} from '../../src/contracts/admin';
import type { Insurer, Unit } from '../../src/contracts/auth';
import { listBrigades, updateBrigade } from '../brigade-settings';
import { IdParams } from '../../src/contracts/route';
import {
  AccountError,
  createUser,
  disableUser,
  findUser,
  listInsurers,
  listUnits,
  listUsers,
  resetPassword,
} from '../auth/accounts';
import type { AccountErrorReason } from '../auth/accounts';
import { addInsurer, addUnit, changeRole, enableUser } from '../auth/unit-admin';
import type { ScryptCost } from '../auth/passwords';
import { notFound } from '../auth/policy';
import { HttpError, parseInput } from '../errors';
import { sessionRoute, type RouteDeps } from './contract-route';

export interface AdminRoutesOptions extends RouteDeps {
  scryptCost?: ScryptCost | undefined;
}

const CONFLICTS: readonly AccountErrorReason[] = [
  'username_taken',
  'cannot_disable_self',
  'cannot_change_own_role',
  'last_admin',
  'unit_name_taken',
  'insurer_code_taken',
];

function asHttp(error: unknown): unknown {
  if (!(error instanceof AccountError)) return error;
  const status = CONFLICTS.includes(error.reason)
    ? 409
    : error.reason === 'unknown_user'
      ? 404
      : 400;
  return new HttpError(status, error.reason, error.message);
}

export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (
  app,
  { db, auth, now, scryptCost },
) => {
  sessionRoute(app, auth, 'admin.users.list', async (): Promise<UserList> => ({
    users: await listUsers(db),
  }));

  sessionRoute(
    app,
    auth,
    'admin.users.create',
    async (request, reply, session): Promise<AdminUser> => {
      const body = parseInput(CreateUserRequest, request.body, 'body');
      try {
        const user = await createUser(db, body, session.userId, now(), scryptCost);
        void reply.code(201);
        return user;
      } catch (error) {
        throw asHttp(error);
      }
    },
  );

  // Looked up by id only (the CLI also takes usernames).
  const userById = async (id: string) => {
    const user = await findUser(db, id);
    if (!user || user.id !== id) throw notFound('user');
    return user;
  };

  sessionRoute(
    app,
    auth,
    'admin.users.disable',
    async (request, _reply, session): Promise<AdminUser> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      await userById(id);
      return disableUser(db, id, session.userId, now()).catch((error: unknown) => {
        throw asHttp(error);
      });
    },
  );

  sessionRoute(
    app,
    auth,
    'admin.users.enable',
    async (request, _reply, session): Promise<AdminUser> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      await userById(id);
      return enableUser(db, id, session.userId, now());
    },
  );

  sessionRoute(
    app,
    auth,
    'admin.users.role',
    async (request, _reply, session): Promise<AdminUser> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(ChangeRoleRequest, request.body, 'body');
      await userById(id);
      return changeRole(db, id, body, session.userId, now()).catch((error: unknown) => {
        throw asHttp(error);
      });
    },
  );

  sessionRoute(app, auth, 'admin.users.password', async (request, reply, session) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const { password } = parseInput(ResetPasswordRequest, request.body, 'body');
    await userById(id);
    await resetPassword(db, id, password, session.userId, now(), scryptCost).catch(
      (error: unknown) => {
        throw asHttp(error);
      },
    );
    return reply.code(204).send();
  });

  sessionRoute(app, auth, 'admin.units.list', async (): Promise<UnitList> => ({
    units: await listUnits(db),
  }));
  sessionRoute(app, auth, 'admin.units.create', async (request, reply, session): Promise<Unit> => {
    const body = parseInput(CreateUnitRequest, request.body, 'body');
    const unit = await addUnit(db, body, session.userId, now()).catch((error: unknown) => {
      throw asHttp(error);
    });
    void reply.code(201);
    return unit;
  });
  sessionRoute(app, auth, 'admin.insurers.list', async (): Promise<InsurerList> => ({
    insurers: await listInsurers(db),
  }));
  sessionRoute(
    app,
    auth,
    'admin.insurers.create',
    async (request, reply, session): Promise<Insurer> => {
      const body = parseInput(CreateInsurerRequest, request.body, 'body');
      const insurer = await addInsurer(db, body, session.userId, now()).catch((error: unknown) => {
        throw asHttp(error);
      });
      void reply.code(201);
      return insurer;
    },
  );

  sessionRoute(app, auth, 'admin.brigades.list', async (): Promise<BrigadeList> => ({
    brigades: await listBrigades(db),
  }));

  sessionRoute(
    app,
    auth,
    'admin.brigades.settings',
    async (request, _reply, session): Promise<BrigadeSettings> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(BrigadeSettingsRequest, request.body, 'body');
      return updateBrigade(db, session.userId, id, body, now());
    },
  );
};
