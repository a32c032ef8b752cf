/**
 * A photo as a thumbnail that opens it (PhotoThumb), and full size in a
 * modal dialog with zoom (buttons, or + − 0 on the keyboard). Esc closes it
 * and the focus goes back to the control that opened it. The words come by
 * props (each feature has its own). PhotoThumbList: thumbnails, one opened at a time.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { classNames } from './class-names';

export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

/** The next zoom step for a key (`+`/`=`, `-`, `0`), or undefined for any other key. */
export function zoomForKey(key: string, step: number): number | undefined {
  if (key === '+' || key === '=') return Math.min(step + 1, ZOOM_STEPS.length - 1);
  if (key === '-' || key === '_') return Math.max(step - 1, 0);
  if (key === '0') return 0;
  return undefined;
}

export interface PhotoDialogWords {
  /** The dialog's heading. */
  title: string;
  /** Under the heading: the keys, and e.g. when it was taken. */
  description: string;
  zoomIn: string;
  zoomOut: string;
  reset: string;
  close: string;
  /** The zoom now, in words ("150%"). */
  zoom(percent: number): string;
}

/**
 * The dialog's words from a feature's messages under `prefix`: `dialog`
 * (with `slot`), `keys`, `zoomIn`, `zoomOut`, `reset`, `close`, `zoom`
 * (with `percent`); `extra` is said after the keys.
 */
export function photoDialogWords(
  t: TFunction,
  prefix: string,
  slot: string,
  extra = '',
): PhotoDialogWords {
  return {
    title: t(`${prefix}.dialog`, { slot }),
    description: `${t(`${prefix}.keys`)}${extra === '' ? '' : ` ${extra}`}`,
    zoomIn: t(`${prefix}.zoomIn`),
    zoomOut: t(`${prefix}.zoomOut`),
    reset: t(`${prefix}.reset`),
    close: t(`${prefix}.close`),
    zoom: (percent) => t(`${prefix}.zoom`, { percent }),
  };
}

export interface PhotoDialogProps {
  /** The photo's name (its alternative text). */
  name: string;
  url: string;
  /** Takes the focus back when the dialog closes. */
  opener: HTMLElement;
  words: PhotoDialogWords;
  onClose(): void;
}

export function PhotoDialog({ name, url, opener, words, onClose }: PhotoDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState(0);
  useEffect(() => {
    const dialog = ref.current;
    // showModal makes the rest of the page inert: the focus stays in the dialog.
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => opener.focus();
  }, [opener]);
  const onKey = (e: KeyboardEvent) => {
    const next = zoomForKey(e.key, step);
    if (next === undefined) return;
    e.preventDefault();
    setStep(next);
  };
  const zoom = ZOOM_STEPS[step] ?? 1;
  return (
    <dialog
      ref={ref}
      className="photo-dialog"
      aria-labelledby="photo-dialog-title"
      aria-describedby="photo-dialog-keys"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKey}
      data-testid="photo-dialog"
    >
      <h2 id="photo-dialog-title">{words.title}</h2>
      <p id="photo-dialog-keys" className="muted">
        {words.description}
      </p>
      <div className="photo-dialog-tools">
        <Button onClick={() => setStep((s) => Math.max(s - 1, 0))} disabled={step === 0}>
          {words.zoomOut}
        </Button>
        <Button
          onClick={() => setStep((s) => Math.min(s + 1, ZOOM_STEPS.length - 1))}
          disabled={step === ZOOM_STEPS.length - 1}
        >
          {words.zoomIn}
        </Button>
        <Button onClick={() => setStep(0)}>{words.reset}</Button>
        <span role="status">{words.zoom(Math.round(zoom * 100))}</span>
        <Button variant="primary" onClick={onClose}>
          {words.close}
        </Button>
      </div>
      <div className="photo-dialog-view" tabIndex={0} aria-label={name}>
        <img src={url} alt={name} style={{ width: `${zoom * 100}%` }} />
      </div>
    </dialog>
  );
}

export interface PhotoThumbProps {
  /** The photo's object URL; undefined while it loads, 'failed' when it cannot be had. */
  url: string | 'failed' | undefined;
  title: string;
  /** The button's name ("open full size: …"). */
  openLabel: string;
  /** What a photo that cannot be had says instead. */
  failedText: string;
  onOpen(url: string, opener: HTMLButtonElement): void;
  className?: string | undefined;
}

export function PhotoThumb({
  url,
  title,
  openLabel,
  failedText,
  onOpen,
  className,
}: PhotoThumbProps) {
  if (url === 'failed') return <p className="notice error">{failedText}</p>;
  return (
    <button
      type="button"
      className={classNames('photo-thumb', className)}
      aria-label={openLabel}
      disabled={url === undefined}
      onClick={(e) => url && onOpen(url, e.currentTarget)}
    >
      {url && <img src={url} alt="" />}
      <span>{title}</span>
    </button>
  );
}

/** A photo a thumbnail opened: its title, its URL and the button to return the focus to. */
export interface OpenedPhoto {
  title: string;
  url: string;
  opener: HTMLButtonElement;
}

/** Thumbnails in a list, one opened at a time in the PhotoDialog. */
export function PhotoThumbList<T>({
  items,
  keyOf,
  thumb,
  words,
  testId,
}: {
  items: readonly T[];
  keyOf(item: T): string;
  /** One thumbnail (a component reading its own photo); `onOpen` opens it full size. */
  thumb(item: T, index: number, onOpen: (o: OpenedPhoto) => void): ReactNode;
  words(title: string): PhotoDialogWords;
  testId?: string;
}) {
  const [open, setOpen] = useState<OpenedPhoto>();
  return (
    <>
      <ul className="photo-thumbs" data-testid={testId}>
        {items.map((item, i) => (
          <li key={keyOf(item)}>{thumb(item, i, setOpen)}</li>
        ))}
      </ul>
      {open && (
        <PhotoDialog
          name={open.title}
          url={open.url}
          opener={open.opener}
          onClose={() => setOpen(undefined)}
          words={words(open.title)}
        />
      )}
    </>
  );
}
