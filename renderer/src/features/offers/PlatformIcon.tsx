import type { SVGProps } from 'react';
import type { ActiveOffer } from '../../../../shared/api/shopper';

type Platform = NonNullable<ActiveOffer['checkIn']>['platform'];

/**
 * A simple line glyph for each social platform, drawn like the UI's other icons (24 px grid, current
 * colour, round ends); always beside the platform's name in words, so it is decorative.
 */
export function PlatformIcon({ platform, ...rest }: { platform: Platform } & Omit<SVGProps<SVGSVGElement>, 'viewBox'>) {
  return (
    <svg
      {...rest}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {platform === 'instagram' ? (
        <>
          <rect x="3" y="3" width="18" height="18" rx="5" />
          <circle cx="12" cy="12" r="4" />
          <circle cx="17.25" cy="6.75" r="0.75" fill="currentColor" />
        </>
      ) : platform === 'facebook' ? (
        <>
          <circle cx="12" cy="12" r="9.5" />
          <path d="M15 7.5h-1.5a2.5 2.5 0 0 0-2.5 2.5v11.5" />
          <path d="M8.5 13h6" />
        </>
      ) : (
        <>
          <path d="M13.5 3v11.75a3.75 3.75 0 1 1-3.75-3.75" />
          <path d="M13.5 3c.4 2.9 2.4 4.8 5.5 5" />
        </>
      )}
    </svg>
  );
}
