/** @jest-environment jsdom */
/**
 * Finding the way in the pane: the verdict before the figures, the first error selected after
 * 一键校验, 上一个问题/下一个问题 (and Alt+↓/↑) through every finding in sheet order, counts on the
 * headings, unfilled clauses as one group, and no click lost while the workbook is still opening.
 */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import type { HostReadiness, ReadinessSource } from '../../src/host/workbook-host';
import { resetValidationEvents } from '../../src/host/validation-events';
import { App } from '../../src/taskpane/App';
import { firstToShow, step } from '../../src/taskpane/findings/navigation';
import { verdictOf } from '../../src/taskpane/findings/verdict';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

// Full pane renders; generous under the shared machine's load.
jest.setTimeout(30_000);

const rubric = loadBundled();
const clauses = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((clause) => ({ clause, category: c }))));
const discretionary = clauses.filter(({ clause, category }) => category.kind === 'base' && clause.rule.kind === 'discretionary').map((x) => x.clause);

/** Three planted errors in three different rows: score above max. */
function threeErrors() {
  const plan = buildSheet(rubric);
  const targets = [discretionary[4], discretionary[0], discretionary[9]];
  for (const c of targets) plan.set(c.id, 'score', c.max + 1);
  return { plan, host: new FakeWorkbookHost(plan.sheet('自评表')) };
}

const renderApp = (host: FakeWorkbookHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} rubric={rubric} locale="zh-CN" />
    </FluentProvider>,
  );

const click = (name: string) =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });

beforeEach(() => resetValidationEvents());

describe('stepping through findings', () => {
  it('after 一键校验 the first error in sheet order is selected; 下一个问题 walks every finding in order, 上一个问题 walks back', async () => {
    const { plan, host } = threeErrors();
    const expected = validateSheet(plan.sheet('自评表'), rubric).findings.map((f) => f.cell);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    renderApp(host);
    expect(screen.queryByRole('button', { name: '下一个问题' })).not.toBeInTheDocument();
    await click('一键校验');
    const first = firstToShow(validateSheet(plan.sheet('自评表'), rubric).findings)!;
    expect(host.selected.map((s) => s.address)).toEqual([expected[first]]);
    expect(screen.getByRole('button', { name: '上一个问题' })).toBeDisabled();
    expect(screen.getByTestId('finding-position')).toHaveTextContent(`第 1/${expected.length} 个`);
    for (let i = 1; i < expected.length; i++) await click('下一个问题');
    expect(host.selected.map((s) => s.address)).toEqual(expected);
    expect(screen.getByRole('button', { name: '下一个问题' })).toBeDisabled();
    await click('上一个问题');
    expect(host.selected.at(-1)?.address).toBe(expected.at(-2));
    // The current finding is marked in the list.
    const current = screen.getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'true');
    expect(current.map((b) => b.getAttribute('data-cell'))).toEqual([expected.at(-2)]);
  });

  it('Alt+↓ and Alt+↑ step as the buttons do', async () => {
    const { plan, host } = threeErrors();
    const expected = validateSheet(plan.sheet('自评表'), rubric).findings.map((f) => f.cell);
    renderApp(host);
    await click('一键校验');
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
    });
    expect(host.selected.at(-1)?.address).toBe(expected[1]);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowUp', altKey: true });
    });
    expect(host.selected.at(-1)?.address).toBe(expected[0]);
    // Without Alt an arrow key is the grid's or the list's, not a step.
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    });
    expect(host.selected).toHaveLength(3);
  });

  it('category headings carry their counts', async () => {
    const { plan, host } = threeErrors();
    renderApp(host);
    await click('一键校验');
    const findings = validateSheet(plan.sheet('自评表'), rubric).findings;
    const byCategory = new Map<string, number>();
    for (const f of findings) {
      const cat = clauses.find(({ clause }) => clause.id === f.clauseId)!.category.name;
      byCategory.set(cat, (byCategory.get(cat) ?? 0) + 1);
    }
    for (const [name, count] of byCategory) expect(screen.getByRole('heading', { name: `${name}（${count}）` })).toBeInTheDocument();
  });
});

