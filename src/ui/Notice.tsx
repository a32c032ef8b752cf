/**
 * A notice on a screen: plain (information), `ok`, `warn` or `error`. An
 * error the officer must act on is an alert (ErrorNotice); a notice that
 * changes while the screen is open is a status.
 */
import type { HTMLAttributes } from 'react';
import { classNames } from './class-names';

export type Tone = 'ok' | 'warn' | 'error';

export interface NoticeProps extends HTMLAttributes<HTMLElement> {
  tone?: Tone | undefined;
  /** `div` when it holds paragraphs or buttons; a single line is a `p`. */
  as?: 'p' | 'div';
}

export function Notice({ tone, as: Tag = 'p', className, ...rest }: NoticeProps) {
  return <Tag className={classNames('notice', tone, className)} {...rest} />;
}

/** A failure in words, as an alert; nothing when there is none. */
export function ErrorNotice({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <Notice tone="error" role="alert">
      {error}
    </Notice>
  );
}
