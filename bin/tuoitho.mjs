#!/usr/bin/env node
// Launcher of the `tuoitho` command: runs the TypeScript CLI (packages/server/src/cli/main.ts)
// through tsx in this process, so there is no build step. `npx tuoitho --help` lists the commands.
import { register } from 'tsx/esm/api';

register();
await import('../packages/server/src/cli/main.ts');
