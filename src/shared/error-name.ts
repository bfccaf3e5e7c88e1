// What may be logged of an error: its name only. Its message and fields may carry record values
// (a name, a note), which never reach a log.
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'unknown error';
}
