/**
 * A price tag with its barcode under a scanner's beam, in the brand accent (currentColor); decorative.
 */
export function ScanIllustration({ className }: { className?: string }) {
  const bars = [0, 6, 10, 18, 22, 26, 34, 38, 46, 50, 54, 62, 68, 72, 80, 86, 90, 98];
  return (
    <svg className={className} viewBox="0 0 240 200" fill="none" aria-hidden="true" focusable="false">
      <circle cx="120" cy="104" r="92" fill="currentColor" opacity="0.08" />
      {/* The tag, hanging from its string. */}
      <path d="M120 18c-14 0-22 10-22 22" stroke="currentColor" strokeWidth="4" strokeLinecap="round" opacity="0.5" />
      <path
        d="M62 62a10 10 0 0 1 10-10h96a10 10 0 0 1 10 10v104a10 10 0 0 1-10 10H72a10 10 0 0 1-10-10z"
        fill="#ffffff"
        stroke="currentColor"
        strokeWidth="5"
      />
      <circle cx="120" cy="70" r="6" stroke="currentColor" strokeWidth="4" />
      <rect x="80" y="88" width="56" height="8" rx="4" fill="currentColor" opacity="0.35" />
      <rect x="80" y="102" width="36" height="8" rx="4" fill="currentColor" opacity="0.35" />
      <g fill="currentColor">
        {bars.map((x, index) => (
          <rect key={x} x={71 + x} y="122" width={index % 3 === 0 ? 4 : 2.5} height="34" />
        ))}
      </g>
      {/* The beam across the bars. */}
      <path d="M40 139h160" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      <path d="M28 139h6M206 139h6" stroke="currentColor" strokeWidth="4" strokeLinecap="round" opacity="0.5" />
    </svg>
  );
}
