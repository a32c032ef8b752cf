/** A written reason (override, dispute, refusal): labelled, and saying what is wrong with it. */
export function ReasonField(props: {
  id: string;
  label: string;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  const problemId = `${props.id}-problem`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={3}
        value={props.value}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem ? problemId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem && (
        <p id={problemId} className="warn-text" role="alert">
          {props.problem}
        </p>
      )}
    </div>
  );
}

/** A reason with the step's error, if any, and the button that submits it. */
export function ReasonSubmit(props: {
  id: string;
  label: string;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
  error: string | null;
  submitLabel: string;
  onSubmit: () => void;
}) {
  return (
    <>
      <ReasonField
        id={props.id}
        label={props.label}
        value={props.value}
        problem={props.problem}
        onChange={props.onChange}
      />
      {props.error && (
        <p className="notice error" role="alert">
          {props.error}
        </p>
      )}
      <button type="button" className="button block" onClick={props.onSubmit}>
        {props.submitLabel}
      </button>
    </>
  );
}
