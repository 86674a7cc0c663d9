/** What a command writes to and how it ends; tests pass their own to capture output and exit codes. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  exit(code: number): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  exit: (code) => {
    process.exitCode = code;
  },
};
