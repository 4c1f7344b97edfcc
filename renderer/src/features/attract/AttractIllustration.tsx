/**
 * A calm line illustration: a shirt on a hanger beside a column of size tags, one of them found. Drawn in
 * the brand accent (currentColor); decorative only.
 */
export function AttractIllustration({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 600 400" fill="none" aria-hidden="true" focusable="false">
      <circle cx="220" cy="215" r="170" fill="currentColor" opacity="0.07" />
      <g stroke="currentColor" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round">
        <path d="M220 78v-14c0-12 10-22 22-22s22 10 22 22-10 20-22 22" />
        <path d="M220 78 128 126h184z" />
        <path
          d="M190 126c8 18 52 18 60 0l62 16 42 62-40 22-18-26v154H144V200l-18 26-40-22 42-62z"
          fill="currentColor"
          fillOpacity="0.12"
        />
        <path d="M190 126c8 26 52 26 60 0" />
      </g>
      <g fontFamily="inherit" fontWeight="700" fontSize="34" textAnchor="middle">
        <circle cx="470" cy="110" r="40" stroke="currentColor" strokeWidth="4" opacity="0.4" />
        <text x="470" y="122" fill="currentColor" opacity="0.5">{'S'}</text>
        <circle cx="470" cy="210" r="40" fill="currentColor" />
        <text x="470" y="222" fill="#ffffff">{'M'}</text>
        <circle cx="470" cy="310" r="40" stroke="currentColor" strokeWidth="4" opacity="0.4" />
        <text x="470" y="322" fill="currentColor" opacity="0.5">{'L'}</text>
      </g>
      <path d="M530 212l14 14 30-32" stroke="currentColor" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
