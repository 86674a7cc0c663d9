import { RubricArgError, type ArgErrorCode } from '../../src/engine/args';

/** Runs fn, which must throw a RubricArgError, and checks its code, argument and both locales' text. */
export function expectArgError(fn: () => unknown, code: ArgErrorCode, arg: string, shown?: string): RubricArgError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(RubricArgError);
  const err = caught as RubricArgError;
  expect(err.code).toBe(code);
  expect(err.arg).toBe(arg);
  expect(err.message).toContain(`参数“${arg}”`);
  expect(err.localized('en')).toContain(`"${arg}"`);
  if (shown !== undefined) {
    expect(err.message).toContain(`收到“${shown}”`);
    expect(err.localized('en')).toContain(`got "${shown}"`);
  }
  for (const text of [err.message, err.localized('en')]) expect(text).not.toMatch(/\{\w+\}/);
  return err;
}
