import { RoutingForm } from './routing-form.tsx';
import { TeamPolicyPicker } from './team-policy-picker.tsx';

/** Each team's queue policy: how its conversations reach agents. */
export function RoutingSection() {
  return <TeamPolicyPicker>{(policy, reload) => <RoutingForm policy={policy} onSaved={reload} />}</TeamPolicyPicker>;
}
