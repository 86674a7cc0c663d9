import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** The package root, found by walking up: the CLI runs both compiled (dist-cli/src/cli) and from source under Jest. */
export function packageRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}

export const bundledRubricPath = (): string => join(packageRoot(), 'rubric', 'changning-2023.yaml');
