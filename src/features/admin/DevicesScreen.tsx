/**
 * The officers' enrolled phones (`/admin/devices`): each phone's label, its
 * officer, when it was enrolled and whether it is revoked. "Revoke" asks once
 * more in the card (it cannot be undone) before the phone's enrolment ends;
 * the phone's next sync is then refused with a message telling the officer
 * to contact the administrator, and nothing unsent on it is lost. The duty
 * supervisor reads a phone's recovery code out from its card
 * (RecoveryCodeReveal.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDevices, type DeviceOf, type DevicesView } from '../../services/useAccounts';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { RecoveryCodeReveal } from './RecoveryCodeReveal';
import { LoadFailure, Loading } from './shared';
import './admin.css';

function RevokeControls({ entry, view }: { entry: DeviceOf; view: DevicesView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const label = entry.device.label;
  const owner = entry.owner?.displayName ?? entry.device.userId;
  const revoke = async () => {
    const r = await view.revoke(entry.device.id);
    setAsking(false);
    setSaid(
      r.ok
        ? { ok: true, text: t('accounts.devices.revoked', { label }) }
        : { ok: false, text: t(`admin.failure.${r.failure}`) },
    );
  };
  return (
    <>
      {!entry.device.revokedAt && !asking && (
        <Button
          variant="danger"
          onClick={() => setAsking(true)}
          aria-label={t('accounts.devices.revokeFor', { label, owner })}
        >
          {t('accounts.devices.revoke')}
        </Button>
      )}
      {asking && (
        <div role="group" aria-label={t('accounts.devices.revokeFor', { label, owner })}>
          <p>{t('accounts.devices.confirmText', { label })}</p>
          <p className="admin-links">
            <Button variant="danger-solid" disabled={view.sending} onClick={() => void revoke()}>
              {t('accounts.devices.confirm')}
            </Button>
            <Button onClick={() => setAsking(false)} autoFocus>
              {t('accounts.devices.cancel')}
            </Button>
          </p>
        </div>
      )}
      <ErrorNotice error={said && !said.ok ? said.text : null} />
      <p role="status">{said?.ok && said.text}</p>
    </>
  );
}

function DeviceCard({ entry, view }: { entry: DeviceOf; view: DevicesView }) {
  const { t, i18n } = useTranslation();
  const { device, owner } = entry;
  const when = (iso: string) => formatTime(iso, i18n.language);
  return (
    <li className="admin-card" data-testid="device-card" data-device-id={device.id}>
      <h2>{device.label}</h2>
      <p>
        {owner
          ? t('accounts.devices.owner', { name: owner.displayName, username: owner.username })
          : t('accounts.devices.unknownOwner', { id: device.userId })}
      </p>
      <p>
        {t('accounts.devices.enrolled', { time: when(device.createdAt) })} ·{' '}
        <span className={device.revokedAt ? 'badge delivery-disabled' : 'badge'}>
          {device.revokedAt
            ? t('accounts.devices.revokedAt', { time: when(device.revokedAt) })
            : t('accounts.devices.active')}
        </span>
      </p>
      <RecoveryCodeReveal entry={entry} view={view} />
      <RevokeControls entry={entry} view={view} />
    </li>
  );
}

export function DevicesScreen() {
  const { t } = useTranslation();
  const view = useDevices();
  const { devices } = view;
  return (
    <Page
      titleId="devices-title"
      title={t('accounts.devices.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="devices-screen"
    >
      <p>{t('accounts.devices.intro')}</p>
      {devices.status === 'loading' && <Loading />}
      {devices.status === 'failed' && (
        <LoadFailure failure={devices.failure} onRetry={view.reload} />
      )}
      {devices.status === 'ready' && devices.value.length === 0 && (
        <Notice>{t('accounts.devices.none')}</Notice>
      )}
      <ul className="admin-cards">
        {devices.value?.map((d) => (
          <DeviceCard key={d.device.id} entry={d} view={view} />
        ))}
      </ul>
    </Page>
  );
}
