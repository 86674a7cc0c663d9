import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import type { Locale } from '../../../engine/messages';

export interface LanguageSwitchProps {
  locale: Locale;
  onChange(locale: Locale): void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
});

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const CHOICES: readonly { locale: Locale; label: string; lang: string }[] = [
  { locale: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { locale: 'en', label: 'English', lang: 'en' },
];

/** The pane's visible 中文 / English switch. */
export function LanguageSwitch({ locale, onChange, disabled }: LanguageSwitchProps) {
  const s = useStyles();
  return (
    <div role="group" aria-label="界面语言 / Language" className={s.root}>
      {CHOICES.map((c) => (
        <ToggleButton
          key={c.locale}
          size="small"
          appearance="subtle"
          lang={c.lang}
          checked={locale === c.locale}
          disabled={disabled}
          onClick={() => locale !== c.locale && onChange(c.locale)}
        >
          {c.label}
        </ToggleButton>
      ))}
    </div>
  );
}
