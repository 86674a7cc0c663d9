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
  /** Clauses of `item` whose text holds this text: a clause's later part, written in a row of its own. */
  clausesContaining(ruleText: string, item: Item): Clause[];
  /** Clauses anywhere in the rubric whose opening words the text contains, all of one item. */
  clausesByText(ruleText: string): ClauseRef[];
  clauseRef(id: string): ClauseRef | undefined;
  vetoClauses: readonly ClauseRef[];
}

/** Opening words long enough to tell clauses apart, short enough to survive a staff member's edits further on. */
const SIGNATURE_LENGTH = 12;
const MIN_SIGNATURE = 6;
/** A shorter fragment (否则不得分) recurs in many clauses and says nothing about which one it continues. */
const MIN_FRAGMENT = 8;
/** A contained (not exact) item name must be this long, so a short alias such as 低保 does not match stray text. */
const MIN_CONTAINED_NAME = 4;

/** 1、 1. 1． 1) (1) 第1条 at the start of the (normalised) text. */
const LEADING_NUMBER = /^(?:\((\d{1,2})\)|(\d{1,2})[、.,:)](?!\d)|第(\d{1,2})条)/;
/**
 * A further clause number starting a line or a sentence, or straight after a clause's closing
 * （N分）/(N分): an item written in one row, however its clauses were joined. Matched on the raw text
 * (full-width forms included) because normalising every long 评分细则 cell is the locator's biggest cost.
 */
const LATER_NUMBER = /(?:\n|[。;；]|分\s*[)）])[ \t\u3000]*([0-9０-９]{1,2})[、.．](?![0-9０-９])/g;
/** Enough of the start of a text to hold any leading number form. */
const LEAD_SPAN = 12;

const digitsValue = (digits: string): number => Number(digits.normalize('NFKC'));

/** One numbered part of a 评分细则 text: its number and where it starts and ends in the raw text. */
interface NumberedPart {
  number: number;
  start: number;
  end: number;
}

/** The numbered parts of a text that starts with a clause number; empty when it has none. */
function numberedParts(ruleText: string): NumberedPart[] {
  const lead = LEADING_NUMBER.exec(normaliseText(ruleText.trimStart().slice(0, LEAD_SPAN)));
  if (!lead) return [];
  const parts: NumberedPart[] = [{ number: Number(lead[1] ?? lead[2] ?? lead[3]), start: 0, end: ruleText.length }];
  for (const m of ruleText.matchAll(LATER_NUMBER)) {
    const start = (m.index ?? 0) + m[0].length - m[1].length - 1;
    parts[parts.length - 1].end = start;
    parts.push({ number: digitsValue(m[1]), start, end: ruleText.length });
  }
  return parts;
}

/** The clause numbers a 评分细则 text starts with, the leading one first; empty when it has none. */
export function clauseNumbers(ruleText: string): number[] {
  const numbers: number[] = [];
  for (const p of numberedParts(ruleText)) if (!numbers.includes(p.number)) numbers.push(p.number);
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
  const clauseKeys = new Map<Clause, string>();
  for (const ref of index.clauses) clauseKeys.set(ref.clause, nameKey(ref.clause.text));
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
      const parts = numberedParts(ruleText);
      if (parts.length === 0) {
        const byText = item.clauses.filter((c) => namesText(keyOf(ruleText), c));
        if (byText.length > 0) return byText;
        const scored = item.clauses.filter((c) => c.rule.kind !== 'veto');
        return scored.length === 1 ? scored : [];
      }
      // Each numbered part is a clause: by its opening words where they are the rubric's (a sheet that
      // renumbers still names its clauses), else by its number. Every part counts, so a whole item in
      // one cell is never read as its first clause only.
      const found = new Set<Clause>();
      for (const [i, part] of parts.entries()) {
        const key = keyOf(ruleText.slice(part.start, part.end));
        const byText = item.clauses.filter((c) => namesText(key, c));
        const byNumber = item.clauses.find((c) => c.number === part.number);
        if (byText.length > 0) for (const c of byText) found.add(c);
        else if (byNumber) found.add(byNumber);
        // A leading number the item does not have is a wrong number, not a reason to guess by position.
        else if (i === 0) return [];
      }
      return item.clauses.filter((c) => found.has(c));
    },
    clausesContaining(ruleText, item) {
      const key = keyOf(ruleText);
      if (key.length < MIN_FRAGMENT) return [];
      return item.clauses.filter((c) => c.rule.kind !== 'veto' && (clauseKeys.get(c) ?? '').includes(key));
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
