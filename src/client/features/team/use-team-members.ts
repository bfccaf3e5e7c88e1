// The team's case workers as stored on the device (names only), read live, and how to name one.
import type { FeldakteDb } from '../../../local/db';
import { teamMembers } from '../../../local/team-members';
import type { TeamMember } from '../../../shared/sync/protocol';
import { t } from '../../../shared/i18n/t';
import { useLiveQuery } from '../../ui/use-live-query';

export function useTeamMembers(db: FeldakteDb): TeamMember[] | undefined {
  return useLiveQuery(() => teamMembers(db), [db]);
}

/** "ich", a colleague's name, or a neutral phrase while the list has not arrived. */
export function memberName(
  members: readonly TeamMember[] | undefined,
  id: string | null | undefined,
  me: string | undefined,
): string {
  if (!id) return t('team.nobody');
  if (id === me) return t('team.me');
  const member = members?.find((m) => m.id === id);
  if (!member) return t('team.unknownMember');
  return member.active ? member.name : t('team.formerMember', { name: member.name });
}
