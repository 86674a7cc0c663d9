import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingListStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  severityHeading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  categoryHeading: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    // Scrolled to, an item stops below the sticky toolbar rather than under it.
    scrollMarginTop: '140px',
    scrollMarginBottom: tokens.spacingVerticalL,
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  missingGroup: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  hint: { margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS, flexShrink: 0 },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
});
