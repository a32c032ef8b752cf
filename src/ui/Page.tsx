/**
 * The frame of a screen (Page: the way back, the one `h1`, named by it) and
 * of a part of one (Section: an `h2` that names it).
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from './router';

export interface PageProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The id of the `h1`, which names the page for assistive technology. */
  titleId: string;
  title: ReactNode;
  /** The way back, shown above the title as "← label". */
  back?: { href: string; label: ReactNode } | undefined;
  /** The title can take the focus (after the page removed what had it). */
  focusableTitle?: boolean | undefined;
}

export function Page({ titleId, title, back, focusableTitle, children, ...rest }: PageProps) {
  return (
    <section aria-labelledby={titleId} {...rest}>
      {back && (
        <Link href={back.href} className="back-link">
          ← {back.label}
        </Link>
      )}
      <h1 id={titleId} tabIndex={focusableTitle ? -1 : undefined}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export interface SectionProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  titleId: string;
  title: ReactNode;
  children?: ReactNode;
}

export function Section({ titleId, title, children, ...rest }: SectionProps) {
  return (
    <section aria-labelledby={titleId} {...rest}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
