import { HoursForm } from './hours-form.tsx';
import { TeamPolicyPicker } from './team-policy-picker.tsx';

/** Business hours per team: when its queue is served, and the days it is closed. */
export function HoursSection() {
  return <TeamPolicyPicker>{(policy, reload) => <HoursForm policy={policy} onSaved={reload} />}</TeamPolicyPicker>;
}
