/** @jest-environment jsdom */
/**
 * The 评分公式 panel is safe and helpful: it never replaces a cell's content without asking, takes input
 * cells from the selection, says what an empty input does, tells what to do with a composite clause,
 * and has a help card for every RUBRIC function with an example computed from the rubric.
 */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/engine/messages';
import { callFunction, FUNCTIONS, rubricContext } from '../../src/engine/functions/catalog';
import { resetValidationEvents } from '../../src/host/validation-events';
import { App } from '../../src/taskpane/App';
import { functionHelp } from '../../src/taskpane/components/FunctionsPanel/function-help';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';
import zh from '../../src/functions/metadata.zh-CN.json';

jest.setTimeout(30_000);

const rubric = loadBundled();
const clauses = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses));
const deduct = clauses.find((c) => c.rule.kind === 'deduct')!;
const composite = clauses.find((c) => c.rule.kind === 'composite')!;
const perCase = (deduct.rule as { perCase: number }).perCase;

function hostOnRow(clauseId: string, scoreValue?: number | null) {
  const plan = buildSheet(rubric);
  if (scoreValue !== undefined) plan.set(clauseId, 'score', scoreValue);
  const host = new FakeWorkbookHost(plan.sheet('自评表'));
  const scoreCell = plan.cell(clauseId, 'score');
  const row = Number(/\d+$/.exec(scoreCell)![0]);
  host.selection = { sheet: '自评表', address: `B${row}`, row: row - 1 };
  return { host, scoreCell, row };
}

function renderApp(host: FakeWorkbookHost, locale: Locale = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} rubric={rubric} locale={locale} />
    </FluentProvider>,
  );
}

const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });

const panel = () => screen.getByRole('region', { name: '评分公式' });

beforeEach(() => resetValidationEvents());

