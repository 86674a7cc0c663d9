import { paneRubric } from '../../src/taskpane/pane-rubric';
import { loadBundled } from '../rubric/bundled';

describe('paneRubric', () => {
  it('is exactly the schema-checked bundled rubric', () => {
    expect(paneRubric()).toEqual(loadBundled());
  });
});
