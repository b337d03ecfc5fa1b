/** clausier's name and version, as reports and the cache key name them. */
import packageJson from '../../package.json' with { type: 'json' };

export const TOOL: Readonly<{ name: string; version: string }> = {
  name: 'clausier',
  version: packageJson.version,
};
