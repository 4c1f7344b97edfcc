import { AppVersion } from '../../shared/sync/fleet';

/**
 * electron-updater's generic feed, as electron-builder writes it next to the installers
 * (`latest.yml` for Windows, `latest-linux.yml`, `latest-mac.yml`; `<channel>…` for other channels):
 *
 *     version: 1.4.0
 *     files:
 *       - url: Pillar-1.4.0.AppImage
 *         sha512: <base64>
 *         size: 123456789
 *         blockMapSize: 12345      (optional)
 *     path: Pillar-1.4.0.AppImage  (deprecated: the first file again)
 *     sha512: <base64>             (deprecated)
 *     releaseDate: '2026-11-20T10:00:00.000Z'
 *
 * HQ keeps the file as written and changes only where the files are: relative `url`s (and `path`)
 * become `files/<version>/<name>`, which electron-updater resolves against the feed's address
 * (`<hq>/v1/updates/`) — the installer of the very version the pillar was told to run, behind its token.
 * HQ reads no more YAML than this shape; a file of another shape is refused, not guessed at.
 */

export interface ChannelFileInfo {
  version: string;
  files: { url: string; sha512: string; size: number }[];
}

export class ChannelFileError extends Error {
  override readonly name = 'ChannelFileError';
}

/** The channel a feed file names: `latest-linux.yml` → `latest`, `beta.yml` → `beta`, `latest-linux-arm64.yml` → `latest`. */
export function channelOfFile(fileName: string): string | null {
  const match = /^([a-z][a-z0-9-]{0,31}?)(?:-linux(?:-(?:arm64|armv7l|ia32|x64))?|-mac)?\.yml$/.exec(fileName);
  return match?.[1] ?? null;
}

/** The version and files of a feed file; `ChannelFileError` when it is not the shape electron-builder writes. */
export function readChannelFile(text: string): ChannelFileInfo {
  const lines = text.split(/\r?\n/);
  let version: string | null = null;
  const files: { url?: string; sha512?: string; size?: number }[] = [];
  let inFiles = false;
  for (const line of lines) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const top = /^([A-Za-z][A-Za-z0-9]*):\s*(.*)$/.exec(line);
    if (top) {
      const [, key = '', value = ''] = top;
      inFiles = key === 'files' && value === '';
      if (key === 'version') version = scalar(value);
      continue;
    }
    if (!inFiles) continue;
    const item = /^\s+(- )?\s*([A-Za-z][A-Za-z0-9]*):\s*(.*)$/.exec(line);
    if (!item) continue;
    const [, dash, key = '', raw = ''] = item;
    if (dash) files.push({});
    const file = files.at(-1);
    if (!file) throw new ChannelFileError('a file entry starts without "- "');
    const value = scalar(raw);
    if (key === 'url') file.url = value;
    else if (key === 'sha512') file.sha512 = value;
    else if (key === 'size') file.size = Number(value);
  }
  if (version === null || !AppVersion.safeParse(version).success) throw new ChannelFileError('it has no "version: x.y.z"');
  if (files.length === 0) throw new ChannelFileError('it lists no files');
  const checked = files.map((file, index) => {
    if (!file.url || !file.sha512 || file.size === undefined || !Number.isSafeInteger(file.size) || file.size < 0) {
      throw new ChannelFileError(`file ${index + 1} needs url, sha512 and size`);
    }
    return { url: file.url, sha512: file.sha512, size: file.size };
  });
  return { version, files: checked };
}

/** The feed file with its relative `url`s and `path` pointing at `files/<version>/<name>`; everything else as written. */
export function pointFilesAt(text: string, version: string): string {
  return text
    .split(/(\r?\n)/)
    .map((line) => {
      const match = /^(\s*(?:- )?\s*(?:url|path):\s*)(.+?)\s*$/.exec(line);
      if (!match) return line;
      const [, prefix = '', raw = ''] = match;
      const name = scalar(raw);
      // An absolute address is where the release lives already; only names in the release folder move.
      if (/^[a-z][a-z0-9+.-]*:/i.test(name)) return line;
      return `${prefix}files/${encodeURIComponent(version)}/${encodeURIComponent(name)}`;
    })
    .join('');
}

/** A plain or quoted YAML scalar on one line. */
function scalar(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return JSON.parse(value) as string;
  return value;
}
