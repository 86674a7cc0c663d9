/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/engine/messages';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { HostError } from '../../src/host/workbook-host';
import { publishValidation, resetValidationEvents } from '../../src/host/validation-events';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { App } from '../../src/taskpane/App';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

const rubric = loadBundled();
const clauses = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((clause) => ({ clause, category: c }))));

function dirtyHost() {
  const plan = buildSheet(rubric);
  const target = clauses.find(({ clause, category }) => category.kind === 'base' && clause.rule.kind === 'discretionary')!.clause;
  plan.set(target.id, 'score', target.max + 1);
  return { host: new FakeWorkbookHost(plan.sheet('自评表')), above: plan.cell(target.id, 'score'), plan };
}

function renderApp(host: FakeWorkbookHost, locale: Locale = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} rubric={rubric} locale={locale} />
    </FluentProvider>,
  );
}

async function clickAndSettle(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('task pane', () => {
  beforeEach(() => resetValidationEvents());

  it('shows a validation run from the ribbon, and a ribbon failure as an error MessageBar', async () => {
    const { host, above, plan } = dirtyHost();
    renderApp(host);
    await act(async () => publishValidation({ kind: 'result', result: validateSheet(plan.sheet('自评表'), rubric) }));
    expect(screen.getByRole('heading', { name: '评分汇总' })).toBeInTheDocument();
    expect(screen.getAllByRole('button').some((b) => b.getAttribute('data-cell') === above)).toBe(true);
    expect(host.calls).toEqual([]);
    await act(async () => publishValidation({ kind: 'error', message: '工作表受保护' }));
    expect(screen.getByText('工作表受保护')).toBeInTheDocument();
  });

  it('a pane opened after the ribbon ran shows that result', async () => {
    const { host, plan } = dirtyHost();
    publishValidation({ kind: 'result', result: validateSheet(plan.sheet('自评表'), rubric) });
    renderApp(host);
    expect(screen.getByRole('heading', { name: '评分汇总' })).toBeInTheDocument();
  });

  it('says once what an older Excel could not do, beside how to clear the marks', async () => {
    const { host } = dirtyHost();
    host.notices = ['当前 Excel 不支持备注和批注（需要 ExcelApi 1.10）'];
    renderApp(host);
    await clickAndSettle('一键校验');
    expect(screen.getByText(/当前 Excel 不支持备注和批注（需要 ExcelApi 1\.10）.*「清除标记」/)).toBeInTheDocument();
    await clickAndSettle('一键校验');
    expect(screen.queryByText(/需要 ExcelApi 1\.10/)).not.toBeInTheDocument();
  });

  it('shows the primary 一键校验 button and no results before validating', () => {
    renderApp(dirtyHost().host);
    expect(screen.getByRole('button', { name: '一键校验' })).toBeEnabled();
    expect(screen.queryByText('评分汇总')).not.toBeInTheDocument();
  });

  it('validates: summary with total, grade and each category against its cap; findings listed by severity', async () => {
    const { host, above } = dirtyHost();
    renderApp(host);
    await clickAndSettle('一键校验');
    // Then the first error is selected, so the person lands on it.
    expect(host.calls).toEqual(['readActiveSheet', 'writeMarks', 'selectCell']);
    expect(host.selected).toEqual([{ sheet: '自评表', address: above }]);
    expect(screen.getByRole('heading', { name: '评分汇总' })).toBeInTheDocument();
    for (const c of rubric.categories) expect(screen.getByRole('rowheader', { name: c.name })).toBeInTheDocument();
    const baseRow = screen.getByRole('rowheader', { name: rubric.categories[0].name }).closest('tr')!;
    expect(baseRow).toHaveTextContent(`/ ${rubric.categories[0].cap}`);
    expect(screen.getByRole('rowheader', { name: '扣分项' }).closest('tr')).toHaveTextContent(/^扣分项扣 \d+(\.\d+)? 分（最多扣 5 分）$/);
    expect(screen.getByTestId('grade').textContent).toMatch(/优秀|良好|合格|不合格/);
    expect(screen.getByText('暂不能提交：1 处错误')).toBeInTheDocument();
    expect(screen.queryByText('可以提交')).not.toBeInTheDocument();
    const errors = screen.getByRole('heading', { name: /^错误（\d+）$/ });
    expect(errors).toBeInTheDocument();
    const button = screen.getAllByRole('button').find((b) => b.getAttribute('data-cell') === above)!;
    expect(button).toBeDefined();
    expect(button.tagName).toBe('BUTTON');
    expect(button).toHaveAttribute('data-severity', 'error');
  });

  it('the total shown is the sheet total, summed independently of the engine', async () => {
    const plan = buildSheet(rubric, { grandTotal: true });
    const sheet = plan.sheet('自评表');
    const stated = sheet.cell(plan.totalRow!, plan.col.score!)?.value;
    expect(typeof stated).toBe('number');
    renderApp(new FakeWorkbookHost(sheet));
    await clickAndSettle('一键校验');
    expect(screen.getByTestId('total').textContent).toBe(String(stated));
  });

  it('clicking a finding selects its cell in the workbook', async () => {
    const { host, above } = dirtyHost();
    renderApp(host);
    await clickAndSettle('一键校验');
    const button = screen.getAllByRole('button').find((b) => b.getAttribute('data-cell') === above)!;
    host.selected = [];
    await act(async () => {
      fireEvent.click(button);
    });
    expect(host.selected).toEqual([{ sheet: '自评表', address: above }]);
    expect(button).toHaveAttribute('aria-current', 'true');
  });

  it('shows 「可以提交」 only when there is no error', async () => {
    const host = new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));
    renderApp(host);
    await clickAndSettle('一键校验');
    expect(screen.getByText('可以提交')).toBeInTheDocument();
    expect(screen.queryByText(/暂不能提交/)).not.toBeInTheDocument();
    expect(screen.getByText('总分')).toBeInTheDocument();
  });

  it('shows a HostError as an error MessageBar with its message', async () => {
    const { host } = dirtyHost();
    host.failNext.readActiveSheet = new HostError('protected', '工作表“自评表”受保护，无法标记。');
    renderApp(host);
    await clickAndSettle('一键校验');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('工作表“自评表”受保护，无法标记。');
    expect(screen.queryByText('评分汇总')).not.toBeInTheDocument();
    await clickAndSettle('关闭');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('an unexpected error is shown too, never swallowed', async () => {
    const { host } = dirtyHost();
    host.failNext.writeMarks = new Error('boom');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp(host);
    await clickAndSettle('一键校验');
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    spy.mockRestore();
  });

  it('disables the buttons and shows a spinner while busy', async () => {
    const { host } = dirtyHost();
    const release = host.hold();
    renderApp(host);
    await clickAndSettle('一键校验');
    expect(screen.getByRole('button', { name: '一键校验' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '清除标记' })).toBeDisabled();
    expect(screen.getByText('正在校验当前工作表…')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole('button', { name: '一键校验' })).toBeEnabled());
    expect(screen.queryByText('正在校验当前工作表…')).not.toBeInTheDocument();
  });

  it('clears the marks and says how many cells were restored', async () => {
    const { host } = dirtyHost();
    renderApp(host);
    await clickAndSettle('一键校验');
    const marked = host.marks.get('自评表')!.length;
    await clickAndSettle('清除标记');
    expect(host.calls).toContain('clearMarks');
    expect(screen.getByText(new RegExp(`已清除 ${marked} 个单元格的标记`))).toBeInTheDocument();
    expect(screen.queryByText('评分汇总')).not.toBeInTheDocument();
  });

  it('inserts the template sheet the CLI uses', async () => {
    const { host } = dirtyHost();
    renderApp(host);
    await clickAndSettle('生成评分表');
    expect(host.inserted).toHaveLength(1);
    // The add-in is loaded in the pane, so computing clauses get RUBRIC.SCORE_CLAUSE score formulas.
    expect(host.inserted[0]).toEqual(buildTemplateSpec(rubric, 'zh-CN', { formulas: true }));
    const formulas = host.inserted[0].cells.filter((c) => c.clauseId !== undefined && c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    for (const c of formulas) expect(c.formula).toContain(`RUBRIC.SCORE_CLAUSE("${c.clauseId}",`);
    expect(host.inserted[0].columns.at(-1)?.header).toBe('计分依据');
    expect(screen.getByText(`已插入工作表“${host.inserted[0].sheetName}”。`)).toBeInTheDocument();
  });

  it('speaks English when the locale is en', async () => {
    const host = new FakeWorkbookHost(buildSheet(rubric).sheet('Sheet'));
    renderApp(host, 'en');
    expect(screen.getByRole('button', { name: 'Clear marks' })).toBeInTheDocument();
    await clickAndSettle('Check sheet');
    expect(screen.getByText('Ready to submit')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Score summary' })).toBeInTheDocument();
    // Grades and categories in English too, from the rubric file's English names.
    expect(screen.getByTestId('grade').textContent).toBe('Excellent');
    for (const c of rubric.categories) expect(screen.getByRole('rowheader', { name: c.nameEn })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Deductions' }).closest('tr')).toHaveTextContent(/^Deductions\d+(\.\d+)? deducted \(at most 5\)$/);
  });
});

describe('functions panel', () => {
  const deduct = clauses.find(({ clause }) => clause.rule.kind === 'deduct')!.clause;

  it('for a deduct clause row, writes =RUBRIC.SCORE_DEDUCT(max, cases cell, perCase) into its score cell', async () => {
    const plan = buildSheet(rubric);
    const host = new FakeWorkbookHost(plan.sheet('自评表'));
    const scoreCell = plan.cell(deduct.id, 'score');
    const rowNumber = Number(/\d+$/.exec(scoreCell)![0]);
    host.selection = { sheet: '自评表', address: `B${rowNumber}`, row: rowNumber - 1 };
    renderApp(host);
    await clickAndSettle('读取所选行');
    const panel = screen.getByRole('region', { name: '评分公式' });
    expect(within(panel).getByText(deduct.text)).toBeInTheDocument();
    const input = within(panel).getByRole('textbox', { name: /发现例数所在单元格/ });
    expect(within(panel).getByRole('button', { name: '写入公式' })).toBeDisabled();
    fireEvent.change(input, { target: { value: 'h5' } });
    const perCase = (deduct.rule as { perCase: number }).perCase;
    // An empty H5 leaves the score blank instead of #VALUE!.
    const formula = `=IF(H5="","",RUBRIC.SCORE_DEDUCT(${deduct.max},H5,${perCase}))`;
    expect(screen.getByTestId('formula-preview')).toHaveTextContent(formula);
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: '写入公式' }));
    });
    // The score cell already holds a score: nothing is written until the person agrees.
    expect(host.formulas).toEqual([]);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '替换' }));
    });
    expect(host.formulas).toEqual([{ sheet: '自评表', address: scoreCell, formula }]);
  });

  it('rejects an input that is not a cell address', async () => {
    const plan = buildSheet(rubric);
    const host = new FakeWorkbookHost(plan.sheet('自评表'));
    const rowNumber = Number(/\d+$/.exec(plan.cell(deduct.id, 'score'))![0]);
    host.selection = { sheet: '自评表', address: `D${rowNumber}`, row: rowNumber - 1 };
    renderApp(host);
    await clickAndSettle('读取所选行');
    fireEvent.change(screen.getByRole('textbox', { name: /发现例数所在单元格/ }), { target: { value: '五例' } });
    expect(screen.getByText('“五例”不是单元格地址，请填写如 H5 的地址。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '写入公式' })).toBeDisabled();
  });

  it('says so when the selected row is not a clause row', async () => {
    const host = new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));
    host.selection = { sheet: '自评表', address: 'A1', row: 0 };
    renderApp(host);
    await clickAndSettle('读取所选行');
    expect(screen.getByText(/所选的第 1 行不是评分细则所在的行/)).toBeInTheDocument();
  });
});
