/** A radio chip for the liability questions (at least 44 px tall: liability.css). */
export function Chip({
  name,
  checked,
  onChange,
  label,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
}) {
  return (
    <label className={checked ? 'chip chosen' : 'chip'}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {label}
    </label>
  );
}
