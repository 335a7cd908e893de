/**
 * `npm run backtest -- --data FILE --strategy sma-cross --fast 10 --slow 30 [options]` (`--help` lists them all):
 * runs the strategy over the recorded bars with the live engine components, prints the statistics table and
 * writes trades.csv and equity.csv. Exit 0 on success, 1 when the data cannot be used, 2 on bad arguments.
 */
import { runBacktestCli } from "@/lib/backtest/cli/run-cli";

process.exitCode = await runBacktestCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
