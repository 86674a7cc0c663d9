/**
 * A WorkbookHost over one in-memory GridSheet, recording every call: for the task pane's tests (and the
 * playground's, if useful). `hold()` makes the next calls wait until released, to see the busy state;
 * `failNext` makes the next call of a method throw.
 */
import type { GridSheet } from '../../src/engine/sheet/sheet-model';
import type { TemplateSpec } from '../../src/engine/template/template-spec';
import { HostError, type Mark, type Selection, type WorkbookHost } from '../../src/host/workbook-host';

type Method = keyof WorkbookHost;

export class FakeWorkbookHost implements WorkbookHost {
  calls: Method[] = [];
  marks = new Map<string, Mark[]>();
  selected: { sheet: string; address: string }[] = [];
  formulas: { sheet: string; address: string; formula: string }[] = [];
  inserted: TemplateSpec[] = [];
  selection: Selection;
  failNext: Partial<Record<Method, Error>> = {};
  private gate: Promise<void> | undefined;

  constructor(public sheet: GridSheet) {
    this.selection = { sheet: sheet.name, address: 'A1', row: 0 };
  }

  /** Calls wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  private async enter(method: Method): Promise<void> {
    this.calls.push(method);
    if (this.gate) await this.gate;
    const err = this.failNext[method];
    if (err) {
      delete this.failNext[method];
      throw err;
    }
  }

  async readActiveSheet(): Promise<GridSheet> {
    await this.enter('readActiveSheet');
    return this.sheet;
  }

  async writeMarks(sheet: string, marks: Mark[]): Promise<void> {
    await this.enter('writeMarks');
    this.marks.set(sheet, marks);
  }

  /** What an older Excel would say after the next validation (OfficeWorkbookHost.takeNotices). */
  notices: string[] = [];

  takeNotices(): string[] {
    const said = this.notices;
    this.notices = [];
    return said;
  }

  async clearMarks(): Promise<number> {
    await this.enter('clearMarks');
    const n = [...this.marks.values()].reduce((sum, m) => sum + m.length, 0);
    this.marks.clear();
    return n;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.enter('selectCell');
    if (sheet !== this.sheet.name) throw new HostError('failed', `no sheet ${sheet}`);
    this.selected.push({ sheet, address });
  }

  async getSelection(): Promise<Selection> {
    await this.enter('getSelection');
    return this.selection;
  }

  async insertSheet(spec: TemplateSpec): Promise<string> {
    await this.enter('insertSheet');
    this.inserted.push(spec);
    return spec.sheetName;
  }

  async writeFormula(sheet: string, address: string, formula: string): Promise<void> {
    await this.enter('writeFormula');
    this.formulas.push({ sheet, address, formula });
  }
}
