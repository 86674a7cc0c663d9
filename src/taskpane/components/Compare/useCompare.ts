/** The 「汇总比较」 section's state: read the chosen files, then insert the summary sheets through the host. */
import { useCallback, useState } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import type { WorkbookHost } from '../../../host/workbook-host';
import type { Translate } from '../../strings';
import type { ChosenFile, CompareState } from './compare-types';

/**
 * Reading workbook files (the zip and XML readers) is only needed once someone chooses files to compare: loaded
 * then, as its own chunk, so the pane every 街镇 opens to check its sheet does not carry it.
 */
const loadCompareFiles = () => import('./compare-files');

const IDLE: CompareState = { progress: null, comparison: null, message: null, inserting: false };

export function useCompare(host: WorkbookHost, rubric: Rubric, t: Translate) {
  const [state, setState] = useState<CompareState>(IDLE);

  const choose = useCallback(
    async (files: readonly ChosenFile[]) => {
      if (files.length === 0) return;
      setState({ ...IDLE, progress: { index: 0, count: files.length, file: files[0].name } });
      const { compareFiles } = await loadCompareFiles();
      const comparison = await compareFiles(files, rubric, (progress) => setState((s) => ({ ...s, progress })));
      setState({ ...IDLE, comparison });
    },
    [rubric],
  );

  const insert = useCallback(async () => {
    const { comparison } = state;
    if (!comparison || !host.insertComparison) return;
    setState((s) => ({ ...s, inserting: true, message: null }));
    try {
      const { comparisonInsert } = await loadCompareFiles();
      const names = await host.insertComparison(comparisonInsert(comparison, rubric.year));
      setState((s) => ({ ...s, inserting: false, message: t('compare.inserted', { sheets: names.join('、') }) }));
    } catch (err) {
      setState((s) => ({ ...s, inserting: false, message: t('compare.insertFailed', { error: err instanceof Error ? err.message : String(err) }) }));
    }
  }, [state, host, rubric, t]);

  return { state, choose, insert, canInsert: host.insertComparison !== undefined };
}
