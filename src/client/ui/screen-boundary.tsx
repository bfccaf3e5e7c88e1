// What the THM sees when a screen fails instead of an empty page: a failed live query (the device
// could not read or decrypt) offers "Erneut versuchen", which mounts the screen again; any other
// error offers "Zur Übersicht" and "Neu laden". Nothing is cleared: the database, the outbox and
// the session stay as they are, and the screen says so. Going elsewhere (the bottom navigation)
// clears the failure.
import { Component, type ComponentChildren } from 'preact';
import { t } from '../../shared/i18n/t';
import { Button } from './button';
import { LiveQueryFailure } from './use-live-query';
import { errorName } from '../../shared/error-name';

export interface ScreenBoundaryProps {
  /** The current path: a new one clears the failure. */
  path: string;
  /** Where "Zur Übersicht" goes (the router's navigation). */
  onOverview(): void;
  children: ComponentChildren;
}

interface State {
  error: unknown;
}

export class ScreenBoundary extends Component<ScreenBoundaryProps, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown) {
    // A lazy screen still loading throws a promise; the router waits for it, not this boundary.
    if (error && typeof (error as { then?: unknown }).then === 'function') return;
    if (!(error instanceof LiveQueryFailure)) {
      console.error('Screen failed', errorName(error));
    }
    this.setState({ error });
  }

  override componentDidUpdate(previous: ScreenBoundaryProps) {
    if (previous.path !== this.props.path && this.state.error) this.setState({ error: null });
  }

  private retry = () => this.setState({ error: null });

  private overview = () => {
    this.setState({ error: null });
    this.props.onOverview();
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (error instanceof LiveQueryFailure) {
      return (
        <section class="screen-failure" role="alert">
          <p>{t('common.failure.readFailed')}</p>
          <Button variant="primary" block onClick={this.retry}>
            {t('common.failure.retry')}
          </Button>
        </section>
      );
    }
    return (
      <section class="screen-failure" role="alert" aria-labelledby="screen-failure-title">
        <h2 id="screen-failure-title">{t('common.failure.screenTitle')}</h2>
        <p>{t('common.failure.screenText')}</p>
        <div class="form-actions">
          <Button variant="primary" block onClick={this.overview}>
            {t('common.failure.toOverview')}
          </Button>
          <Button block onClick={() => window.location.reload()}>
            {t('common.failure.reload')}
          </Button>
        </div>
      </section>
    );
  }
}

/**
 * Around a banner outside the screens (the sign-in-again prompt): a failure there hides the banner
 * instead of taking the app down; the screen's own boundary shows the failure of the same read.
 */
export class QuietBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown) {
    if (error && typeof (error as { then?: unknown }).then === 'function') return;
    this.setState({ error });
  }

  render() {
    return this.state.error ? null : this.props.children;
  }
}
