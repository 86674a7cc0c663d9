#!/usr/bin/env node
// Compile the CLI once, and again only when a source is newer than the last build:
// `npm run rubric-check` then runs plain JavaScript and starts fast.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist-cli', '.stamp');
const sources = ['src/engine', 'src/xlsx', 'src/cli', 'src/host', 'src/office', 'scripts', 'rubric/schema.json', 'tsconfig.json', 'tsconfig.cli.json'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

// The rubric files the build checked ahead of time (src/cli/checked-rubrics.ts); a run without them is only slower.
function recordCheckedRubrics() {
  try {
    execFileSync(process.execPath, [path.join(root, 'dist-cli', 'scripts', 'check-rubrics.js')], { stdio: 'inherit', cwd: root });
  } catch {
    process.exit(2);
  }
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const records = path.join(root, 'dist-cli', 'rubric-checked');
if (sources.some((s) => newest(path.join(root, s)) > built)) {
  process.stderr.write('正在编译命令行工具 (compiling the CLI)…\n');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.cli.json')], { stdio: 'inherit', cwd: root });
  } catch {
    process.exit(2);
  }
  recordCheckedRubrics();
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
} else if (!fs.existsSync(records) || newest(path.join(root, 'rubric')) > fs.statSync(records).mtimeMs) {
  recordCheckedRubrics();
}
