/**
 * The simplified-procedure determination (道路交通事故认定书（简易程序）) as a
 * printable page in Chinese and English, and as a PDF made on the phone.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next, { type TFunction } from 'i18next';
import type { CaseRecord, PhotoMeta } from '../../domain';
import { useCase, usePhotos } from '../../services/useCase';
import { formatBytes } from '../../ui/format';
import { Link } from '../../ui/router';
import { determinationQrText, documentModel, type DocumentModel } from './document-model';
import { useDeterminationHash } from './shared';
import type { PdfLabels } from './pdf';
import './liability.css';
import './document.css';

export function DeterminationDocument({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  const photos = usePhotos(id);
  if (result === undefined || photos === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Determination c={result.value} photos={photos} />;
}

const LABEL_KEYS = [
  'title',
  'caseNumber',
  'place',
  'occurredAt',
  'arrivedAt',
  'vehicles',
  'liability',
  'basis',
  'explanation',
  'override',
  'overrideReason',
  'proposal',
  'signatures',
  'notSigned',
  'flagged',
  'photos',
  'noPhotos',
  'manifest',
  'catalog',
  'rights',
] as const;

function pdfLabels(zh: TFunction, en: TFunction): PdfLabels {
  const labels: PdfLabels = {};
  for (const k of LABEL_KEYS) labels[k] = { zh: zh(`document.${k}`), en: en(`document.${k}`) };
  labels['title'] = { zh: zh('document.title'), en: zh('document.titleEn') };
  const keep = { reason: '{{reason}}' };
  labels['refusedNote'] = {
    zh: zh('document.refusedNote', keep),
    en: en('document.refusedNote', keep),
  };
  labels['objection'] = {
    zh: zh('document.objectionNote', { reason: '' }).replace(/[：:]\s*$/, ''),
    en: en('document.objectionNote', { reason: '' }).replace(/[：:]\s*$/, ''),
  };
  return labels;
}

function Determination({ c, photos }: { c: CaseRecord; photos: PhotoMeta[] }) {
  const { t } = useTranslation();
  const zh = useMemo(() => i18next.getFixedT('zh-CN'), []);
  const en = useMemo(() => i18next.getFixedT('en'), []);
  const model = useMemo(() => documentModel(c, photos, zh, en), [c, photos, zh, en]);
  // What every signature is bound to: anyone holding the case can recompute it.
  const determinationHash = useDeterminationHash(c);
  const [qr, setQr] = useState<string | null>(null);
  const [pdf, setPdf] = useState<{ state: 'idle' | 'working' | 'done' | 'failed'; text?: string }>({
    state: 'idle',
  });
  const [missing, setMissing] = useState(0);

  useEffect(() => {
    if (!determinationHash) return;
    let live = true;
    void import('qrcode')
      .then((QRCode) =>
        QRCode.toDataURL(determinationQrText(c, determinationHash), {
          errorCorrectionLevel: 'M',
          margin: 1,
          width: 240,
        }),
      )
      .then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [determinationHash, c]);

  const download = async () => {
    if (!determinationHash) return;
    setPdf({ state: 'working' });
    try {
      const { loadFont, makeDeterminationPdf } = await import('./pdf');
      const result = await makeDeterminationPdf(
        model,
        pdfLabels(zh, en),
        determinationHash,
        determinationQrText(c, determinationHash),
        await loadFont(),
      );
      setMissing(result.missing.length);
      const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${c.caseNumber}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setPdf({ state: 'done', text: t('document.pdfDone', { size: formatBytes(blob.size) }) });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setPdf({ state: 'failed', text: t('document.pdfFailed', { reason }) });
    }
  };

  return (
    <section className="determination" aria-labelledby="doc-title">
      <div className="doc-actions">
        <Link href={`/cases/${c.id}`} className="back-link">
          ← {c.caseNumber}
        </Link>
        <div className="row">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('document.print')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!determinationHash || pdf.state === 'working'}
            onClick={() => void download()}
          >
            {pdf.state === 'working' ? t('document.pdfWorking') : t('document.pdf')}
          </button>
        </div>
        {pdf.text && (
          <p
            className={pdf.state === 'failed' ? 'notice error' : 'notice ok'}
            role={pdf.state === 'failed' ? 'alert' : 'status'}
            data-testid="pdf-status"
          >
            {pdf.text}
          </p>
        )}
        {missing > 0 && (
          <p className="notice warn">{t('document.pdfMissingGlyphs', { count: missing })}</p>
        )}
      </div>
      <DocumentPage model={model} zh={zh} en={en} determinationHash={determinationHash} qr={qr} />
    </section>
  );
}

function Pair({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      <span lang="zh-CN">{zh}</span>{' '}
      <span lang="en" className="en">
        {en}
      </span>
    </>
  );
}

function DocumentPage({
  model,
  zh,
  en,
  determinationHash,
  qr,
}: {
  model: DocumentModel;
  zh: TFunction;
  en: TFunction;
  determinationHash: string | null;
  qr: string | null;
}) {
  const L = (k: string) => <Pair zh={zh(`document.${k}`)} en={en(`document.${k}`)} />;
  return (
    <article className="doc-page">
      <h1 id="doc-title">
        <span lang="zh-CN">{zh('document.title')}</span>
        <small lang="en" className="en">
          {zh('document.titleEn')}
        </small>
      </h1>
      <dl className="doc-facts">
        <dt>{L('caseNumber')}</dt>
        <dd data-testid="doc-case-number">{model.caseNumber}</dd>
        <dt>{L('place')}</dt>
        <dd>{model.place}</dd>
        {model.occurredAt && (
          <>
            <dt>{L('occurredAt')}</dt>
            <dd>{model.occurredAt}</dd>
          </>
        )}
        <dt>{L('arrivedAt')}</dt>
        <dd>{model.arrivedAt}</dd>
      </dl>

      <h2>{L('vehicles')}</h2>
      <table className="doc-table">
        <tbody>
          {model.vehicles.map((v) => (
            <tr key={v.label}>
              <th>{v.label}</th>
              <td>{v.plate}</td>
              <td>{v.driver}</td>
              <td>{[v.phone, v.insurer].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{L('liability')}</h2>
      {model.liability.length === 0 && <p>{L('noDetermination')}</p>}
      <ul data-testid="doc-liability">
        {model.liability.map((l) => (
          <li key={l.label} data-vehicle={l.label}>
            <strong>{l.label}</strong> <Pair zh={l.level.zh} en={l.level.en} />
          </li>
        ))}
      </ul>
      {model.override && (
        <div className="doc-override" data-testid="doc-override">
          <p>
            {L('override')}: <Pair zh={model.override.levels.zh} en={model.override.levels.en} />
          </p>
          <p>
            {L('overrideReason')}: {model.override.reason}
          </p>
          {model.proposal && (
            <p className="muted">
              {L('proposal')}: {model.proposal}
            </p>
          )}
        </div>
      )}

      <h2>{L('explanation')}</h2>
      <ol className="doc-findings">
        {model.findings.map((f, i) => (
          <li key={i} data-testid="doc-finding">
            <p lang="zh-CN">{f.explanation.zh}</p>
            <p lang="en" className="en">
              {f.explanation.en}
            </p>
            <p className="basis" data-testid="doc-basis">
              {L('basis')}: {f.basis.join('；')}
            </p>
          </li>
        ))}
      </ol>
      <p className="doc-rights">
        <span lang="zh-CN">{zh('document.rights')}</span>
        <br />
        <span lang="en" className="en">
          {en('document.rights')}
        </span>
      </p>

      <h2>{L('signatures')}</h2>
      <ul className="doc-signatures" data-testid="doc-signatures">
        {model.signatures.map((s) => (
          <li key={`${s.label}${s.name}`} data-kind={s.kind}>
            <p>
              <strong>{s.label}</strong> {s.name} {s.at && <span className="muted">{s.at}</span>}
            </p>
            {s.image && <img src={s.image} alt={s.name} className="signature-image" />}
            {s.kind === 'refused' && (
              <p className="refused" data-testid="doc-refusal">
                <Pair
                  zh={zh('document.refusedNote', { reason: s.reason ?? '' })}
                  en={en('document.refusedNote', { reason: s.reason ?? '' })}
                />
              </p>
            )}
            {s.kind === 'signed' && s.reason && (
              <p>
                <Pair
                  zh={zh('document.objectionNote', { reason: s.reason })}
                  en={en('document.objectionNote', { reason: s.reason })}
                />
              </p>
            )}
            {s.kind === 'missing' && <p className="muted">{L('notSigned')}</p>}
          </li>
        ))}
      </ul>
      {model.flagged && (
        <p className="doc-flagged" data-testid="doc-flagged">
          {L('flagged')}: {model.flagged}
        </p>
      )}

      <h2>{L('photos')}</h2>
      {model.photos.length === 0 ? (
        <p>{L('noPhotos')}</p>
      ) : (
        <ul className="doc-hashes">
          {model.photos.map((p) => (
            <li key={p.sha256}>
              <code>{p.sha256}</code> <span className="muted">{p.slot}</span>
            </li>
          ))}
        </ul>
      )}

      <h2>{L('manifest')}</h2>
      <p>
        <code data-testid="doc-hash">{determinationHash ?? '…'}</code>
      </p>
      {qr && <img src={qr} alt={determinationHash ?? ''} className="doc-qr" data-testid="doc-qr" />}
      {model.catalogVersion && (
        <p className="muted">
          {L('catalog')}: {model.catalogVersion}
        </p>
      )}
    </article>
  );
}
