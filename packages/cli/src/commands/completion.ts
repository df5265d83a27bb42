import { bashCompletion, zshCompletion } from '../completion.js';
import { defineCommand, EXIT } from '../io.js';
import { completionSpec } from '../specs/builtins.js';
import { COMMAND_SPECS } from '../specs/index.js';

export default defineCommand(completionSpec, async ({ positionals }, io) => {
  io.stdout(positionals[0] === 'zsh' ? zshCompletion(COMMAND_SPECS) : bashCompletion(COMMAND_SPECS));
  return EXIT.ok;
});
