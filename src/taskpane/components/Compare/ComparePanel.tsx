/**
 * 「汇总比较」: the district chooses several 街镇 workbooks, sees them ranked (as `rubric-check compare`
 * ranks them), and can insert the 汇总 and 条款对比 sheets with a ranking chart into the open workbook.
 */
import { Button, Text } from '@fluentui/react-components';
import { useRef } from 'react';
import { toNumber } from '../../../engine/decimal';
import type { Rubric } from '../../../engine/rubric-types';
import type { WorkbookHost } from '../../../host/workbook-host';
import { useT } from '../../strings';
import { useCompare } from './useCompare';
import { useCompareStyles } from './useCompareStyles';

export interface ComparePanelProps {
  host: WorkbookHost;
  rubric: Rubric;
  disabled: boolean;
}

export function ComparePanel({ host, rubric, disabled }: ComparePanelProps) {
  const s = useCompareStyles();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { state, choose, insert, canInsert } = useCompare(host, rubric, t);
  const { comparison, progress } = state;
  const reading = progress !== null;

  return (
    <section className={s.root} aria-label={t('compare.heading')} data-testid="compare-panel">
      <Text as="h2" weight="semibold" size={300}>
        {t('compare.heading')}
      </Text>
      <p className={s.hint}>{t('compare.hint')}</p>
      <input
        ref={input}
        className={s.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        data-testid="compare-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void choose(files);
        }}
      />
      <Button appearance="secondary" disabled={disabled || reading} onClick={() => input.current?.click()}>
        {t('compare.choose')}
      </Button>
      {progress && (
        <p role="status" aria-live="polite">
          {t('compare.reading', { index: Math.max(progress.index, 1), count: progress.count, file: progress.file })}
        </p>
      )}
      {comparison && comparison.entries.length === 0 && <p>{t('compare.none')}</p>}
      {comparison && comparison.entries.length > 0 && (
        <table className={s.table} data-testid="compare-ranking">
          <thead>
            <tr>
              <th scope="col">{t('compare.colRank')}</th>
              <th scope="col">{t('compare.colName')}</th>
              <th scope="col">{t('compare.colTotal')}</th>
              <th scope="col">{t('compare.colGrade')}</th>
              <th scope="col">{t('compare.colErrors')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.entries.map((e) => (
              <tr key={`${e.file}|${e.sheet}`}>
                <td>{e.rank}</td>
                <td>{e.label}</td>
                <td>{toNumber(e.final.total)}</td>
                <td>{e.final.grade}</td>
                <td>{e.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {comparison?.unreadable.map((u) => (
        <p key={`${u.file}|${u.sheet ?? ''}`} className={s.error} role="alert">
          {t('compare.unreadable', { file: u.sheet ? `${u.file}（${u.sheet}）` : u.file, error: u.error.split('\n')[0] })}
        </p>
      ))}
      {comparison?.duplicates.map((d) => (
        <p key={d.name} className={s.error}>
          {t('compare.duplicate', { name: d.name, files: d.files.join('、') })}
        </p>
      ))}
      {comparison && comparison.entries.length > 0 && canInsert && (
        <Button appearance="primary" disabled={disabled || state.inserting} onClick={() => void insert()}>
          {t('compare.insert')}
        </Button>
      )}
      {state.message && (
        <p role="status" data-testid="compare-message">
          {state.message}
        </p>
      )}
    </section>
  );
}
