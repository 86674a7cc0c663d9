/** What the 「汇总比较」 section holds while and after it reads the chosen workbooks. */
import type { Comparison } from '../../../engine/compare/compare';

export interface CompareProgress {
  index: number;
  count: number;
  file: string;
}

export interface CompareState {
  /** Set while the files are read and checked. */
  progress: CompareProgress | null;
  comparison: Comparison | null;
  /** After 「插入汇总表」: what happened, in the pane's words. */
  message: string | null;
  inserting: boolean;
}

/** A chosen file as the pane needs it: its name and a way to get its bytes (File in the browser). */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
