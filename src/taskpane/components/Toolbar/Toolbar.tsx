import { Button, Spinner } from '@fluentui/react-components';
import { useT } from '../../strings';
import { useToolbarStyles } from './useToolbarStyles';

export interface ToolbarProps {
  busy: boolean;
  /** Why the workbook cannot be acted on yet (shown beside the disabled buttons); undefined when it can. */
  notReadyReason?: string;
  /** Findings to step through, and the one the person is at (0-based) or null. */
  findingCount: number;
  current: number | null;
  onValidate(): void;
  onClear(): void;
  onTemplate(): void;
  onStep(delta: 1 | -1): void;
}

export function Toolbar({ busy, notReadyReason, findingCount, current, onValidate, onClear, onTemplate, onStep }: ToolbarProps) {
  const t = useT();
  const s = useToolbarStyles();
  const blocked = busy || notReadyReason !== undefined;
  return (
    <div role="toolbar" aria-label={t('actionsLabel')} className={s.root}>
      <div className={s.row}>
        <Button appearance="primary" disabled={blocked} onClick={onValidate} aria-describedby={notReadyReason ? 'not-ready-reason' : undefined}>
          {t('validate')}
        </Button>
        <Button disabled={blocked} onClick={onClear}>
          {t('clear')}
        </Button>
        <Button disabled={blocked} onClick={onTemplate}>
          {t('template')}
        </Button>
      </div>
      {notReadyReason !== undefined && (
        <p id="not-ready-reason" className={s.reason}>
          <Spinner size="extra-tiny" as="span" style={{ display: 'inline-flex', marginRight: 6, verticalAlign: 'middle' }} />
          {notReadyReason}
        </p>
      )}
      {findingCount > 0 && (
        <div className={s.row} role="group" aria-label={t('findingsNav')}>
          <Button
            size="small"
            disabled={blocked || current === 0}
            onClick={() => onStep(-1)}
            aria-keyshortcuts="Alt+ArrowUp"
            title={t('shortcutHint')}
          >
            {t('prevFinding')}
          </Button>
          <Button
            size="small"
            disabled={blocked || current === findingCount - 1}
            onClick={() => onStep(1)}
            aria-keyshortcuts="Alt+ArrowDown"
            title={t('shortcutHint')}
          >
            {t('nextFinding')}
          </Button>
          <span className={s.position} aria-live="polite" data-testid="finding-position">
            {current === null ? '' : t('findingPosition', { index: current + 1, count: findingCount })}
          </span>
        </div>
      )}
    </div>
  );
}
