/** A cell value as the grid shows it, close to Excel's display for the formats self-assessment sheets use. */
import { isCellError, type CellValue } from '../engine/sheet/sheet-model';

/** Decimal places a format such as "0.00" or "0.0%" asks for; undefined for General and text formats. */
function decimalsOf(format: string): number | undefined {
  const m = /0(?:\.(0+))?/.exec(format);
  return m ? (m[1]?.length ?? 0) : undefined;
}

export function displayValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat && numberFormat !== 'General' && numberFormat !== '@' ? numberFormat.split(';')[0] : undefined;
  if (format !== undefined) {
    const decimals = decimalsOf(format);
    if (format.includes('%')) return `${(value * 100).toFixed(decimals ?? 0)}%`;
    if (decimals !== undefined) return value.toFixed(decimals);
  }
  // General: Excel shows at most about 11 significant digits; this also hides binary-float tails.
  return String(Number(value.toPrecision(11)));
}
