// "Neue Version verfügbar": the waiting version starts only when the person taps the button, so a
// half-written note is never lost to a forced reload.
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { acceptUpdate } from '../../sw-bridge';

export function UpdateOffer() {
  return (
    <div class="app-banner app-banner--info" role="status">
      <p>
        <strong>{t('sync.settings.update.available')}.</strong> {t('sync.settings.update.hint')}
      </p>
      <Button variant="primary" onClick={acceptUpdate}>
        {t('sync.settings.update.action')}
      </Button>
    </div>
  );
}
