/**
 * Buttons and links that look like buttons: 48 px targets, one look per
 * weight (`primary` for the way on, `danger` for what removes), `block` for
 * the full width of a phone.
 */
import type { AnchorHTMLAttributes, ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';
import { Link } from './router';

export interface ButtonLook {
  variant?: 'primary' | 'danger' | 'danger-solid' | undefined;
  /** The full width, with room above. */
  block?: boolean | undefined;
}

const lookOf = ({ variant, block }: ButtonLook, className: string | undefined) =>
  classNames('button', variant, block && 'block', className);

/** A button's own props, `ref` included (React 19 passes it as a prop). */
export type ButtonProps = ButtonLook & ComponentPropsWithRef<'button'>;

/** A `<button>`, `type="button"` unless it submits its form. */
export function Button({ variant, block, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={lookOf({ variant, block }, className)} {...rest} />;
}

export type ButtonLinkProps = ButtonLook &
  AnchorHTMLAttributes<HTMLAnchorElement> & {
    href: string;
  };

/** A link (the app's router) that looks like a button: the way to another screen. */
export function ButtonLink({ variant, block, className, ...rest }: ButtonLinkProps) {
  return <Link className={lookOf({ variant, block }, className)} {...rest} />;
}
