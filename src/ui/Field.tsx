/**
 * A labelled form field: the label (`for` the control), an optional hint and
 * the messages that say what is wrong, both named by the control's
 * `aria-describedby`, and `aria-invalid` while there is a message. Screens
 * use TextField, TextArea and SelectField; `Field` alone frames any other
 * control (it hands the control its aria attributes).
 */
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { classNames } from './class-names';

/** What the control of a field must carry. */
export interface FieldAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  /** The control's id: the hint is `<id>-hint`, the messages `<id>-msg`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /**
   * What is wrong with the value, shown under the control. Give it (an empty
   * list or null when nothing is wrong) for a field that can be wrong: the
   * messages' live region is then always there, so a screen reader hears a
   * message appear.
   */
  errors?: readonly string[] | string | null | undefined;
  /** An error that interrupts (it answers a refused submit), instead of waiting politely. */
  urgent?: boolean | undefined;
  /**
   * For one message about several fields (shown under the last of them): the
   * other fields are invalid and described by that field's messages.
   */
  sharedErrors?: { id: string; invalid: boolean } | undefined;
  className?: string | undefined;
}

export interface FieldProps extends FieldFrameProps {
  children: (aria: FieldAria) => ReactNode;
}

function messagesOf(errors: FieldFrameProps['errors']): readonly string[] {
  if (errors === undefined || errors === null) return [];
  return typeof errors === 'string' ? [errors] : errors;
}

export function Field({
  id,
  label,
  hint,
  errors,
  urgent,
  sharedErrors,
  className,
  children,
}: FieldProps) {
  const messages = messagesOf(errors);
  const hintId = hint ? `${id}-hint` : undefined;
  const messagesId = `${id}-msg`;
  const shared = sharedErrors?.invalid ? `${sharedErrors.id}-msg` : undefined;
  const invalid = messages.length > 0 || shared !== undefined;
  const describedBy = [hintId, messages.length > 0 ? messagesId : undefined, shared]
    .filter((x) => x !== undefined)
    .join(' ');
  return (
    <div className={classNames('field', className)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {errors !== undefined && (
        <div id={messagesId} className="field-messages" aria-live="polite">
          {messages.map((m) => (
            <p key={m} className="field-error" role={urgent ? 'alert' : undefined}>
              {m}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

type Controlled = 'id' | 'value' | 'onChange' | 'onBlur' | 'aria-invalid' | 'aria-describedby';

/** Splits a field's props into the frame's and the control's own. */
function splitFrame<P extends FieldFrameProps>(
  props: P,
): [FieldFrameProps, Omit<P, keyof FieldFrameProps>] {
  const { id, label, hint, errors, urgent, sharedErrors, className, ...control } = props;
  return [{ id, label, hint, errors, urgent, sharedErrors, className }, control];
}

export interface TextFieldProps
  extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, Controlled | 'className'> {
  value: string;
  onValue(value: string): void;
  /** On leaving the field, e.g. to normalise what was typed. */
  onLeave?: ((value: string) => void) | undefined;
}

export function TextField(props: TextFieldProps) {
  const [frame, { onValue, onLeave, ...input }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(aria) => (
        <input
          id={frame.id}
          {...input}
          {...aria}
          onChange={(e) => onValue(e.target.value)}
          onBlur={onLeave && ((e) => onLeave(e.target.value))}
        />
      )}
    </Field>
  );
}

export interface TextAreaProps
  extends
    FieldFrameProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Controlled | 'className'> {
  value: string;
  onValue(value: string): void;
}

export function TextArea(props: TextAreaProps) {
  const [frame, { onValue, ...textarea }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(aria) => (
        <textarea id={frame.id} {...textarea} {...aria} onChange={(e) => onValue(e.target.value)} />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /** A separator line that cannot be chosen. */
  disabled?: boolean;
}

export interface SelectFieldProps
  extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, Controlled | 'className'> {
  value: string;
  options: readonly SelectOption[];
  /** A first, empty choice ("not chosen"), when the field may stay empty. */
  none?: string | undefined;
  onValue(value: string): void;
}

export function SelectField(props: SelectFieldProps) {
  const [frame, { options, none, onValue, ...select }] = splitFrame(props);
  return (
    <Field {...frame}>
      {(aria) => (
        <select id={frame.id} {...select} {...aria} onChange={(e) => onValue(e.target.value)}>
          {none !== undefined && <option value="">{none}</option>}
          {options.map((o, i) => (
            <option key={o.disabled ? `-${i}` : o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface CheckProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked' | 'onChange'
> {
  label: ReactNode;
  checked: boolean;
  onCheck(checked: boolean): void;
}

/** A checkbox inside its label (class `check`, or `radio` for the looser row style). */
export function Check({ label, checked, onCheck, className, ...input }: CheckProps) {
  return (
    <label className={className ?? 'check'}>
      <input
        type="checkbox"
        checked={checked}
        {...input}
        onChange={(e) => onCheck(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}
