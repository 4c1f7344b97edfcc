import { describe, expect, it } from 'vitest';
import { ChannelFileError, channelOfFile, pointFilesAt, readChannelFile } from './channelFile';

const WINDOWS = `version: 1.4.0
files:
  - url: Pillar Setup 1.4.0.exe
    sha512: abc==
    size: 90000000
    isAdminRightsRequired: true
  - url: 'https://cdn.example.com/Pillar-1.4.0-full.nupkg'
    sha512: def==
    size: 1
path: Pillar Setup 1.4.0.exe
sha512: abc==
releaseDate: '2030-01-05T10:00:00.000Z'
`;

describe('electron-builder feed files', () => {
  it('names the channel of a feed file', () => {
    expect(['latest.yml', 'latest-linux.yml', 'latest-linux-arm64.yml', 'latest-mac.yml', 'beta-linux.yml', 'notes.txt', 'Latest.yml'].map(channelOfFile)).toEqual(['latest', 'latest', 'latest', 'latest', 'beta', null, null]);
  });

  it('reads version and files, and points relative files at files/<version>/ with everything else as written', () => {
    expect(readChannelFile(WINDOWS)).toEqual({
      version: '1.4.0',
      files: [
        { url: 'Pillar Setup 1.4.0.exe', sha512: 'abc==', size: 90_000_000 },
        { url: 'https://cdn.example.com/Pillar-1.4.0-full.nupkg', sha512: 'def==', size: 1 },
      ],
    });
    const pointed = pointFilesAt(WINDOWS, '1.4.0');
    expect(pointed).toContain('  - url: files/1.4.0/Pillar%20Setup%201.4.0.exe\n');
    expect(pointed).toContain("  - url: 'https://cdn.example.com/Pillar-1.4.0-full.nupkg'\n");
    expect(pointed).toContain('path: files/1.4.0/Pillar%20Setup%201.4.0.exe\n');
    expect(pointed).toContain("releaseDate: '2030-01-05T10:00:00.000Z'\n");
    expect(readChannelFile(pointed).files[0]?.url).toBe('files/1.4.0/Pillar%20Setup%201.4.0.exe');
  });

  it('refuses what is not that shape', () => {
    expect(() => readChannelFile('files:\n  - url: a\n    sha512: b\n    size: 1\n')).toThrow(ChannelFileError);
    expect(() => readChannelFile('version: 1.0.0\nfiles: []\n')).toThrow('lists no files');
    expect(() => readChannelFile('version: 1.0.0\nfiles:\n  - url: a\n    size: 1\n')).toThrow('needs url, sha512 and size');
  });
});
