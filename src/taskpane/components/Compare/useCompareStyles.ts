import { makeStyles, tokens } from '@fluentui/react-components';

export const useCompareStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  // The native input stays in the page for the browser's file dialog but is reached through the button.
  input: { display: 'none' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: 'left' } },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});
