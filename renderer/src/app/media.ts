/** A media path from the catalog (`demo/jeans-1-navy.svg`) as the URL the host serves it at. */
export function mediaUrl(path: string): string {
  return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}