describe('the verdict first', () => {
  it('「暂不能提交：N 处错误」 comes before the figures, and the total is marked provisional', async () => {
    const { host } = threeErrors();
    renderApp(host);
    await click('一键校验');
    const verdict = screen.getByText('暂不能提交：3 处错误');
    const total = screen.getByTestId('total');
    expect(verdict.compareDocumentPosition(total) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('总分（暂定）')).toBeInTheDocument();
    expect(total).toHaveAttribute('data-provisional', 'true');
  });

  it('a half-filled sheet says 「已填写 n/m 条」 and lists the unfilled clauses as one collapsed group', async () => {
    const plan = buildSheet(rubric);
    const base = clauses.filter(({ category }) => category.kind === 'base').map((x) => x.clause);
    const blank = base.slice(12);
    for (const c of blank) plan.set(c.id, 'score', null);
    const planted = base.slice(0, 12).find((c) => c.rule.kind === 'discretionary')!;
    plan.set(planted.id, 'score', planted.max + 1);
    const sheet = plan.sheet('自评表');
    const result = validateSheet(sheet, rubric);
    const v = verdictOf(result);
    expect(v.missing).toBe(blank.length);
    expect(v.errors).toBe(1);
    renderApp(new FakeWorkbookHost(sheet));
    await click('一键校验');
    expect(screen.getByTestId('filled-count')).toHaveTextContent(`已填写 ${v.scoreRows - blank.length}/${v.scoreRows} 条`);
    expect(screen.getByText(`暂不能提交：1 处错误，${blank.length} 条未填写`)).toBeInTheDocument();
    // The real error is where the person lands; the unfilled ones wait in their group.
    expect(screen.getByRole('button', { name: new RegExp(`^${plan.cell(planted.id, 'score')}`) })).toHaveAttribute('aria-current', 'true');
    const group = screen.getByRole('button', { name: `未填写自评得分（${blank.length} 条）` });
    expect(group).toHaveAttribute('aria-expanded', 'false');
    // Collapsed: none of the unfilled clauses' buttons is shown one by one.
    const missingCells = new Set(result.findings.filter((f) => f.code === 'SCORE_MISSING').map((f) => f.cell));
    const shown = () => screen.queryAllByRole('button').filter((b) => missingCells.has(b.getAttribute('data-cell') ?? '') && b.getAttribute('data-severity'));
    expect(shown()).toHaveLength(0);
    await act(async () => {
      fireEvent.click(group);
    });
    expect(shown()).toHaveLength(blank.length);
  });
});

describe('no lost clicks', () => {
  class Gate implements ReadinessSource {
    private state: HostReadiness = { ready: false, reason: '正在打开工作簿“样例.xlsx”…' };
    private readonly listeners = new Set<() => void>();
    get = () => this.state;
    subscribe = (l: () => void) => {
      this.listeners.add(l);
      return () => this.listeners.delete(l);
    };
    open() {
      this.state = { ready: true };
      for (const l of this.listeners) l();
    }
  }

  it('一键校验 is disabled with the visible reason until the workbook is there, then runs', async () => {
    const { host } = threeErrors();
    const gate = new Gate();
    Object.assign(host, { readiness: gate });
    renderApp(host);
    const button = screen.getByRole('button', { name: '一键校验' });
    expect(button).toBeDisabled();
    expect(screen.getByText('正在打开工作簿“样例.xlsx”…')).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-describedby', 'not-ready-reason');
    fireEvent.click(button);
    expect(host.calls).toEqual([]);
    await act(async () => gate.open());
    expect(button).toBeEnabled();
    expect(screen.queryByText('正在打开工作簿“样例.xlsx”…')).not.toBeInTheDocument();
    await click('一键校验');
    expect(host.calls).toContain('writeMarks');
  });
});

describe('navigation helpers', () => {
  it('step stops at either end and starts from an end when nothing is current', () => {
    expect(step(null, 1, 3)).toBe(0);
    expect(step(null, -1, 3)).toBe(2);
    expect(step(1, 1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBeNull();
    expect(step(0, -1, 3)).toBeNull();
    expect(step(null, 1, 0)).toBeNull();
  });
});
