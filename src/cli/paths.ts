import { existsSync, readFileSync } from 'fs';
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

/** package.json's config.rubric, or RUBRIC_FILE: the same choice the add-in build makes (scripts/bundled-rubric-file.js). */
export function bundledRubricPath(): string {
  const root = packageRoot();
  const config = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config: { rubric: string } };
  return resolve(root, process.env.RUBRIC_FILE || config.config.rubric);
}
