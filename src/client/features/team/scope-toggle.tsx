// "Meine" / "Ganzes Team": the lists of Heute and the agenda show my own work first; the team's is
// one tap away. The choice is UI state for the session (client/state/scope.ts).
import { t } from '../../../shared/i18n/t';
import { ToggleChip } from '../../ui/chips';
import { useScope } from '../../state/scope';

export function ScopeToggle() {
  const { scope, setScope } = useScope();
  return (
    <div class="filter-bar" role="group" aria-label={t('team.scope.label')}>
      <ToggleChip
        label={t('team.scope.mine')}
        pressed={scope === 'mine'}
        onToggle={() => setScope('mine')}
      />
      <ToggleChip
        label={t('team.scope.team')}
        pressed={scope === 'team'}
        onToggle={() => setScope('team')}
      />
    </div>
  );
}
