/** Every generated file, as { path: content }, computed without writing anything. */
export function generateAll(): Promise<Record<string, string>>;
