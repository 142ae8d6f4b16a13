#!/usr/bin/env node
// `npm run build`, last step: the ajv standalone validators beside the built schemas (src/schemas/standalone.ts).
import { writeStandaloneValidators } from '../dist/schemas/standalone.js';

for (const file of writeStandaloneValidators()) process.stdout.write(`wrote ${file}\n`);
