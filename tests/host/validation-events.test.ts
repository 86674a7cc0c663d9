import { onValidation, publishValidation, resetValidationEvents, type ValidationEvent } from '../../src/host/validation-events';

describe('validation events', () => {
  beforeEach(() => resetValidationEvents());

  it('reach a second copy of the module, as the ribbon and pane bundles each carry their own', () => {
    let other: typeof import('../../src/host/validation-events') | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<typeof import('../../src/host/validation-events')>('../../src/host/validation-events');
    });
    expect(other!.onValidation).not.toBe(onValidation);
    const seen: ValidationEvent[] = [];
    const stop = other!.onValidation((e) => seen.push(e));
    publishValidation({ kind: 'error', message: '工作表受保护' });
    expect(seen).toEqual([{ kind: 'error', message: '工作表受保护' }]);
    stop();
    publishValidation({ kind: 'error', message: 'again' });
    expect(seen).toHaveLength(1);
  });

  it('replays the latest event to a late subscriber', () => {
    publishValidation({ kind: 'error', message: 'first' });
    publishValidation({ kind: 'error', message: 'second' });
    const seen: ValidationEvent[] = [];
    onValidation((e) => seen.push(e));
    expect(seen).toEqual([{ kind: 'error', message: 'second' }]);
  });
});
