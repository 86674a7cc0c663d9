/**
 * The rubric's names and clause texts as comparison keys, built once per rubric: how the locator
 * recognises a category, an item (by name or alias) and a clause (by number or by its opening words).
 */
import { indexRubric, type ClauseRef } from '../rubric-index';
import type { Category, Clause, Item, Rubric } from '../rubric-types';
import { nameKey, normaliseText } from './normalise-text';

export interface ItemRef {
  item: Item;
  category: Category;
}

export interface RubricLookup {
  category(text: string): Category | undefined;
  item(text: string, preferred?: Category): ItemRef | undefined;
  /** Clauses of `item` a 评分细则 text names: by its leading number(s), else by the clause's opening words. */
  clausesOfItem(ruleText: string, item: Item): Clause[];
  /** Clauses anywhere in the rubric whose opening words the text contains, all of one item. */
  clausesByText(ruleText: string): ClauseRef[];
  clauseRef(id: string): ClauseRef | undefined;
  vetoClauses: readonly ClauseRef[];
}

/** Opening words long enough to tell clauses apart, short enough to survive a staff member's edits further on. */
const SIGNATURE_LENGTH = 12;
const MIN_SIGNATURE = 6;
/** A contained (not exact) item name must be this long, so a short alias such as 低保 does not match stray text. */
const MIN_CONTAINED_NAME = 4;

/** 1、 1. 1． 1) (1) 第1条 at the start of the (normalised) text. */
const LEADING_NUMBER = /^(?:\((\d{1,2})\)|(\d{1,2})[、.,:)](?!\d)|第(\d{1,2})条)/;
/**
 * A further clause number starting a line or a sentence: an item written in one row. Matched on the
 * raw text (full-width forms included) because normalising every long 评分细则 cell is the locator's
 * biggest cost.
 */
const LATER_NUMBER = /(?:\n|[。;；])[ \t\u3000]*([0-9０-９]{1,2})[、.．](?![0-9０-９])/g;
/** Enough of the start of a text to hold any leading number form. */
const LEAD_SPAN = 12;

const digitsValue = (digits: string): number => Number(digits.normalize('NFKC'));

/** The clause numbers a 评分细则 text starts with, the leading one first; empty when it has none. */
export function clauseNumbers(ruleText: string): number[] {
  const lead = LEADING_NUMBER.exec(normaliseText(ruleText.trimStart().slice(0, LEAD_SPAN)));
  if (!lead) return [];
  const numbers = [Number(lead[1] ?? lead[2] ?? lead[3])];
  for (const m of ruleText.matchAll(LATER_NUMBER)) {
    const n = digitsValue(m[1]);
    if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

const signature = (clause: Clause): string => nameKey(clause.text).slice(0, SIGNATURE_LENGTH);

const MEMO_LIMIT = 4096;

/** f with its results remembered, up to a bound so a huge sheet of distinct texts cannot grow it without end. */
function memo(f: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = f(text);
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(text, v);
    }
    return v;
  };
}

const cache = new WeakMap<Rubric, RubricLookup>();

export function rubricLookup(rubric: Rubric): RubricLookup {
  const hit = cache.get(rubric);
  if (hit) return hit;
  const index = indexRubric(rubric);

  const categoryKeys = rubric.categories
    .map((category) => ({ category, key: nameKey(category.name) }))
    .filter((c) => c.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);

  const itemsByKey = new Map<string, ItemRef[]>();
  for (const category of rubric.categories) {
    for (const item of category.items) {
      for (const name of [item.name, ...(item.aliases ?? [])]) {
        const key = nameKey(name);
        if (!key) continue;
        const list = itemsByKey.get(key) ?? [];
        if (!list.some((r) => r.item === item)) list.push({ item, category });
        itemsByKey.set(key, list);
      }
    }
  }
  const containedKeys = [...itemsByKey.keys()].filter((k) => k.length >= MIN_CONTAINED_NAME).sort((a, b) => b.length - a.length);

  const signatures = new Map<Clause, string>();
  for (const ref of index.clauses) signatures.set(ref.clause, signature(ref.clause));
  const namesText = (key: string, clause: Clause): boolean => {
    const sig = signatures.get(clause) ?? '';
    return sig.length >= MIN_SIGNATURE && key.includes(sig);
  };

  // Item cells repeat down merged ranges and the same names recur in every sheet: key each text once.
  const keyOf = memo(nameKey);

  const pick = (refs: ItemRef[] | undefined, preferred?: Category): ItemRef | undefined =>
    refs && (refs.find((r) => r.category === preferred) ?? refs[0]);

  const lookup: RubricLookup = {
    category(text) {
      const key = keyOf(text);
      return key ? categoryKeys.find((c) => key.includes(c.key))?.category : undefined;
    },
    item(text, preferred) {
      const key = keyOf(text);
      if (!key) return undefined;
      const exact = pick(itemsByKey.get(key), preferred);
      if (exact) return exact;
      const contained = containedKeys.find((k) => key.includes(k));
      return contained ? pick(itemsByKey.get(contained), preferred) : undefined;
    },
    clausesOfItem(ruleText, item) {
      const numbers = clauseNumbers(ruleText);
      const byNumber = numbers
        .map((n) => item.clauses.find((c) => c.number === n))
        .filter((c): c is Clause => c !== undefined);
      // A leading number the item does not have is a wrong number, not a reason to guess by position.
      if (numbers.length > 0 && byNumber[0]?.number === numbers[0]) return byNumber;
      const key = nameKey(ruleText);
      const byText = item.clauses.filter((c) => namesText(key, c));
      if (byText.length > 0) return byText;
      const scored = item.clauses.filter((c) => c.rule.kind !== 'veto');
      return numbers.length === 0 && scored.length === 1 ? scored : [];
    },
    clausesByText(ruleText) {
      const key = nameKey(ruleText);
      const found = index.clauses.filter((ref) => namesText(key, ref.clause));
      const first = found[0];
      return first ? found.filter((ref) => ref.item === first.item) : [];
    },
    clauseRef: (id) => index.clause(id),
    vetoClauses: index.clauses.filter((ref) => ref.clause.rule.kind === 'veto'),
  };
  cache.set(rubric, lookup);
  return lookup;
}
