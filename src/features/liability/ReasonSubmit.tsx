/**
 * A written reason (override, dispute, amendment) with the step's error, if
 * any, and the button that submits it. A missing reason is said at once, as
 * an alert under the field.
 */
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';

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
      <TextArea
        id={props.id}
        label={props.label}
        rows={3}
        value={props.value}
        errors={props.problem}
        urgent
        onValue={props.onChange}
      />
      <ErrorNotice error={props.error} />
      <Button block onClick={props.onSubmit}>
        {props.submitLabel}
      </Button>
    </>
  );
}
