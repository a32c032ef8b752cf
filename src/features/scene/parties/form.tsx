/**
 * What every field of the parties screen shares: the edit actions (each one
 * written through to the phone at once) and the draft checks' messages, shown
 * under the field they concern once the officer has left it.
 */
import { createContext, useContext } from 'react';
import type { Id, PartyPatch, VehiclePatch } from '../../../domain';
import { TextField as KitTextField, type TextFieldProps } from '../../../ui/Field';

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

/**
 * A text field of the parties screen: the draft checks' messages for `path`
 * under it (revealed when the officer leaves it), nothing typed suggested by
 * the browser.
 */
export interface PartyTextFieldProps extends Omit<TextFieldProps, 'errors'> {
  /** Where the draft checks report this field, if they check it. */
  path?: readonly string[] | undefined;
}

export function TextField({ path, onLeave, ...field }: PartyTextFieldProps) {
  const form = usePartiesForm();
  return (
    <KitTextField
      autoComplete="off"
      {...field}
      errors={path ? form.messagesAt(path) : undefined}
      onLeave={(value) => {
        onLeave?.(value);
        if (path) form.reveal(path);
      }}
    />
  );
}
