#!/usr/bin/env node
// The awsh command: a thin layer over the bundled CLI (dist/cli.js), which uses only the public embedding API.
// The SDK's notice about future Node.js support is for developers, not for people running scripts.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import('../dist/cli.js').then((m) => m.main(process.argv.slice(2))).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    process.stderr.write('awsh: not built yet; run `npm run build` first.\n');
    process.exit(1);
  }
  throw err;
});
