/**
 * The determination page on screen and on paper, from the same model as the
 * PDF. Each translated text shows in the reader's language, the other one
 * beside it in grey when the document is bilingual. The parties are cards, so
 * a 360 px screen never squeezes a name to one character per line.
 */
import type { ReactNode } from 'react';
import {
  supersededText,
  type DocLabels,
  type DocLang,
  type DocumentModel,
  type Words,
} from '../../documents/document-model';

const HTML_LANG: Record<DocLang, string> = { zh: 'zh-CN', en: 'en' };

function W({ words, langs }: { words: Words; langs: readonly DocLang[] }) {
  return (
    <>
      {words.map((w, i) => {
        const lang = langs[i] ?? 'zh';
        return i === 0 ? (
          <span key={lang} lang={HTML_LANG[lang]}>
            {w}
          </span>
        ) : (
          <span key={lang}>
            {' '}
            <span lang={HTML_LANG[lang]} className="en">
              {w}
            </span>
          </span>
        );
      })}
    </>
  );
}

function Fact({
  label,
  children,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** A document label in the document's languages. */
type Label = (key: string) => ReactNode;

interface PartProps {
  model: DocumentModel;
  L: Label;
}

export function DocumentPage({
  model,
  labels,
  determinationHash,
  qr,
}: {
  model: DocumentModel;
  labels: DocLabels;
  determinationHash: string | null;
  qr: string | null;
}) {
  const langs = model.langs;
  const L: Label = (k) => <W words={labels[k] ?? [k]} langs={langs} />;
  return (
    <article className="doc-page" lang={HTML_LANG[langs[0] ?? 'zh']}>
      <h1 id="doc-title">
        {(labels['title'] ?? []).map((t, i) =>
          i === 0 ? (
            <span key={t}>{t}</span>
          ) : (
            <small key={t} lang={HTML_LANG[langs[i] ?? 'en']} className="en">
              {t}
            </small>
          ),
        )}
      </h1>
      <DocFacts model={model} L={L} />
      <DocParties model={model} L={L} />
      <DocLiability model={model} L={L} />
      <DocFindings model={model} L={L} />
      <DocPhotos model={model} L={L} />
      <div className="doc-closing">
        <DocSignatures model={model} L={L} labels={labels} />
        <h2>{L('manifest')}</h2>
        <p>
          <code data-testid="doc-hash">{determinationHash ?? '…'}</code>
        </p>
        {qr && (
          <img src={qr} alt={determinationHash ?? ''} className="doc-qr" data-testid="doc-qr" />
        )}
        {model.catalogVersion && (
          <p className="muted">
            {L('catalog')}: {model.catalogVersion}
          </p>
        )}
      </div>
    </article>
  );
}

function DocFacts({ model, L }: PartProps) {
  return (
    <dl className="doc-facts">
      <Fact label={L('caseNumber')} testId="doc-case-number">
        {model.caseNumber}
      </Fact>
      <Fact label={L('place')} testId="doc-place">
        {model.place}
      </Fact>
      <Fact label={L('occurredAt')} testId="doc-occurred-at">
        {model.occurredAt ?? L('notRecorded')}
      </Fact>
      <Fact label={L('arrivedAt')}>{model.arrivedAt}</Fact>
      {model.officer && (
        <Fact label={L('officer')} testId="doc-officer">
          {[model.officer.name, model.officer.unit].filter(Boolean).join(' · ')}
        </Fact>
      )}
    </dl>
  );
}

function DocParties({ model, L }: PartProps) {
  return (
    <>
      <h2>{L('vehicles')}</h2>
      <ul className="doc-parties" data-testid="doc-parties">
        {model.parties.map((p) => (
          <li key={p.label} className="doc-party">
            <h3>
              {L('vehicle')} {p.label} <span className="plate">{p.plate}</span>
            </h3>
            <dl>
              <Fact label={L('driver')}>
                <span data-testid="party-name">{p.name}</span>
              </Fact>
              {p.idNumber && (
                <Fact label={L('idNumber')} testId="party-id">
                  {p.idNumber}
                </Fact>
              )}
              {p.licenceNumber && <Fact label={L('licenceNumber')}>{p.licenceNumber}</Fact>}
              {p.phone && <Fact label={L('phone')}>{p.phone}</Fact>}
              {p.insurance.map((i) => (
                <Fact key={i.kind[0]} label={<W words={i.kind} langs={model.langs} />}>
                  {i.insurer}
                  {i.policyNumber && (
                    <>
                      <br />
                      {L('policyNumber')}: {i.policyNumber}
                    </>
                  )}
                </Fact>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function DocLiability({ model, L }: PartProps) {
  const langs = model.langs;
  return (
    <>
      <h2>{L('liability')}</h2>
      {model.liability.length === 0 && <p>{L('noDetermination')}</p>}
      <ul data-testid="doc-liability">
        {model.liability.map((l) => (
          <li key={l.label} data-vehicle={l.label}>
            <strong>{l.label}</strong> <W words={l.level} langs={langs} />
          </li>
        ))}
      </ul>
      {model.override && (
        <div className="doc-override" data-testid="doc-override">
          <p>
            {L('override')}: <W words={model.override.levels} langs={langs} />
          </p>
          <p>
            {L('overrideReason')}: {model.override.reason}
          </p>
          {model.proposal && (
            <p className="muted">
              {L('proposal')}: <W words={model.proposal} langs={langs} />
            </p>
          )}
        </div>
      )}
    </>
  );
}

function DocFindings({ model, L }: PartProps) {
  return (
    <>
      <h2>{L('explanation')}</h2>
      <ol className="doc-findings">
        {model.findings.map((f, i) => (
          <li key={i} data-testid="doc-finding">
            {f.explanation.map((e, j) => (
              <p
                key={j}
                lang={HTML_LANG[model.langs[j] ?? 'zh']}
                className={j > 0 ? 'en' : undefined}
              >
                {e}
              </p>
            ))}
            <p className="basis" data-testid="doc-basis">
              {L('basis')}: {f.basis.join('；')}
            </p>
          </li>
        ))}
      </ol>
      <p className="doc-rights" data-testid="doc-rights">
        {L('rights')}
      </p>
    </>
  );
}

function DocPhotos({ model, L }: PartProps) {
  return (
    <>
      <h2>{L('photos')}</h2>
      {model.photos.length === 0 ? (
        <p>{L('noPhotos')}</p>
      ) : (
        <ul className="doc-hashes" data-testid="doc-photos">
          {model.photos.map((p) => (
            <li key={p.sha256}>
              <W words={p.title} langs={model.langs} />
              <br />
              <code>{p.sha256}</code>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Each party's signature, refusal or objection, a review flag, and superseded determinations. */
function DocSignatures({ model, L, labels }: PartProps & { labels: DocLabels }) {
  const langs = model.langs;
  const fill = (k: string, reason: string) =>
    (labels[k] ?? [k]).map((x) => x.replace('{{reason}}', reason));
  return (
    <>
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
                <W words={fill('refusedNote', s.reason ?? '')} langs={langs} />
              </p>
            )}
            {s.kind === 'signed' && s.reason && (
              <p>
                <W words={fill('objectionNote', s.reason)} langs={langs} />
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
      {model.superseded.length > 0 && (
        <section data-testid="doc-superseded" className="doc-superseded">
          <h3>{L('superseded')}</h3>
          <ul>
            {model.superseded.map((a) => (
              <li key={a.sha256}>
                <W words={supersededText(labels, a)} langs={langs} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
