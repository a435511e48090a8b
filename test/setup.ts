// Loaded before every test file (bunfig.toml [test] preload).
import { setDefaultTimeout } from "bun:test";

// End-to-end tests spawn synth and run small scenarios; on a loaded 2-core CI machine that can
// take longer than bun's 5 s default. Speed is measured by `bun run bench`, never by timeouts.
setDefaultTimeout(60_000);
