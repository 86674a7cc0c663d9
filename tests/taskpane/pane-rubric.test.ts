import { bundledRubric } from '../../src/host/bundled-rubric';
import { loadBundled } from '../rubric/bundled';

describe('bundledRubric (what the pane, the ribbon, the custom functions and the playground get)', () => {
  it('is the parsed object, not the text', () => {
    expect(typeof bundledRubric()).toBe('object');
  });

  // The build-time path (rubric loader) and the CLI's run-time path (parseRubric on the file) must agree.
  it('equals parseRubric of the rubric file', () => {
    expect(bundledRubric()).toEqual(loadBundled());
  });
});
