/**
 * The simplified-procedure determination (道路交通事故认定书（简易程序）) as a
 * printable page and as a PDF made on the phone: in the reader's language,
 * or in Chinese and English when the officer ticks "bilingual".
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, PhotoMeta } from '../../domain';
import { useCase, usePhotos } from '../../services/useCase';
import { useSession } from '../../services/useSession';
import { Button } from '../../ui/Button';
import { Check } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import {
  determinationQrText,
  documentLabels,
  documentModel,
  type DocLabels,
  type DocLang,
  type DocOptions,
} from '../../documents/document-model';
import { DocumentPage } from './DocumentPage';
import { PartyConfirmQr } from './PartyConfirmQr';
import { useQrImage } from './qr';
import { useDeterminationHash } from './shared';
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

/** The unit of the officer who captured the case, when he is the one signed in. */
function useOfficerUnit(c: CaseRecord): string | undefined {
  const session = useSession();
  if (!session || session.kind === 'signed-out') return undefined;
  const user = session.session.user;
  return user.id === c.officer?.id ? (user.unit?.name ?? undefined) : undefined;
}

function useDocOptions(c: CaseRecord, bilingual: boolean): DocOptions {
  const { i18n } = useTranslation();
  const reader: DocLang = i18n.language === 'en' ? 'en' : 'zh';
  const unit = useOfficerUnit(c);
  return useMemo(() => {
    const other: DocLang = reader === 'zh' ? 'en' : 'zh';
    return {
      langs: bilingual ? [reader, other] : [reader],
      ...(unit && { officerUnit: unit }),
    };
  }, [reader, bilingual, unit]);
}

async function downloadPdf(
  c: CaseRecord,
  model: ReturnType<typeof documentModel>,
  labels: DocLabels,
  hash: string,
) {
  const { loadFont, makeDeterminationPdf } = await import('./pdf');
  const result = await makeDeterminationPdf(
    model,
    labels,
    hash,
    determinationQrText(c, hash),
    await loadFont(),
  );
  const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${c.caseNumber}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { size: blob.size, missing: result.missing.length };
}

type PdfState = { state: 'idle' | 'working' | 'done' | 'failed'; text?: string };

/** Making the PDF on the phone, and what came of it. */
function usePdfDownload(
  c: CaseRecord,
  model: ReturnType<typeof documentModel>,
  labels: DocLabels,
  determinationHash: string | null,
) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PdfState>({ state: 'idle' });
  const [missing, setMissing] = useState(0);
  const download = async () => {
    if (!determinationHash) return;
    setPdf({ state: 'working' });
    try {
      const made = await downloadPdf(c, model, labels, determinationHash);
      setMissing(made.missing);
      setPdf({ state: 'done', text: t('document.pdfDone', { size: formatBytes(made.size) }) });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setPdf({ state: 'failed', text: t('document.pdfFailed', { reason }) });
    }
  };
  return { pdf, missing, download };
}

function Determination({ c, photos }: { c: CaseRecord; photos: PhotoMeta[] }) {
  const { t } = useTranslation();
  const [bilingual, setBilingual] = useState(false);
  const options = useDocOptions(c, bilingual);
  const model = useMemo(() => documentModel(c, photos, options), [c, photos, options]);
  const labels = useMemo(() => documentLabels(options), [options]);
  // What every signature is bound to: anyone holding the case can recompute it.
  const determinationHash = useDeterminationHash(c);
  // The QR code of the determination's hash (what a checker scans).
  const qr = useQrImage(determinationHash && determinationQrText(c, determinationHash));
  const { pdf, missing, download } = usePdfDownload(c, model, labels, determinationHash);

  return (
    <section className="determination" aria-labelledby="doc-title">
      <div className="doc-actions">
        <Link href={`/cases/${c.id}`} className="back-link">
          ← {c.caseNumber}
        </Link>
        <Check
          className="check doc-bilingual"
          label={t('document.bilingual')}
          checked={bilingual}
          onCheck={setBilingual}
        />
        <div className="row">
          <Button onClick={() => window.print()}>{t('document.print')}</Button>
          <Button
            variant="primary"
            disabled={!determinationHash || pdf.state === 'working'}
            onClick={() => void download()}
          >
            {pdf.state === 'working' ? t('document.pdfWorking') : t('document.pdf')}
          </Button>
        </div>
        {pdf.text && (
          <Notice
            tone={pdf.state === 'failed' ? 'error' : 'ok'}
            role={pdf.state === 'failed' ? 'alert' : 'status'}
            data-testid="pdf-status"
          >
            {pdf.text}
          </Notice>
        )}
        {missing > 0 && (
          <Notice tone="warn">{t('document.pdfMissingGlyphs', { count: missing })}</Notice>
        )}
        <PartyConfirmQr c={c} determinationHash={determinationHash} />
      </div>
      <DocumentPage model={model} labels={labels} determinationHash={determinationHash} qr={qr} />
    </section>
  );
}
