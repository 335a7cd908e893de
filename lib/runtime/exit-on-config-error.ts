import { ConfigError, type Config, getConfig } from "@/lib/config";

/** Loads config for a process entry point; a wrong value stops the process with a message naming the variable. */
export function loadConfigOrExit(): Config {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
