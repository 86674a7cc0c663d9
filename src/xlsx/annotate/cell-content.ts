/**
 * A cell's content as a patch writes it into a worksheet part: a number, text (an inline string, so the
 * shared-strings part stays as it was), a boolean, an error, nothing at all, or a formula with the
 * result the page computed cached beside it. Formulas are stored as Excel stores them (RUBRIC.X →
 * `_xldudf_RUBRIC_X`).
 */
import { toFileFormula } from '../../engine/formulas/formula-text';
import { isCellError, type CellValue } from '../../engine/sheet/sheet-model';
import { escapeXml, xmlSafe } from './xml-tree';

export interface CellContent {
  /** The value, or for a formula its cached result; null with no formula: an empty cell (its style kept). */
  value: CellValue;
  /** Without the leading '='. */
  formula?: string;
}

export interface ContentXml {
  /** The cell's `t` attribute, when its value is not a number. */
  t?: string;
  /** The elements inside `<c>`, in CT_Cell order (f, v or is). */
  inner: string;
}

const text = (s: string) => escapeXml(xmlSafe(s));

/** `q` qualifies a local name with the part's prefix for the main namespace. */
export function contentXml(content: CellContent, q: (local: string) => string = (l) => l): ContentXml {
  const { value, formula } = content;
  const v = (s: string) => `<${q('v')}>${s}</${q('v')}>`;
  const f = formula !== undefined ? `<${q('f')}>${text(toFileFormula(formula))}</${q('f')}>` : '';
  if (formula !== undefined) {
    // A formula's text result is t="str" (not an inline string); no cached value: Excel computes it.
    if (value === null) return { inner: f };
    if (typeof value === 'string') return { t: 'str', inner: f + v(text(value)) };
  } else if (value === null) return { inner: '' };
  else if (typeof value === 'string') return { t: 'inlineStr', inner: `<${q('is')}><${q('t')} xml:space="preserve">${text(value)}</${q('t')}></${q('is')}>` };
  if (typeof value === 'boolean') return { t: 'b', inner: f + v(value ? '1' : '0') };
  if (isCellError(value)) return { t: 'e', inner: f + v(text(value.error)) };
  if (typeof value === 'number' && Number.isFinite(value)) return { inner: f + v(String(value)) };
  return { t: 'e', inner: f + v('#NUM!') };
}
