import type { ActiveOffer } from '../../../../shared/api/shopper';
import { PlatformIcon } from './PlatformIcon';

/**
 * The check-in's steps in pictures, line drawings in the brand accent (currentColor) like the attract
 * screen's: a phone checking in at a place on the platform (its glyph on the phone's corner), and a
 * finger tapping the button. Decorative: each step says the same in words beside it. (The first step's
 * picture is the QR code itself.)
 */

export function CheckInPicture({ platform, className }: { platform: NonNullable<ActiveOffer['checkIn']>['platform']; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 120 120" fill="none" aria-hidden="true" focusable="false">
      <circle cx="60" cy="60" r="56" fill="currentColor" opacity="0.08" />
      <g stroke="currentColor" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round">
        <rect x="34" y="14" width="52" height="92" rx="10" fill="#ffffff" />
        <path d="M53 23h14" />
        <path d="M60 36c-10 0-18 8-18 18 0 13 18 30 18 30s18-17 18-30c0-10-8-18-18-18z" fill="currentColor" fillOpacity="0.14" />
        <path d="m52 54 6 6 10-11" />
        <path d="M46 95h28" opacity="0.45" />
      </g>
      <circle cx="88" cy="88" r="19" fill="#ffffff" stroke="currentColor" strokeWidth="4" />
      <PlatformIcon platform={platform} x="76" y="76" width="24" height="24" />
    </svg>
  );
}

export function TapPicture({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 120 120" fill="none" aria-hidden="true" focusable="false">
      <circle cx="60" cy="60" r="56" fill="currentColor" opacity="0.08" />
      <rect x="14" y="16" width="92" height="34" rx="17" fill="currentColor" />
      <path d="m32 33 6 6 12-12" stroke="#ffffff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
      {/* A pointing hand (lucide's pointer, closed and filled), its fingertip on the button. */}
      <g transform="translate(41.2 34.8) scale(2.6)" stroke="currentColor" strokeWidth="1.55" strokeLinecap="round" strokeLinejoin="round">
        <path
          d="M6 14V4a2 2 0 0 1 4 0v5a2 2 0 0 1 4 0v1a2 2 0 0 1 4 0v1a2 2 0 0 1 4 0v3a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.86-5.99-2.34l-3.6-3.6a2 2 0 0 1 2.83-2.82L6 14z"
          fill="#ffffff"
        />
        <path d="M10 9v2.5M14 10v2M18 11v2" />
      </g>
    </svg>
  );
}
