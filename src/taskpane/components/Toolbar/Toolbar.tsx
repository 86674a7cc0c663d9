import { Button } from '@fluentui/react-components';
import { useT } from '../../strings';
import { useToolbarStyles } from './useToolbarStyles';

export interface ToolbarProps {
  busy: boolean;
  onValidate(): void;
  onClear(): void;
  onTemplate(): void;
}

export function Toolbar({ busy, onValidate, onClear, onTemplate }: ToolbarProps) {
  const t = useT();
  const s = useToolbarStyles();
  return (
    <div role="toolbar" aria-label={t('actionsLabel')} className={s.root}>
      <Button appearance="primary" disabled={busy} onClick={onValidate}>
        {t('validate')}
      </Button>
      <Button disabled={busy} onClick={onClear}>
        {t('clear')}
      </Button>
      <Button disabled={busy} onClick={onTemplate}>
        {t('template')}
      </Button>
    </div>
  );
}
