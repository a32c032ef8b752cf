/**
 * Pictogram answers for the fact questions: a radio choice drawn as a
 * pictogram with its label, and the grid that folds to the chosen one.
 */
import { useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/**
 * A grid of pictogram choices that folds to the chosen one once answered, so
 * the next question comes into view; "change" opens it again.
 */
export function PictoGrid({
  chosen,
  options,
}: {
  chosen: string | undefined;
  options: JSX.Element[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(chosen === undefined);
  const [seen, setSeen] = useState(chosen);
  if (seen !== chosen) {
    // A new answer folds the grid.
    setSeen(chosen);
    setOpen(chosen === undefined);
  }
  const shown = open ? options : options.filter((o) => o.props.value === chosen);
  return (
    <div className="picto-fold">
      <div className="picto-grid" role="radiogroup">
        {shown}
      </div>
      {!open && <Button onClick={() => setOpen(true)}>{t('liability.change')}</Button>}
    </div>
  );
}

export function PictoChoice({
  value: _value,
  name,
  checked,
  onChange,
  label,
  children,
}: {
  /** Read by PictoGrid to find the chosen option. */
  value: string;
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  children: ReactNode;
}) {
  return (
    <label className={checked ? 'picto chosen' : 'picto'}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {children}
      <span>{label}</span>
    </label>
  );
}
