/**
 * What every field of the parties screen shares: the edit actions (each one
 * written through to the phone at once) and the draft checks' messages, shown
 * under the field they concern once the officer has left it.
 */
import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Id, PartyPatch, VehiclePatch } from '../../../domain';

export interface PartiesForm {
  /** The messages for the field at `path`, in the current language; empty until revealed. */
  messagesAt(path: readonly string[]): string[];
  /** Shows the messages of these fields from now on. */
  reveal(...paths: (readonly string[])[]): void;
  editVehicle(vehicleId: Id, patch: VehiclePatch): void;
  editParty(partyId: Id, patch: PartyPatch): void;
  /** Which side of a `BilingualText` to show. */
  lang: 'zh' | 'en';
}

export const PartiesFormContext = createContext<PartiesForm | null>(null);

export function usePartiesForm(): PartiesForm {
  const form = useContext(PartiesFormContext);
  if (!form) throw new Error('usePartiesForm outside PartiesFormContext');
  return form;
}

/** The suggestions lists of the screen (one `<datalist>` each). */
export const INSURERS_LIST = 'kc-insurers';
export const FIXED_OBJECTS_LIST = 'kc-fixed-objects';

/** `''` is stored as an absent optional field. */
export const optional = (value: string): string | undefined => (value === '' ? undefined : value);

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  path?: readonly string[] | undefined;
  children: (aria: {
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** Label, hint, the control, and the messages that describe it. */
function FieldFrame({ id, label, hint, path, children }: FieldFrameProps) {
  const form = usePartiesForm();
  const messages = path ? form.messagesAt(path) : [];
  const hintId = hint ? `${id}-hint` : undefined;
  const messagesId = `${id}-msg`;
  const describedBy = [hintId, messages.length > 0 ? messagesId : undefined]
    .filter((x) => x !== undefined)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        'aria-invalid': messages.length > 0 ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {/* Always present, so a screen reader hears a message appear. */}
      <div id={messagesId} className="field-messages" aria-live="polite">
        {messages.map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'onBlur' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  hint?: string | undefined;
  /** Where the draft checks report this field, if they check it. */
  path?: readonly string[] | undefined;
  onValue(value: string): void;
  /** On leaving the field, e.g. to normalise what was typed. */
  onLeave?: ((value: string) => void) | undefined;
}

export function TextField({
  id,
  label,
  value,
  hint,
  path,
  onValue,
  onLeave,
  ...input
}: TextFieldProps) {
  const form = usePartiesForm();
  return (
    <FieldFrame id={id} label={label} hint={hint} path={path}>
      {(aria) => (
        <input
          id={id}
          value={value}
          autoComplete="off"
          {...input}
          {...aria}
          onChange={(e) => onValue(e.target.value)}
          onBlur={(e) => {
            onLeave?.(e.target.value);
            if (path) form.reveal(path);
          }}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  /** The first, empty choice. */
  none: string;
  options: readonly { value: string; label: string }[];
  onValue(value: string): void;
}

export function SelectField({ id, label, value, none, options, onValue }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label}>
      {(aria) => (
        <select id={id} value={value} {...aria} onChange={(e) => onValue(e.target.value)}>
          <option value="">{none}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
