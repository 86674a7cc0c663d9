import { issueListHeader, issueListRows, issueListSheetName } from '../../../src/engine/validate/issue-list';
import type { Finding } from '../../../src/engine/validate/finding';

const f = (cell: string, severity: Finding['severity'], clauseId?: string): Finding => ({
  code: 'SCORE_ABOVE_MAX',
  severity,
  sheet: '自评表',
  cell,
  message: `问题在 ${cell}`,
  ...(clauseId ? { clauseId } : {}),
});

describe('问题清单 rows', () => {
  it('lists findings in sheet order with one severity word each', () => {
    const rows = issueListRows([f('E20', 'warning'), f('E5', 'error', '1.1.1'), f('F5', 'info'), f('AA3', 'error')]);
    expect(rows.map((r) => r.cell)).toEqual(['AA3', 'E5', 'F5', 'E20']);
    expect(rows.map((r) => r.severityWord)).toEqual(['错误', '错误', '提示', '警告']);
    expect(rows[1]).toMatchObject({ clauseId: '1.1.1', message: '问题在 E5', sheet: '自评表' });
    expect(rows[0].clauseId).toBe('');
  });

  it('names its sheet and columns in Chinese, and in English on request', () => {
    expect(issueListSheetName()).toBe('问题清单');
    expect(issueListHeader()).toEqual(['问题', '单元格', '条款', '说明']);
    expect(issueListHeader('en')).toEqual(['Finding', 'Cell', 'Clause', 'Message']);
    expect(issueListRows([f('B2', 'warning')], 'en')[0].severityWord).toBe('Warning');
  });
});
