#!/usr/bin/env node
// Signal handlers first: Ctrl-C or SIGTERM at any moment leaves a report marked interrupted (130 / 143).
import { installSignalHandlers } from '../dist/cli/signals.js';
installSignalHandlers();
// Tiny launcher: everything lives in the built CLI (dist/cli/launch.js, also the standalone executables'
// entry point).
import { launch } from '../dist/cli/launch.js';

launch(process.argv);
