#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI (dist/cli/launch.js, also the standalone executables'
// entry point).
import { launch } from '../dist/cli/launch.js';

launch(process.argv);
