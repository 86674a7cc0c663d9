/**
 * ExcelJS colour objects → #RRGGBB for the grid. Files store fills as ARGB, as a theme colour with a
 * tint, or (older files) as an index into the legacy palette; the default Office theme is assumed,
 * since the playground does not read the file's theme part.
 */

export interface ExcelColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** Office 2013+ default theme, in Excel's theme-index order (lt1, dk1, lt2, dk2, accent1…6). */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** The legacy palette by index (ECMA-376 §18.8.27); 64 and 65 are the system foreground and background. */
// prettier-ignore
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
  '000000', 'FFFFFF',
];

function hexToRgb(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

const toHex = (rgb: number[]): string =>
  `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('').toUpperCase()}`;

/** Excel's tint: lightens towards white (tint > 0) or darkens towards black (tint < 0) in HSL lightness. */
function applyTint(hex: string, tint: number): string {
  const [r, g, b] = hexToRgb(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h *= 60;
    if (h < 0) h += 360;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r1, g1, b1] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex([r1 + m, g1 + m, b1 + m].map((v) => v * 255));
}

/** The colour as #RRGGBB, or undefined when it cannot be resolved. */
export function resolveColor(color: ExcelColor | undefined): string | undefined {
  if (!color) return undefined;
  let hex: string | undefined;
  if (typeof color.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(color.argb)) hex = color.argb.slice(-6).toUpperCase();
  else if (typeof color.theme === 'number') hex = THEME[color.theme];
  else if (typeof color.indexed === 'number') hex = INDEXED[color.indexed];
  if (hex === undefined) return undefined;
  return typeof color.tint === 'number' && color.tint !== 0 ? applyTint(hex, color.tint) : `#${hex}`;
}

/** A cell's solid fill colour; patterns other than solid show their foreground, as a rough likeness. */
export function fillColor(fill: unknown): string | undefined {
  if (!fill || typeof fill !== 'object') return undefined;
  const f = fill as { type?: string; pattern?: string; fgColor?: ExcelColor; stops?: { color?: ExcelColor }[] };
  if (f.type === 'pattern') return f.pattern && f.pattern !== 'none' ? resolveColor(f.fgColor) : undefined;
  if (f.type === 'gradient') return resolveColor(f.stops?.[0]?.color);
  return undefined;
}
