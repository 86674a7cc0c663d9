import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { BusyAction } from '../../hooks/useWorkbookActions';
import { useT } from '../../strings';

export interface StatusAreaProps {
  busy: BusyAction | null;
  error: string | null;
  notice: string | null;
  onDismissError(): void;
}

/** Progress while an action runs, then its outcome: an error MessageBar, or a short notice. */
export function StatusArea({ busy, error, notice, onDismissError }: StatusAreaProps) {
  const t = useT();
  return (
    <div aria-live="polite">
      {busy && <Spinner size="small" labelPosition="after" label={t(`busy.${busy}`)} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={onDismissError}>
              {t('dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && !error && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
