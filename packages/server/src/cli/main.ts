// Entry point of the `tuoitho` command (launched by bin/tuoitho.mjs through tsx).
import { runCli } from './program';

process.exitCode = await runCli(process.argv);
