#!/usr/bin/env node
// The awsh command: a thin layer over the bundled CLI (dist/cli.cjs), which uses only the public embedding API.
// CommonJS (bin/package.json), since a CommonJS entry starts faster than an ES module.
// The SDK's notice about future Node.js support is for developers, not for people running scripts.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { join } = require('node:path');
const dist = join(__dirname, '..', 'dist');
let boot;
try {
  boot = require(join(dist, 'boot.cjs'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('boot.cjs')) {
    process.stderr.write('awsh: not built yet; run `npm run build` first.\n');
    process.exit(1);
  }
  throw err;
}
boot.run(dist, process.argv.slice(2));
