import { makeStyles, tokens } from '@fluentui/react-components';

export const useFunctionsPanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  clause: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  clauseText: { margin: 0, whiteSpace: 'pre-wrap' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  inputRow: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { flex: 1, minWidth: 0 },
  help: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  helpParams: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS },
});
