export function codeCacheNode(dist: string): string;
export function codeCacheWarning(dist: string, version?: string): string | undefined;
