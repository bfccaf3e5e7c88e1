// On the kept case: the cases merged into it, who merged them when, and "Rückgängig machen"
// (SPEC [G6]); on a merged case's old address: where it went ([G4]).
import { mergedAway, mergesInto, undoMerge } from '../../../local/merge-cases';
import { fullName, type Case } from '../../../shared/domain/case';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { showToast } from '../../state/toast';
import { Button, LinkButton } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { Section } from '../../ui/section';
import { useLiveQuery } from '../../ui/use-live-query';
import { useWriteAction } from '../../ui/write-action';
import { memberName, useTeamMembers } from '../team/use-team-members';
import './merge.css';

export function MergedSection({ caseId }: { caseId: string }) {
  const db = useDb();
  const me = useSession((state) => state.user?.id);
  const members = useTeamMembers(db);
  const merges = useLiveQuery(() => mergesInto(db, caseId), [db, caseId]);
  const action = useWriteAction();
  if (!merges || merges.length === 0) return null;
  const undo = async (mergeId: string) => {
    const result = await action.run(() => undoMerge(db, mergeId));
    if (result) showToast(t('cases.merge.undone'));
  };
  return (
    <Section title={t('cases.merge.sectionTitle')}>
      <FormAlert message={action.message} />
      <ul class="merged-list">
        {merges.map((merge) => (
          <li key={merge.id}>
            <p>
              {t('cases.merge.entry', {
                name: merge.mergedCase ? fullName(merge.mergedCase as unknown as Case) : '–',
                date: formatDay(merge.mergedAt.slice(0, 10)),
                who: memberName(members, merge.mergedBy, me),
              })}
            </p>
            <Button block disabled={action.busy} onClick={() => void undo(merge.id)}>
              {t('cases.merge.undo')}
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Shown where a case was: it was merged into another one, and this is the way there. */
export function MergedAwayNotice({ caseId }: { caseId: string }) {
  const db = useDb();
  const found = useLiveQuery(async () => {
    const merge = await mergedAway(db, caseId);
    const kept = merge ? await db.cases.get(merge.caseId) : undefined;
    return kept ?? null;
  }, [db, caseId]);
  if (!found) return null;
  const name = fullName(found);
  return (
    <div class="merge-notice" role="status">
      <p>
        <strong>{t('cases.merge.goneTitle')}</strong>
      </p>
      <p>{t('cases.merge.goneText', { name })}</p>
      <LinkButton href={`/faelle/${found.id}`} block>
        {t('cases.merge.goneOpen', { name })}
      </LinkButton>
    </div>
  );
}