describe('never overwrites without asking', () => {
  async function askToReplace() {
    const { host, scoreCell } = hostOnRow(deduct.id, 1.5);
    renderApp(host);
    await click(screen.getByRole('button', { name: '读取所选行' }));
    fireEvent.change(within(panel()).getByRole('textbox', { name: /发现例数所在单元格/ }), { target: { value: 'H9' } });
    await click(within(panel()).getByRole('button', { name: '写入公式' }));
    expect(host.formulas).toEqual([]);
    const dialog = await screen.findByRole('alertdialog', { name: '替换单元格中的内容？' });
    expect(dialog).toHaveTextContent(`${scoreCell} 中已有“1.5”`);
    return { host, scoreCell, dialog };
  }

  test('a score cell holding 1.5: 写入公式 asks first; 取消 writes nothing and says so', async () => {
    const { host, scoreCell, dialog } = await askToReplace();
    await click(await within(dialog).findByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(host.formulas).toEqual([]);
    expect(screen.getByText(`未写入公式，${scoreCell} 保持原样。`)).toBeInTheDocument();
  });

  test('替换 writes the formula', async () => {
    const { host, scoreCell, dialog } = await askToReplace();
    await click(await within(dialog).findByRole('button', { name: '替换' }));
    expect(host.formulas).toEqual([{ sheet: '自评表', address: scoreCell, formula: `=IF(H9="","",RUBRIC.SCORE_DEDUCT(${deduct.max},H9,${perCase}))` }]);
  });

  test('an empty score cell is written at once, without a question', async () => {
    const { host, scoreCell } = hostOnRow(deduct.id, null);
    renderApp(host);
    await click(screen.getByRole('button', { name: '读取所选行' }));
    fireEvent.change(within(panel()).getByRole('textbox', { name: /发现例数所在单元格/ }), { target: { value: 'H9' } });
    await click(within(panel()).getByRole('button', { name: '写入公式' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(host.formulas.map((f) => f.address)).toEqual([scoreCell]);
  });
});

describe('input cells from the selection', () => {
  test('用所选单元格 fills the address of the selected cell; an empty one says the score stays blank, not #VALUE!', async () => {
    const { host, row } = hostOnRow(deduct.id);
    renderApp(host);
    await click(screen.getByRole('button', { name: '读取所选行' }));
    host.selection = { sheet: '自评表', address: `$H$${row}`, row: row - 1 };
    await click(within(panel()).getByRole('button', { name: '用所选单元格填入：发现例数所在单元格' }));
    expect(within(panel()).getByRole('textbox', { name: /发现例数所在单元格/ })).toHaveValue(`H${row}`);
    expect(screen.getByTestId('formula-preview')).toHaveTextContent(`RUBRIC.SCORE_DEDUCT(${deduct.max},H${row},${perCase})`);
    expect(within(panel()).getByText(`H${row} 还是空的：得分先保持空白（不会显示 #VALUE!），在 H${row} 填好后自动算出。`)).toBeInTheDocument();
  });

  test('a cell selected on another sheet is refused with the reason', async () => {
    const { host } = hostOnRow(deduct.id);
    renderApp(host);
    await click(screen.getByRole('button', { name: '读取所选行' }));
    host.selection = { sheet: '说明', address: 'C3', row: 2 };
    await click(within(panel()).getByRole('button', { name: /^用所选单元格填入/ }));
    expect(within(panel()).getByRole('textbox', { name: /发现例数所在单元格/ })).toHaveValue('');
    expect(screen.getByText('所选单元格在工作表“说明”中，请在“自评表”中选择。')).toBeInTheDocument();
  });
});

describe('the composite clause', () => {
  test('says what to do: the SCORE_CLAUSE formula and its inputs in order, or a score by hand', async () => {
    const { host, scoreCell } = hostOnRow(composite.id);
    renderApp(host);
    await click(screen.getByRole('button', { name: '读取所选行' }));
    const text = within(panel()).getByText(/个分项合计得分/).textContent!;
    expect(text).toContain(`=RUBRIC.SCORE_CLAUSE("${composite.id}",`);
    expect(text).toContain(`得分单元格 ${scoreCell}`);
    expect(text).toContain('第 1 项');
    expect(text).toContain('也可以直接填写分数');
    expect(text).not.toMatch(/parts\[/);
  });
});

describe('help cards', () => {
  test('one card per declared function, in Chinese from the metadata table, each argument described', async () => {
    const { host } = hostOnRow(deduct.id);
    renderApp(host);
    const help = screen.getByRole('region', { name: '函数说明' });
    for (const f of FUNCTIONS) expect(within(help).getByRole('button', { name: `RUBRIC.${f.name}` })).toBeInTheDocument();
    await click(within(help).getByRole('button', { name: 'RUBRIC.SCORE_DEDUCT' }));
    expect(within(help).getByText(zh.SCORE_DEDUCT.description)).toBeInTheDocument();
    for (const text of Object.values(zh.SCORE_DEDUCT.parameters)) expect(within(help).getByText(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeInTheDocument();
    expect(within(help).getByText(`=RUBRIC.SCORE_DEDUCT(${deduct.max},1,${perCase})`)).toBeInTheDocument();
    expect(within(help).getByText(`结果：${Math.max(0, deduct.max - perCase)}`)).toBeInTheDocument();
  });

  test('every example is computed by the function itself, from the rubric; English cards speak English', () => {
    const cards = functionHelp(rubric, 'zh-CN');
    expect(cards.map((c) => c.name)).toEqual(FUNCTIONS.map((f) => f.name));
    for (const card of cards) {
      expect([card.name, card.description.length > 0, card.params.every((p) => p.text.length > 0), card.example !== undefined]).toEqual([card.name, true, true, true]);
    }
    const clause = cards.find((c) => c.name === 'SCORE_CLAUSE')!;
    expect(clause.example!.result).toBe(String(callFunction('SCORE_CLAUSE', [deduct.id, 1], rubricContext(rubric))));
    const english = functionHelp(rubric, 'en');
    expect(english.find((c) => c.name === 'SCORE_DEDUCT')!.description).toMatch(/^Deduct per case/);
    expect(english.map((c) => c.example?.formula)).toEqual(cards.map((c) => c.example?.formula));
  });
});
