// Labels for the case-work enums. The template-literal keys are checked by the compiler: an enum
// value without a catalogue entry fails the type check.
import { t } from '../../../shared/i18n/t';
import type { CaseStatus, ClosingReason } from '../../../shared/domain/case';
import type { ResidenceKind } from '../../../shared/domain/residence-status';
import type { NeedCategory, NeedStatus } from '../../../shared/domain/need';
import type { ContactChannel } from '../../../shared/domain/contact';
import type { TaskKind } from '../../../shared/domain/task';
import type { PillTone } from '../../ui/status-pill';

export const caseStatusLabel = (status: CaseStatus) => t(`cases.status.${status}`);
export const closingReasonLabel = (reason: ClosingReason) => t(`cases.closingReason.${reason}`);
export const residenceKindLabel = (kind: ResidenceKind) => t(`cases.residenceKind.${kind}`);
export const needCategoryLabel = (category: NeedCategory) => t(`cases.needCategory.${category}`);
export const needStatusLabel = (status: NeedStatus) => t(`cases.needStatus.${status}`);
export const contactChannelLabel = (channel: ContactChannel) =>
  t(`cases.contactChannel.${channel}`);
export const taskKindLabel = (kind: TaskKind) => t(`cases.taskKind.${kind}`);

export const caseStatusTone: Record<CaseStatus, PillTone> = {
  inquiry: 'info',
  intake: 'info',
  active: 'success',
  paused: 'neutral',
  unreachable: 'warning',
  closed: 'muted',
};

export const needStatusTone: Record<NeedStatus, PillTone> = {
  open: 'info',
  in_progress: 'warning',
  met: 'success',
  not_met: 'muted',
};
