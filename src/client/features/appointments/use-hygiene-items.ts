// The team's hygiene checklist items, read live from the settings table (defaults until saved).
import { hygieneItemsOf, settingId } from '../../../shared/domain/setting';
import { useDb, useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';

export function useHygieneSettingId(): string | null {
  const teamId = useSession((state) => state.user?.team.id);
  return teamId ? settingId(teamId, 'hygiene_items') : null;
}

/** `undefined` while loading. */
export function useHygieneItems(): readonly string[] | undefined {
  const db = useDb();
  const id = useHygieneSettingId();
  return useLiveQuery(
    async () => hygieneItemsOf(id ? await db.settings.get(id) : undefined),
    [db, id],
  );
}
