/**
 * The one definition of every map layer's features: sql/sources/<layer>.sql gives one row per feature (id, demo,
 * properties json — no personal data —, geom EPSG:4326). The map API (/api/layers), OGC API – Features, the vector
 * tiles and the exports all wrap these sources, so a property added to a layer shows everywhere alike.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LayerId } from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';

/** sources/<layer>.sql for every LayerId, loaded once at start (a missing one stops the start). */
export const layerSources = loadSqlDir(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql', 'sources'), LayerId.options);

/** wrapper with each `(__SOURCE__)` replaced by the source in parentheses (its comments end before the `)`). */
export function spliceSource(wrapper: string, source: string): string {
  if (!wrapper.includes('(__SOURCE__)')) throw new Error('SQL wrapper without (__SOURCE__)');
  return wrapper.replaceAll('(__SOURCE__)', () => `(\n${source}\n)`);
}
