export { type CliIO, type Command, EXIT, type ExitCode, main } from './main.js';
