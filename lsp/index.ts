// Public surface of the language server: start it on a connection (stdio in `synth lsp`).
export { startServer, type ServerOptions } from "./server.ts";
