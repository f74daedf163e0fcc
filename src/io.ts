/**
 * Everything a run may touch of the outside world: the core reads the working
 * folder, the environment, the clock and standard input only through this, so
 * tests can run commands in memory with a fake folder and clock. The process's
 * own Io is made in cli/process-io.ts.
 */
export interface Io {
  stdout(text: string): void;
  /**
   * Bytes of UTF-8 text to stdout as they are (a view's text kept in the cache), when the Io can take them without
   * decoding; without it they are decoded and given to stdout. An Io made from another with its own stdout leaves this out.
   */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Whether stdout / stderr are terminals (colour and widths depend on it). */
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  /** Terminal width of stdout, when it is a terminal. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdin(): Buffer;
  now(): Date;
  /**
   * Told what the run's answer depends on, where the process keeps runs to write them again (src/cache/replay.ts):
   * each file, folder or path where none is that a view's answer was made from, and, once it is made, that it
   * depended on nothing else besides the arguments, environment, terminal and day.
   */
  inputs?: { read(path: string): void; answeredFromThese(): void };
}
