/**
 * The case as the insurer sees it (InsurerCaseView): place and time, every
 * vehicle (the company's own marked) with its damage and liability share, the
 * insured drivers with their covers, the determination's law and article,
 * and the manifest the packet was built from.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsurerCaseView } from '../../contracts/claims';
import type { ClaimPacket } from '../../contracts/packets';
import { damagedPartLabel } from '../../domain/evidence/damaged-part';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';

type Vehicle = InsurerCaseView['vehicles'][number];
type PartyView = InsurerCaseView['parties'][number];

/** A term list of the rows that have a value. */
export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className="facts">
      {shown.map(([label, value]) => (
        <div key={label} className="insurer-dl-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function VehicleFacts({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const damage = vehicle.damagedParts
    .map((p) => (en ? damagedPartLabel(p).en : damagedPartLabel(p).zh))
    .join(en ? ', ' : '、');
  return (
    <li className={vehicle.insured ? 'insurer-vehicle insured' : 'insurer-vehicle'}>
      <h3>
        {t('insurer.view.vehicle', { label: vehicle.label, plate: vehicle.plate })}{' '}
        {vehicle.insured && <span className="badge insured">{t('insurer.view.insured')}</span>}
      </h3>
      <Facts
        rows={[
          [t('insurer.view.vehicleType'), vehicle.vehicleType],
          [t('insurer.view.vin'), vehicle.insured ? vehicle.vin : undefined],
          [t('insurer.view.owner'), vehicle.insured ? vehicle.owner : undefined],
          [t('insurer.view.damage'), damage || t('insurer.view.noDamage')],
          [
            t('insurer.view.liability'),
            vehicle.liability
              ? t(`insurer.liability.${vehicle.liability}`)
              : t('insurer.view.undecided'),
          ],
        ]}
      />
    </li>
  );
}

function PartyFacts({ party, vehicles }: { party: PartyView; vehicles: readonly Vehicle[] }) {
  const { t, i18n } = useTranslation();
  const vehicle = vehicles.find((v) => v.id === party.vehicleId);
  const covers = party.covers
    .map((c) => `${t(`insurer.cover.${c.kind}`)}${c.policyNumber ? ` ${c.policyNumber}` : ''}`)
    .join('；');
  const signature =
    party.signature &&
    t(`insurer.view.signature.${party.signature.kind}`, {
      time: formatTime(party.signature.at, i18n.language),
    });
  return (
    <li>
      <h3>{t('insurer.view.party', { name: party.name, plate: vehicle?.plate ?? '—' })}</h3>
      <Facts
        rows={[
          [t('insurer.view.idNumber'), party.idNumber],
          [t('insurer.view.licence'), party.licenceNumber],
          [t('insurer.view.phone'), party.phone],
          [t('insurer.view.covers'), covers || t('insurer.view.none')],
          [t('insurer.view.signed'), signature],
        ]}
      />
    </li>
  );
}

function Determination({ view }: { view: InsurerCaseView }) {
  const { t } = useTranslation();
  const d = view.determination;
  return (
    <Section titleId="insurer-determination" title={t('insurer.view.determination')}>
      {!d && <p>{t('insurer.view.noDetermination')}</p>}
      {d && (
        <>
          <ul>
            {d.basis.map((b) => (
              <li key={`${b.law}-${b.article}`}>{t('insurer.view.basis', b)}</li>
            ))}
          </ul>
          <Facts
            rows={[
              [
                t('insurer.view.overridden'),
                t(d.overridden ? 'insurer.view.yesOverridden' : 'insurer.view.noOverridden'),
              ],
              [
                t('insurer.view.amended'),
                t(d.amended ? 'insurer.view.yesAmended' : 'insurer.view.noAmended'),
              ],
              [t('insurer.view.catalog'), d.catalogVersion],
            ]}
          />
        </>
      )}
    </Section>
  );
}

export function PacketFacts({ packet }: { packet: ClaimPacket }) {
  const { t, i18n } = useTranslation();
  const view = packet.case;
  const at = (iso: string | undefined) => iso && formatTime(iso, i18n.language);
  const { location } = view;
  return (
    <>
      <Section titleId="insurer-place" title={t('insurer.view.place')}>
        <Facts
          rows={[
            [t('insurer.view.address'), location.address],
            [t('insurer.view.road'), [location.road, location.kmPost].filter(Boolean).join(' ')],
            [t('insurer.view.occurredAt'), at(view.occurredAt)],
            [t('insurer.view.arrivedAt'), at(view.arrivedAt)],
          ]}
        />
      </Section>
      <Section
        titleId="insurer-vehicles"
        title={t('insurer.view.vehicles', { count: view.vehicles.length })}
      >
        <ul className="insurer-plain">
          {view.vehicles.map((v) => (
            <VehicleFacts key={v.id} vehicle={v} />
          ))}
        </ul>
        {view.objects.length > 0 && (
          <p>
            {t('insurer.view.objects', {
              list: view.objects.map((o) => o.description ?? t('insurer.view.object')).join('、'),
            })}
          </p>
        )}
      </Section>
      <Section titleId="insurer-parties" title={t('insurer.view.parties')}>
        {view.parties.length === 0 && <p>{t('insurer.view.none')}</p>}
        <ul className="insurer-plain">
          {view.parties.map((p) => (
            <PartyFacts key={p.id} party={p} vehicles={view.vehicles} />
          ))}
        </ul>
      </Section>
      <Determination view={view} />
      <Section titleId="insurer-manifest" title={t('insurer.view.manifest')}>
        <Facts
          rows={[
            [t('insurer.view.manifestVersion'), String(packet.manifest.version)],
            [
              t('insurer.view.manifestHash'),
              <code key="hash" className="insurer-hash">
                {packet.manifest.hash}
              </code>,
            ],
            [t('insurer.view.issuedAt'), at(packet.issuedAt)],
          ]}
        />
      </Section>
    </>
  );
}
